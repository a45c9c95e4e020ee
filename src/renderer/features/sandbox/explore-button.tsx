/**
 * "Explore with sample data": opens the sandbox (the welcome screen and Settings offer it).
 */
import { Button } from '../../components/button';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../lib/i18n';
import { useSandboxStore } from '../../stores/sandbox-store';

export function ExploreButton({
  variant = 'secondary',
}: {
  variant?: 'primary' | 'secondary';
}): React.JSX.Element {
  const busy = useSandboxStore((s) => s.busy === 'entering');
  const enter = useSandboxStore((s) => s.enter);
  const t = useT();
  return (
    <Button
      variant={variant}
      icon="sparkle"
      busy={busy}
      onClick={() => void enter()}
      data-testid="explore-sandbox"
    >
      {busy ? t('sandbox.preparing') : t('sandbox.explore')}
    </Button>
  );
}

/** Why entering failed, if it did (shown under the button that tried). */
export function ExploreError(): React.JSX.Element | null {
  const error = useSandboxStore((s) => (s.status?.active ? null : s.error));
  return error ? <ErrorCallout error={error} compact /> : null;
}
