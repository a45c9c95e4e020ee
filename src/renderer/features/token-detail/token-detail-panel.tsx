/**
 * The detail panel: everything Keyflare knows about one token, and what can be done with it.
 *
 * This component loads the detail and works out which actions are available; the toolbar, the
 * secret section, the facts and the dialogs are components of their own in this folder.
 */
import { useEffect, useState } from 'react';
import { SecretKept, StatusBadge } from '../../components/badges';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { tokenActionAvailability, uneditableReason } from '../../lib/token-actions';
import { useNow } from '../../lib/use-now';
import { useAppStore } from '../../stores/app-store';
import { syncStatusOf, useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { AdoptDialog } from './adopt-dialog';
import { DeleteDialog } from './delete-dialog';
import { DetailBody } from './detail-body';
import { RollDialog } from './roll-dialog';
import { SecretSection } from './secret-section';
import { TokenActionsBar, type OpenedAction } from './token-actions-bar';
import { PolicyCodeMenu } from '../policy-code/policy-code-menu';

type OpenDialog = 'roll' | 'delete' | 'adopt' | null;

export function TokenDetailPanel(): React.JSX.Element | null {
  const t = useT();
  const selectedKey = useUiStore((s) => s.selectedKey);
  const detailOpen = useUiStore((s) => s.detailOpen);
  const closeDetail = useUiStore((s) => s.closeDetail);
  const openDialog = useUiStore((s) => s.openDialog);
  const row = useTokensStore((s) => s.rows.find((r) => r.key === selectedKey) ?? null);
  const detail = useTokensStore((s) => (s.detailKey === selectedKey ? s.detail : null));
  const detailState = useTokensStore((s) => s.detailState);
  const detailError = useTokensStore((s) => s.detailError);
  const loadDetail = useTokensStore((s) => s.loadDetail);
  const sync = useProfilesStore((s) => s.sync);
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === row?.profileId) ?? null);
  const keychainAvailable = useAppStore((s) => s.info?.keychain.available ?? true);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const now = useNow(30_000);

  useEffect(() => {
    if (detailOpen && selectedKey !== null) void loadDetail(selectedKey);
  }, [detailOpen, selectedKey, loadDetail]);

  if (!detailOpen || !row) return null;

  const status = syncStatusOf(sync, row.profileId);
  const available = tokenActionAvailability(row, {
    allowed: detail?.allowed ?? null,
    uneditable: detail ? uneditableReason(detail) : null,
    offline: status.offline,
    rateLimitedUntil: status.rateLimitedUntil,
    keychainAvailable,
    now,
  });
  const open = (action: OpenedAction): void => {
    if (action === 'edit') openDialog({ kind: 'wizard', target: { mode: 'edit', tokenKey: row.key } });
    else setDialog(action);
  };

  return (
    <aside className="detail-panel" aria-labelledby="detail-title" data-testid="token-detail">
      <header className="detail-header">
        <div className="detail-title-row">
          <h2 id="detail-title" className="detail-title">
            {row.name}
          </h2>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={t('tokenDetail.panel.close')}
            title={t('tokenDetail.panel.closeTitle')}
            onClick={closeDetail}
          >
            <Icon name="x" />
          </button>
        </div>
        <div className="detail-meta">
          <StatusBadge status={row.status} />
          <span className="detail-meta-item">
            <Icon name={row.kind === 'user' ? 'user' : 'building'} size={13} />
            {row.kind === 'user'
              ? t('tokenDetail.panel.userToken')
              : t('tokenDetail.panel.accountOwned', { account: row.accountName ?? row.accountId ?? '' })}
          </span>
          <span className="detail-meta-item">
            <Icon name="layers" size={13} />
            {profile?.label ?? row.profileLabel}
          </span>
          <span className="detail-meta-item">
            <SecretKept kept={row.secretKept} />
            {t(row.secretKept ? 'tokenDetail.panel.secretKept' : 'tokenDetail.panel.noSecret')}
          </span>
        </div>
        <TokenActionsBar row={row} available={available} onOpen={open} />
        <PolicyCodeMenu row={row} detail={detail} retireBlocked={available.delete} />
      </header>

      <div className="detail-scroll">
        {detailState === 'error' && detailError ? <ErrorCallout error={detailError} compact /> : null}

        <SecretSection row={row} available={available} onAdopt={() => setDialog('adopt')} />

        <DetailBody row={row} detail={detail} now={now} />
      </div>

      {dialog === 'roll' ? <RollDialog row={row} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteDialog row={row} onClose={() => setDialog(null)} /> : null}
      {dialog === 'adopt' ? <AdoptDialog row={row} onClose={() => setDialog(null)} /> : null}
    </aside>
  );
}
