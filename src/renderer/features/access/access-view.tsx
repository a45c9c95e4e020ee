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
import type { AccessExplore, AccessGrant, AccessGroupGrants } from '../../../shared/access/access-schemas';
import type { Translate } from '../../../shared/i18n';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorCallout } from '../../components/error-callout';
import { Icon, type IconName } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
import { useAccessStore } from '../../stores/access-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { matchTargets, pickableTargets, specialTargets, type PickableTarget } from './access-targets';

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
  const t = useT();
  return (
    <li className={`grant${grant.unusable ? ' grant-unusable' : ''}`}>
      <button type="button" className="link-button grant-name" onClick={() => select(grant.tokenKey, true)}>
        {grant.tokenName}
      </button>
      <span className="grant-where muted">
        {grant.profileLabel}
        {' · '}
        {grant.kind === 'account' && grant.accountName ? grant.accountName : t('access.grant.userToken')}
      </span>
      {grant.unusable ? (
        <span className={`badge badge-${grant.unusable === 'expired' ? 'danger' : 'neutral'}`}>
          <span className="badge-dot" aria-hidden="true" />
          {t('access.grant.unusable', { reason: grant.unusable })}
        </span>
      ) : null}
      <span className="grant-policy">
        {t('access.grant.policy', {
          number: grant.policy.number,
          summary: messageSentence(grant.policy.summaryMessage),
        })}
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
  const t = useT();
  const grants = showUnusable ? group.grants : group.grants.filter((g) => g.unusable === null);
  if (grants.length === 0) return null;
  return (
    <section className="grant-group" aria-label={group.groupName}>
      <h3 className="grant-group-title">
        {group.groupName}
        {group.write ? <span className="badge badge-warn">{t('access.group.write')}</span> : null}
        <span className="muted grant-count">{t('access.group.tokens', { count: grants.length })}</span>
      </h3>
      <ul className="grant-list">
        {grants.map((grant) => (
          <GrantRow key={`${group.groupId}:${grant.tokenKey}`} grant={grant} />
        ))}
      </ul>
    </section>
  );
}

/** The answer's heading: the zone's or account's name, or what the special two stand for. */
function targetTitle(
  target: AccessExplore['target'],
  targets: readonly PickableTarget[],
  t: Translate,
): string {
  if (target.kind === 'all_zones') return t('access.targets.everyZone');
  if (target.kind === 'user') return t('access.answer.userTitle');
  return targets.find((p) => p.key === `${target.kind}:${target.id ?? ''}`)?.label ?? target.id ?? '';
}

function Answer({ targets }: { targets: readonly PickableTarget[] }): React.JSX.Element {
  const t = useT();
  const answer = useAccessStore((s) => s.answer);
  const state = useAccessStore((s) => s.state);
  const error = useAccessStore((s) => s.error);
  const [showUnusable, setShowUnusable] = useState(false);

  if (state === 'idle')
    return (
      <EmptyState icon="shield" title={t('access.empty.title')} testId="access-empty">
        <p>{t('access.empty.body')}</p>
      </EmptyState>
    );
  if (state === 'error' && error) return <ErrorCallout error={error} />;
  if (!answer)
    return (
      <div className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> {t('access.answer.loading')}
      </div>
    );
  const hidden = answer.tokenCount - answer.usableCount;
  return (
    <div className="access-answer" data-testid="access-answer">
      <header className="access-answer-head">
        <h2>
          {targetTitle(answer.target, targets, t)}
          {answer.target.kind === 'zone' && answer.target.accountName ? (
            <span className="muted"> · {answer.target.accountName}</span>
          ) : null}
        </h2>
        <p className="access-answer-counts" role="status">
          {answer.tokenCount === 0
            ? t('access.answer.none')
            : t('access.answer.counts', { usable: answer.usableCount, hidden })}
        </p>
        {hidden > 0 ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showUnusable}
              onChange={(e) => setShowUnusable(e.target.checked)}
            />
            <span>{t('access.answer.showUnusable')}</span>
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
  const t = useT();
  const targets = useMemo(() => pickableTargets(zones, accounts, t), [zones, accounts, t]);
  const special = useMemo(() => specialTargets(t), [t]);
  const matches = useMemo(() => matchTargets(special, targets, query), [special, targets, query]);
  const currentKey = target ? JSON.stringify(target) : null;

  // The inventory changed (a sync, a bulk action): ask the same question again.
  useEffect(() => {
    void useAccessStore.getState().refresh();
  }, [rows]);

  return (
    <section className="access-view" aria-labelledby="access-title">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1 id="access-title">{t('access.title')}</h1>
          <p className="toolbar-subtitle">{t('access.subtitle')}</p>
        </div>
      </header>
      <div className="access-layout">
        <nav className="access-picker" aria-label={t('access.picker.label')}>
          <div className="search">
            <Icon name="search" className="search-icon" />
            <input
              type="search"
              className="input search-input"
              placeholder={t('access.picker.findPlaceholder')}
              aria-label={t('access.picker.find')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          <ul className="access-targets">
            {matches.slice(0, LIST_LIMIT).map((p) => {
              const current = currentKey === JSON.stringify(p.target);
              return (
                <li key={p.key}>
                  <button
                    type="button"
                    className={`access-target${current ? ' access-target-current' : ''}`}
                    aria-current={current ? 'true' : undefined}
                    onClick={() => void explore(p.target)}
                  >
                    <Icon name={TARGET_ICON[p.kind]} size={14} />
                    <span className="access-target-text">
                      <span className="access-target-label">{p.label}</span>
                      <span className="access-target-detail">{p.detail}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {matches.length > LIST_LIMIT ? (
            <p className="sidebar-note">{t('access.picker.more', { count: matches.length - LIST_LIMIT })}</p>
          ) : matches.length === 0 ? (
            <p className="sidebar-note">{t('access.picker.noMatch', { query: query.trim() })}</p>
          ) : null}
          {zones.length === 0 && accounts.length === 0 ? (
            <p className="sidebar-note">{t('access.picker.syncFirst')}</p>
          ) : null}
        </nav>
        <div className="access-results">
          <Answer targets={targets} />
          {target ? (
            <div className="access-refresh">
              <Button
                size="sm"
                variant="ghost"
                icon="sync"
                onClick={() => void useAccessStore.getState().refresh()}
              >
                {t('access.askAgain')}
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
