/**
 * A token's policies in words: per policy its effect, its permission groups by scope and the
 * resources it includes and excludes (an exclusion shows inside the policy it narrows).
 */
import { useMemo } from 'react';
import type { Account, TokenDetail } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { policyViews, type ScopeName } from '../../lib/policy-view';
import { resourceLabelWords } from '../../lib/summary-words';

const SCOPE_PERMISSIONS: Record<ScopeName, MessageKey> = {
  zone: 'tokenDetail.policies.zonePermissions',
  account: 'tokenDetail.policies.accountPermissions',
  user: 'tokenDetail.policies.userPermissions',
  r2: 'tokenDetail.policies.r2Permissions',
  other: 'tokenDetail.policies.otherPermissions',
};

export function PolicyList({
  detail,
  accounts,
}: {
  detail: TokenDetail;
  accounts: Account[];
}): React.JSX.Element {
  const t = useT();
  const views = useMemo(() => policyViews(detail.policies), [detail.policies]);
  const accountName = (id: string | null): string | null =>
    id ? (accounts.find((a) => a.id === id && a.profileId === detail.profileId)?.name ?? null) : null;
  if (views.length === 0) return <p className="muted">{t('tokenDetail.policies.none')}</p>;
  return (
    <ol className="policy-list">
      {views.map((view, index) => (
        <li key={`${view.id}-${index}`} className={`policy policy-${view.effect}`}>
          <div className="policy-head">
            <span className={`effect effect-${view.effect}`}>
              {t(view.effect === 'allow' ? 'tokenDetail.policies.allow' : 'tokenDetail.policies.deny')}
            </span>
            <span className="muted">{t('tokenDetail.policies.number', { number: index + 1 })}</span>
          </div>
          {view.groups.map((group) => (
            <div key={group.scope} className="policy-scope">
              <span className="policy-scope-title">{t(SCOPE_PERMISSIONS[group.scope])}</span>
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
            <span className="policy-scope-title">
              {t(view.effect === 'allow' ? 'tokenDetail.policies.include' : 'tokenDetail.policies.denyOn')}
            </span>
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
                    <span>{resourceLabelWords(resource.label)}</span>
                    {owner ? <span className="muted"> · {owner}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
          {view.exclude.length > 0 ? (
            <div className="policy-resources">
              <span className="policy-scope-title">{t('tokenDetail.policies.exclude')}</span>
              <ul className="resource-list resource-list-exclude">
                {view.exclude.map((resource) => (
                  <li key={resource.key}>
                    <Icon name="x" size={13} />
                    <span>{resourceLabelWords(resource.label)}</span>
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
