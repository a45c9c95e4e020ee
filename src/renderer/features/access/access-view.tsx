/**
 * The access explorer: pick a zone or an account of any login (or every zone, or the user) and
 * see every token of every profile with access there, grouped by permission group, write access
 * first, each with the policy that grants it.
 *
 * The answer is main's (access.explore), from the same evaluation `keyflare can` uses: deny wins,
 * wildcards and account→zones nesting included. Tokens Cloudflare would refuse today (disabled,
 * expired, not yet valid) are counted but hidden until asked for. A token opens in the detail
 * panel beside the answer.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AccessGrant, AccessGroupGrants } from '../../../shared/access/access-schemas';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorCallout } from '../../components/error-callout';
import { Icon, type IconName } from '../../components/icons';
import { plural } from '../../lib/format';
import { useAccessStore } from '../../stores/access-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { matchTargets, pickableTargets, type PickableTarget } from './access-targets';

/** Targets listed at once; more wait for a narrower search. */
const LIST_LIMIT = 60;

const TARGET_ICON: Record<PickableTarget['kind'], IconName> = {
  zone: 'globe',
  account: 'building',
  all_zones: 'layers',
  user: 'user',
};

function GrantRow({ grant }: { grant: AccessGrant }): React.JSX.Element {
  const select = useUiStore((s) => s.select);
  return (
    <li className={`grant${grant.unusable ? ' grant-unusable' : ''}`}>
      <button type="button" className="link-button grant-name" onClick={() => select(grant.tokenKey, true)}>
        {grant.tokenName}
      </button>
      <span className="grant-where muted">
        {grant.profileLabel}
        {grant.kind === 'account' && grant.accountName ? ` · ${grant.accountName}` : ' · user token'}
      </span>
      {grant.unusable ? (
        <span className={`badge badge-${grant.unusable === 'expired' ? 'danger' : 'neutral'}`}>
          <span className="badge-dot" aria-hidden="true" />
          {grant.unusable}
        </span>
      ) : null}
      <span className="grant-policy">
        policy {grant.policy.number}: {grant.policy.summary}
      </span>
    </li>
  );
}

function GroupSection({
  group,
  showUnusable,
}: {
  group: AccessGroupGrants;
  showUnusable: boolean;
}): React.JSX.Element | null {
  const grants = showUnusable ? group.grants : group.grants.filter((g) => g.unusable === null);
  if (grants.length === 0) return null;
  return (
    <section className="grant-group" aria-label={group.groupName}>
      <h3 className="grant-group-title">
        {group.groupName}
        {group.write ? <span className="badge badge-warn">Write</span> : null}
        <span className="muted grant-count">{plural(grants.length, 'token')}</span>
      </h3>
      <ul className="grant-list">
        {grants.map((grant) => (
          <GrantRow key={`${group.groupId}:${grant.tokenKey}`} grant={grant} />
        ))}
      </ul>
    </section>
  );
}

function Answer(): React.JSX.Element {
  const answer = useAccessStore((s) => s.answer);
  const state = useAccessStore((s) => s.state);
  const error = useAccessStore((s) => s.error);
  const [showUnusable, setShowUnusable] = useState(false);

  if (state === 'idle')
    return (
      <EmptyState icon="shield" title="Pick a zone or an account" testId="access-empty">
        <p>See every token of every login that can touch it, and the policy that allows it.</p>
      </EmptyState>
    );
  if (state === 'error' && error) return <ErrorCallout error={error} />;
  if (!answer)
    return (
      <div className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> Looking through every login’s tokens…
      </div>
    );
  const hidden = answer.tokenCount - answer.usableCount;
  return (
    <div className="access-answer" data-testid="access-answer">
      <header className="access-answer-head">
        <h2>
          {answer.target.label}
          {answer.target.kind === 'zone' && answer.target.accountName ? (
            <span className="muted"> · {answer.target.accountName}</span>
          ) : null}
        </h2>
        <p className="access-answer-counts" role="status">
          {answer.tokenCount === 0
            ? 'No token of any login has access here.'
            : `${plural(answer.usableCount, 'token')} can act here today${hidden > 0 ? `; ${hidden} more would, if Cloudflare accepted ${hidden === 1 ? 'it' : 'them'} (disabled, expired or not yet valid)` : ''}.`}
        </p>
        {hidden > 0 ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showUnusable}
              onChange={(e) => setShowUnusable(e.target.checked)}
            />
            <span>Show disabled, expired and not-yet-valid tokens</span>
          </label>
        ) : null}
      </header>
      {answer.groups.map((group) => (
        <GroupSection key={group.groupId} group={group} showUnusable={showUnusable} />
      ))}
    </div>
  );
}

export function AccessView(): React.JSX.Element {
  const zones = useProfilesStore((s) => s.zones);
  const accounts = useProfilesStore((s) => s.accounts);
  const rows = useTokensStore((s) => s.rows);
  const target = useAccessStore((s) => s.target);
  const explore = useAccessStore((s) => s.explore);
  const [query, setQuery] = useState('');
  const targets = useMemo(() => pickableTargets(zones, accounts), [zones, accounts]);
  const matches = useMemo(() => matchTargets(targets, query), [targets, query]);
  const currentKey = target ? JSON.stringify(target) : null;

  // The inventory changed (a sync, a bulk action): ask the same question again.
  useEffect(() => {
    void useAccessStore.getState().refresh();
  }, [rows]);

  return (
    <section className="access-view" aria-labelledby="access-title">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1 id="access-title">Access</h1>
          <p className="toolbar-subtitle">
            Which tokens of every login can touch a zone or an account, and how
          </p>
        </div>
      </header>
      <div className="access-layout">
        <nav className="access-picker" aria-label="Zones and accounts">
          <div className="search">
            <Icon name="search" className="search-icon" />
            <input
              type="search"
              className="input search-input"
              placeholder="Find a zone or account…"
              aria-label="Find a zone or account"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          <ul className="access-targets">
            {matches.slice(0, LIST_LIMIT).map((t) => {
              const current = currentKey === JSON.stringify(t.target);
              return (
                <li key={t.key}>
                  <button
                    type="button"
                    className={`access-target${current ? ' access-target-current' : ''}`}
                    aria-current={current ? 'true' : undefined}
                    onClick={() => void explore(t.target)}
                  >
                    <Icon name={TARGET_ICON[t.kind]} size={14} />
                    <span className="access-target-text">
                      <span className="access-target-label">{t.label}</span>
                      <span className="access-target-detail">{t.detail}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {matches.length > LIST_LIMIT ? (
            <p className="sidebar-note">{matches.length - LIST_LIMIT} more: type to narrow the list.</p>
          ) : matches.length === 0 ? (
            <p className="sidebar-note">No zone or account matches “{query.trim()}”.</p>
          ) : null}
          {zones.length === 0 && accounts.length === 0 ? (
            <p className="sidebar-note">Sync a profile to list its zones and accounts.</p>
          ) : null}
        </nav>
        <div className="access-results">
          <Answer />
          {target ? (
            <div className="access-refresh">
              <Button
                size="sm"
                variant="ghost"
                icon="sync"
                onClick={() => void useAccessStore.getState().refresh()}
              >
                Ask again
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
