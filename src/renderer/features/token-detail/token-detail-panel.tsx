/**
 * The detail panel: everything Keyflare knows about one token, and what can be done with it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Account, HistoryEntry, TokenDetail, TokenRow, TokenWarning } from '../../../shared/domain';
import { SecretKept, StatusBadge, VerifyBadge } from '../../components/badges';
import { Button } from '../../components/button';
import { ErrorCallout } from '../../components/error-callout';
import { Icon, type IconName } from '../../components/icons';
import { MenuButton } from '../../components/menu';
import { RelativeTime } from '../../components/relative-time';
import { formatDateTime, sentence } from '../../lib/format';
import { policyViews } from '../../lib/policy-view';
import { tokenActionAvailability, uneditableReason } from '../../lib/token-actions';
import { useNow } from '../../lib/use-now';
import { useAppStore } from '../../stores/app-store';
import { syncStatusOf, useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { AdoptDialog } from './adopt-dialog';
import { DeleteDialog } from './delete-dialog';
import { RollDialog } from './roll-dialog';
import { copyToken, forgetSecret, setTokenStatus, verifyToken } from './token-commands';

type OpenDialog = 'roll' | 'delete' | 'adopt' | null;

const WARNING_ICON: Record<TokenWarning['severity'], IconName> = {
  danger: 'alert',
  warning: 'alert',
  info: 'info',
};

const HISTORY_ICON: Record<HistoryEntry['kind'], IconName> = {
  created: 'plus',
  modified: 'edit',
  status_changed: 'power',
  rolled: 'roll',
  policies_changed: 'shield',
  deleted: 'trash',
  secret_removed: 'key',
};

function Section({
  title,
  children,
  id,
}: {
  title: string;
  children: React.ReactNode;
  id: string;
}): React.JSX.Element {
  return (
    <section className="detail-section" aria-labelledby={id}>
      <h3 id={id} className="detail-heading">
        {title}
      </h3>
      {children}
    </section>
  );
}

function DateRow({
  label,
  iso,
  now,
  fallback,
}: {
  label: string;
  iso: string | null;
  now: Date;
  fallback: string;
}): React.JSX.Element {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>
        {iso ? (
          <>
            <span>{formatDateTime(iso)}</span>{' '}
            <span className="muted">
              (<RelativeTime iso={iso} now={now} />)
            </span>
          </>
        ) : (
          <span className="muted">{fallback}</span>
        )}
      </dd>
    </div>
  );
}

function Policies({ detail, accounts }: { detail: TokenDetail; accounts: Account[] }): React.JSX.Element {
  const views = useMemo(() => policyViews(detail.policies), [detail.policies]);
  const accountName = (id: string | null): string | null =>
    id ? (accounts.find((a) => a.id === id && a.profileId === detail.profileId)?.name ?? null) : null;
  if (views.length === 0) return <p className="muted">This token has no policies.</p>;
  return (
    <ol className="policy-list">
      {views.map((view, index) => (
        <li key={`${view.id}-${index}`} className={`policy policy-${view.effect}`}>
          <div className="policy-head">
            <span className={`effect effect-${view.effect}`}>
              {view.effect === 'allow' ? 'Allow' : 'Deny'}
            </span>
            <span className="muted">Policy {index + 1}</span>
          </div>
          {view.groups.map((group) => (
            <div key={group.scope} className="policy-scope">
              <span className="policy-scope-title">{group.scope} permissions</span>
              <ul className="chips">
                {group.names.map((name) => (
                  <li key={name} className="perm-chip">
                    {name}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="policy-resources">
            <span className="policy-scope-title">{view.effect === 'allow' ? 'Include' : 'Deny on'}</span>
            <ul className="resource-list">
              {view.include.map((resource) => {
                const owner = resource.kind === 'zone' ? accountName(resource.accountId) : null;
                return (
                  <li key={resource.key}>
                    <Icon
                      name={
                        resource.kind.includes('zone')
                          ? 'globe'
                          : resource.kind === 'user'
                            ? 'user'
                            : 'building'
                      }
                      size={13}
                    />
                    <span>{resource.label}</span>
                    {owner ? <span className="muted"> · {owner}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
          {view.exclude.length > 0 ? (
            <div className="policy-resources">
              <span className="policy-scope-title">Exclude</span>
              <ul className="resource-list resource-list-exclude">
                {view.exclude.map((resource) => (
                  <li key={resource.key}>
                    <Icon name="x" size={13} />
                    <span>{resource.label}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The parts of a token Keyflare's editor cannot hold, in full: why Edit is unavailable. */
function Uneditable({ parts }: { parts: string[] }): React.JSX.Element {
  return (
    <div className="callout callout-warn" data-testid="uneditable">
      <Icon name="alert" className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">Keyflare cannot edit this token</p>
        <p className="callout-text">
          Saving it from Keyflare would remove these parts. Edit it in the Cloudflare dashboard instead:
        </p>
        <ul className="callout-facts">
          {parts.map((part) => (
            <li key={part}>{part}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function History({ entries, now }: { entries: HistoryEntry[]; now: Date }): React.JSX.Element {
  if (entries.length === 0)
    return (
      <p className="muted">
        No changes recorded yet. Keyflare records changes it makes and changes it notices between syncs.
      </p>
    );
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <ol className="timeline">
      {sorted.map((entry) => (
        <li key={entry.id} className="timeline-item">
          <span className="timeline-icon" aria-hidden="true">
            <Icon name={HISTORY_ICON[entry.kind]} size={12} />
          </span>
          <div>
            <p className="timeline-summary">{entry.summary}</p>
            <p className="muted timeline-meta">
              <RelativeTime iso={entry.at} now={now} /> ·{' '}
              {entry.source === 'keyflare' ? 'by Keyflare' : 'seen at sync'}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function DetailBody({
  row,
  detail,
  now,
}: {
  row: TokenRow;
  detail: TokenDetail | null;
  now: Date;
}): React.JSX.Element {
  const accounts = useProfilesStore((s) => s.accounts);
  const source = detail ?? row;
  return (
    <>
      {source.warnings.length > 0 ? (
        <ul className="warning-list" aria-label="Warnings">
          {source.warnings.map((warning) => (
            <li key={warning.kind} className={`warning warning-${warning.severity}`}>
              <Icon name={WARNING_ICON[warning.severity]} size={14} />
              <span>{sentence(warning.message)}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <Section title="Access" id="detail-access">
        {detail ? (
          <>
            <Policies detail={detail} accounts={accounts} />
            {detail.edit.unrepresentable.length > 0 ? (
              <Uneditable parts={detail.edit.unrepresentable} />
            ) : null}
          </>
        ) : (
          <p>
            {row.permissionsSummary} on {row.resourcesSummary}
          </p>
        )}
      </Section>

      <Section title="IP filter" id="detail-ip">
        {detail ? (
          detail.requestIp.in.length === 0 && detail.requestIp.notIn.length === 0 ? (
            <p className="muted">Works from any IP address.</p>
          ) : (
            <dl className="kv-list">
              {detail.requestIp.in.length > 0 ? (
                <div className="kv">
                  <dt>Only from</dt>
                  <dd className="mono">{detail.requestIp.in.join(', ')}</dd>
                </div>
              ) : null}
              {detail.requestIp.notIn.length > 0 ? (
                <div className="kv">
                  <dt>Not from</dt>
                  <dd className="mono">{detail.requestIp.notIn.join(', ')}</dd>
                </div>
              ) : null}
            </dl>
          )
        ) : (
          <p>{row.ipFilterSummary ?? 'Works from any IP address.'}</p>
        )}
      </Section>

      <Section title="Validity" id="detail-validity">
        <dl className="kv-list">
          <DateRow label="Valid from" iso={source.notBefore} now={now} fallback="Immediately" />
          <DateRow label="Expires" iso={source.expiresOn} now={now} fallback="Never" />
        </dl>
      </Section>

      <Section title="Activity" id="detail-activity">
        <dl className="kv-list">
          <DateRow label="Issued" iso={source.issuedOn} now={now} fallback="Unknown" />
          <DateRow label="Modified" iso={source.modifiedOn} now={now} fallback="Unknown" />
          <DateRow label="Last used" iso={source.lastUsedOn} now={now} fallback="Never used" />
        </dl>
      </Section>

      <Section title="Last verify" id="detail-verify">
        {source.lastVerify ? (
          <div className="verify-result" data-testid="last-verify">
            <VerifyBadge result={source.lastVerify} now={now} />
            <p>{source.lastVerify.message}</p>
            <p className="muted">
              Checked <RelativeTime iso={source.lastVerify.checkedAt} now={now} />
            </p>
          </div>
        ) : (
          <p className="muted" data-testid="last-verify">
            Not verified yet. Verify asks Cloudflare whether this token’s secret works right now.
          </p>
        )}
      </Section>

      <Section title="History" id="detail-history">
        {detail ? <History entries={detail.history} now={now} /> : <p className="muted">Loading…</p>}
      </Section>

      <p className="detail-id">
        Token ID <span className="mono">{row.id}</span>
      </p>
    </>
  );
}

export function TokenDetailPanel(): React.JSX.Element | null {
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
  const [busy, setBusy] = useState<string | null>(null);
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
  const run = (name: string, action: () => Promise<unknown>): void => {
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
    <aside className="detail-panel" aria-labelledby="detail-title" data-testid="token-detail">
      <header className="detail-header">
        <div className="detail-title-row">
          <h2 id="detail-title" className="detail-title">
            {row.name}
          </h2>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Close details"
            title="Close (Esc)"
            onClick={closeDetail}
          >
            <Icon name="x" />
          </button>
        </div>
        <div className="detail-meta">
          <StatusBadge status={row.status} />
          <span className="detail-meta-item">
            <Icon name={row.kind === 'user' ? 'user' : 'building'} size={13} />
            {row.kind === 'user' ? 'User token' : `Account-owned · ${row.accountName ?? row.accountId ?? ''}`}
          </span>
          <span className="detail-meta-item">
            <Icon name="layers" size={13} />
            {profile?.label ?? row.profileLabel}
          </span>
          <span className="detail-meta-item">
            <SecretKept kept={row.secretKept} />
            {row.secretKept ? 'Secret in keychain' : 'No secret kept'}
          </span>
        </div>
        <div className="detail-actions" role="toolbar" aria-label="Token actions">
          <Button
            size="sm"
            icon="check"
            disabledReason={available.verify}
            busy={busy === 'verify'}
            onClick={() => run('verify', () => verifyToken(row))}
          >
            Verify
          </Button>
          <MenuButton
            size="sm"
            icon="terminal"
            iconAfter="chevron-down"
            label="Copy curl"
            items={[
              {
                id: 'curl-secret',
                label: 'With the secret',
                hint: 'Ready to paste and run',
                disabledReason: available.copyCurlSecret,
                onSelect: () => void copyToken(row, 'curl_secret'),
              },
              {
                id: 'curl-env',
                label: 'With $CLOUDFLARE_API_TOKEN',
                hint: 'Reads the secret from your shell',
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
            Copy secret
          </Button>
          <Button
            size="sm"
            icon="edit"
            disabledReason={available.edit}
            onClick={() => openDialog({ kind: 'wizard', target: { mode: 'edit', tokenKey: row.key } })}
          >
            Edit
          </Button>
          <Button size="sm" icon="roll" disabledReason={available.roll} onClick={() => setDialog('roll')}>
            Roll
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
            {row.status === 'active' ? 'Disable' : 'Enable'}
          </Button>
          <Button
            size="sm"
            variant="danger-ghost"
            icon="trash"
            disabledReason={available.delete}
            onClick={() => setDialog('delete')}
          >
            Delete
          </Button>
        </div>
        {reasons.length > 0 ? (
          <ul className="action-reasons" aria-label="Why some actions are unavailable">
            {reasons.map((reason) => (
              <li key={reason}>
                <Icon name="info" size={12} /> {reason}
              </li>
            ))}
          </ul>
        ) : null}
      </header>

      <div className="detail-scroll">
        {detailState === 'error' && detailError ? <ErrorCallout error={detailError} compact /> : null}

        <Section title="Secret" id="detail-secret">
          {row.secretKept ? (
            <div className="secret-row">
              <p>
                <Icon name="lock" size={13} /> The secret is kept in the system keychain. Copy it or verify
                the token with it.
              </p>
              <Button
                size="sm"
                variant="ghost"
                disabledReason={available.forget}
                onClick={() => run('forget', () => forgetSecret(row))}
              >
                Forget secret
              </Button>
            </div>
          ) : (
            <div className="secret-row">
              <p>
                Keyflare does not hold this token’s secret, so it cannot verify it or copy it. If you have the
                secret, adopt it.
              </p>
              <Button
                size="sm"
                icon="key"
                disabledReason={available.adopt}
                onClick={() => setDialog('adopt')}
              >
                Adopt existing secret
              </Button>
            </div>
          )}
        </Section>

        <DetailBody row={row} detail={detail} now={now} />
      </div>

      {dialog === 'roll' ? <RollDialog row={row} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteDialog row={row} onClose={() => setDialog(null)} /> : null}
      {dialog === 'adopt' ? <AdoptDialog row={row} onClose={() => setDialog(null)} /> : null}
    </aside>
  );
}
