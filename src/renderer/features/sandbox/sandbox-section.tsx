/**
 * Settings → Sandbox: try Keyflare on sample data, or leave the sandbox from here too.
 */
import { Button } from '../../components/button';
import { useT } from '../../lib/i18n';
import { useSandboxStore } from '../../stores/sandbox-store';
import { ExploreButton, ExploreError } from './explore-button';

export function SandboxSection(): React.JSX.Element {
  const active = useSandboxStore((s) => s.status?.active ?? false);
  const leaving = useSandboxStore((s) => s.busy === 'leaving');
  const leave = useSandboxStore((s) => s.leave);
  const t = useT();
  return (
    <section className="about" aria-labelledby="sandbox-settings-heading" data-testid="sandbox-settings">
      <h3 id="sandbox-settings-heading" className="wizard-subheading">
        {t('sandbox.settings.heading')}
      </h3>
      {active ? (
        <>
          <p className="muted">{t('sandbox.settings.inside')}</p>
          <div className="sandbox-section-actions">
            <Button busy={leaving} onClick={() => void leave()}>
              {t('sandbox.leave')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('sandbox.settings.outside')}</p>
          <div className="sandbox-section-actions">
            <ExploreButton />
          </div>
          <ExploreError />
        </>
      )}
    </section>
  );
}
