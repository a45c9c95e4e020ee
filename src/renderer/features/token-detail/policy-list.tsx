/**
 * A token's policies in words: per policy its effect, its permission groups by scope and the
 * resources it includes and excludes (an exclusion shows inside the policy it narrows).
 */
import { useMemo } from 'react';
import type { Account, TokenDetail } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { policyViews } from '../../lib/policy-view';

export function PolicyList({
  detail,
  accounts,
}: {
  detail: TokenDetail;
  accounts: Account[];
}): React.JSX.Element {
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
