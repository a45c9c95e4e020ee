/**
 * The detail panel's toolbar: verify, copy curl, copy secret, edit, roll, enable/disable, delete,
 * and under it, in plain words, why any of them is unavailable.
 *
 * Unavailable actions stay focusable and carry their reason (see components/button.tsx); the list
 * repeats the reasons once each, for people who do not hover.
 */
import { useState } from 'react';
import type { TokenRow } from '../../../shared/domain';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { MenuButton } from '../../components/menu';
import { useT } from '../../lib/i18n';
import type { ActionAvailability } from '../../lib/token-actions';
import { copyToken, setTokenStatus, verifyToken } from './token-commands';

/** The actions that open something: the wizard or one of the panel's dialogs. */
export type OpenedAction = 'edit' | 'roll' | 'delete';

export interface TokenActionsBarProps {
  row: TokenRow;
  available: ActionAvailability;
  onOpen: (action: OpenedAction) => void;
}

export function TokenActionsBar({ row, available, onOpen }: TokenActionsBarProps): React.JSX.Element {
  const t = useT();
  const [busy, setBusy] = useState<'verify' | 'status' | null>(null);
  const run = (name: 'verify' | 'status', action: () => Promise<unknown>): void => {
    setBusy(name);
    void action().finally(() => setBusy(null));
  };
  const reasons = [
    ...new Set(
      [available.verify, available.edit, available.roll, available.delete].filter(
        (r): r is string => r !== null,
      ),
    ),
  ];

  return (
    <>
      <div className="detail-actions" role="toolbar" aria-label={t('tokenDetail.actions.label')}>
        <Button
          size="sm"
          icon="check"
          disabledReason={available.verify}
          busy={busy === 'verify'}
          onClick={() => run('verify', () => verifyToken(row))}
        >
          {t('tokenDetail.actions.verify')}
        </Button>
        <MenuButton
          size="sm"
          icon="terminal"
          iconAfter="chevron-down"
          label={t('tokenDetail.actions.copyCurl')}
          items={[
            {
              id: 'curl-secret',
              label: t('tokenDetail.actions.curlSecret'),
              hint: t('tokenDetail.actions.curlSecretHint'),
              disabledReason: available.copyCurlSecret,
              onSelect: () => void copyToken(row, 'curl_secret'),
            },
            {
              id: 'curl-env',
              label: t('tokenDetail.actions.curlEnv'),
              hint: t('tokenDetail.actions.curlEnvHint'),
              disabledReason: available.copyCurlEnv,
              onSelect: () => void copyToken(row, 'curl_env'),
            },
          ]}
        />
        <Button
          size="sm"
          icon="copy"
          disabledReason={available.copySecret}
          onClick={() => void copyToken(row, 'secret')}
        >
          {t('tokenDetail.actions.copySecret')}
        </Button>
        <Button size="sm" icon="edit" disabledReason={available.edit} onClick={() => onOpen('edit')}>
          {t('tokenDetail.actions.edit')}
        </Button>
        <Button size="sm" icon="roll" disabledReason={available.roll} onClick={() => onOpen('roll')}>
          {t('tokenDetail.actions.roll')}
        </Button>
        <Button
          size="sm"
          icon="power"
          disabledReason={available.toggleStatus}
          busy={busy === 'status'}
          onClick={() =>
            run('status', () => setTokenStatus(row, row.status === 'active' ? 'disabled' : 'active'))
          }
        >
          {t(row.status === 'active' ? 'tokenDetail.actions.disable' : 'tokenDetail.actions.enable')}
        </Button>
        <Button
          size="sm"
          variant="danger-ghost"
          icon="trash"
          disabledReason={available.delete}
          onClick={() => onOpen('delete')}
        >
          {t('tokenDetail.actions.delete')}
        </Button>
      </div>
      {reasons.length > 0 ? (
        <ul className="action-reasons" aria-label={t('tokenDetail.actions.reasons')}>
          {reasons.map((reason) => (
            <li key={reason}>
              <Icon name="info" size={12} /> {reason}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
