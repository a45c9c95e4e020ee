/**
 * The sandbox's banner: always on top while the window shows sample data, with the way out.
 */
import { Button } from '../../components/button';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { useSandboxStore } from '../../stores/sandbox-store';

export function SandboxBanner(): React.JSX.Element | null {
  const active = useSandboxStore((s) => s.status?.active ?? false);
  const busy = useSandboxStore((s) => s.busy);
  const error = useSandboxStore((s) => s.error);
  const leave = useSandboxStore((s) => s.leave);
  const t = useT();
  if (!active) return null;
  return (
    <div className="banner banner-sandbox" role="status" data-testid="sandbox-banner">
      <Icon name="info" className="banner-icon" />
      <div className="banner-body">
        <p className="banner-title">{t('sandbox.banner.title')}</p>
        <p>{t('sandbox.banner.body')}</p>
        {error ? <ErrorCallout error={error} compact /> : null}
      </div>
      <div className="banner-actions">
        <Button size="sm" busy={busy === 'leaving'} onClick={() => void leave()} data-testid="leave-sandbox">
          {busy === 'leaving' ? t('sandbox.leaving') : t('sandbox.leave')}
        </Button>
      </div>
    </div>
  );
}
