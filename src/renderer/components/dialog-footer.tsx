/**
 * A dialog's footer: Cancel (or Back, or Close) and the one primary action, busy while its call
 * runs.
 *
 * Every dialog that sends something ends the same way, so it is written once: while the call runs
 * the primary button spins and Cancel waits, since a write to Cloudflare must not be abandoned
 * halfway. Something may lead the row on the left, e.g. the last attempt's error.
 */
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n';
import { Button } from './button';
import type { IconName } from './icons';

export interface PrimaryAction {
  label: ReactNode;
  variant?: 'primary' | 'danger';
  icon?: IconName;
  iconAfter?: IconName;
  /** When set, the action is unavailable and says why. */
  disabledReason?: string | null;
  onClick?: () => void;
  /** Submits this form instead (so Enter in one of its fields does the same as the button). */
  form?: string;
}

export interface DialogFooterProps {
  onCancel: () => void;
  /** "Cancel" unless the dialog says otherwise ("Back", "Close"). */
  cancelLabel?: string;
  /** The primary action's call is running. */
  busy: boolean;
  /** The primary action; null when nothing is left to do but close. */
  primary: PrimaryAction | null;
  /** Shown at the start of the row, before the buttons. */
  lead?: ReactNode;
}

export function DialogFooter({
  onCancel,
  cancelLabel,
  busy,
  primary,
  lead,
}: DialogFooterProps): React.JSX.Element {
  const t = useT();
  return (
    <>
      {lead !== undefined ? (
        <>
          {lead}
          <span className="footer-spacer" />
        </>
      ) : null}
      <Button onClick={onCancel} disabled={busy}>
        {cancelLabel ?? t('common.actions.cancel')}
      </Button>
      {primary ? (
        <Button
          variant={primary.variant ?? 'primary'}
          icon={primary.icon}
          iconAfter={primary.iconAfter}
          busy={busy}
          disabledReason={primary.disabledReason ?? null}
          {...(primary.form === undefined
            ? { onClick: primary.onClick }
            : { type: 'submit' as const, form: primary.form })}
        >
          {primary.label}
        </Button>
      ) : null}
    </>
  );
}
