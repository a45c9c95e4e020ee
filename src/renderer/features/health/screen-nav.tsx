/**
 * The sidebar's entries for the two cross-login screens: Access (who can do what where) and
 * Health (what needs care), with the number of problems to act on or fix once Health was read.
 */
import { Icon, type IconName } from '../../components/icons';
import { formatNumber } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useHealthStore } from '../../stores/health-store';
import { useUiStore, type Screen } from '../../stores/ui-store';

function ScreenItem({
  screen,
  label,
  icon,
  count,
  countLabel,
}: {
  screen: Screen;
  label: string;
  icon: IconName;
  count?: number;
  countLabel?: string;
}): React.JSX.Element {
  const current = useUiStore((s) => s.screen === screen);
  const setScreen = useUiStore((s) => s.setScreen);
  return (
    <button
      type="button"
      className={`nav-item${current ? ' nav-item-current' : ''}`}
      aria-current={current ? 'page' : undefined}
      onClick={() => setScreen(screen)}
    >
      <Icon name={icon} className="nav-icon" />
      <span className="nav-text">
        <span className="nav-label">{label}</span>
      </span>
      {count !== undefined && count > 0 ? (
        <span className="nav-count nav-count-alert" aria-label={countLabel}>
          {formatNumber(count)}
        </span>
      ) : null}
    </button>
  );
}

export function ScreenNav(): React.JSX.Element {
  const counts = useHealthStore((s) => s.report?.counts ?? null);
  const attention = counts ? counts.danger + counts.warning : undefined;
  const t = useT();
  return (
    <>
      <ScreenItem screen="access" label={t('access.title')} icon="shield" />
      <ScreenItem
        screen="health"
        label={t('health.title')}
        icon="alert"
        {...(attention !== undefined
          ? { count: attention, countLabel: t('health.navCount', { count: attention }) }
          : {})}
      />
    </>
  );
}
