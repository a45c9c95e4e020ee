/**
 * The resource picker: what a policy applies to, chosen from the cached accounts and zones.
 *
 * Zone policies: a specific zone, all zones of an account, or all zones. Account policies: a
 * specific account or all accounts. User policies: the login's own user. Each row includes or
 * excludes; an exclusion narrows what the policy's inclusions grant.
 */
import type { ResourceSelector, TokenOwner } from '../../../shared/domain';
import type { ScopeKind } from '../../../shared/policy/scopes';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';

export interface ResourceChoices {
  accounts: readonly { id: string; name: string }[];
  zones: readonly { id: string; name: string; accountId: string | null; accountName: string | null }[];
  userId: string | null;
  userLabel: string | null;
}

export interface ResourcePickerProps {
  kind: ScopeKind | null;
  owner: TokenOwner;
  effect: 'allow' | 'deny';
  resources: readonly ResourceSelector[];
  onChange: (resources: ResourceSelector[]) => void;
  choices: ResourceChoices;
  policyLabel: string;
  issues: Map<number, string[]>;
}

type SelectorType = ResourceSelector['type'];

const TYPE_WORDS: Record<SelectorType, string> = {
  zone: 'Specific zone',
  account_zones: 'All zones of an account',
  all_zones: 'All zones',
  account: 'Specific account',
  all_accounts: 'All accounts',
  user: 'The user',
};

/** Zones grouped under their account's name, for the zone picker's option groups. */
function zonesByAccount(zones: ResourceChoices['zones']): [string, ResourceChoices['zones'][number][]][] {
  const groups = new Map<string, ResourceChoices['zones'][number][]>();
  for (const zone of zones) {
    const name = zone.accountName ?? 'Other zones';
    groups.set(name, [...(groups.get(name) ?? []), zone]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function typesFor(kind: ScopeKind, owner: TokenOwner): SelectorType[] {
  if (kind === 'zone')
    return owner.kind === 'account' ? ['zone', 'account_zones'] : ['zone', 'account_zones', 'all_zones'];
  if (kind === 'account') return owner.kind === 'account' ? ['account'] : ['account', 'all_accounts'];
  if (kind === 'user') return ['user'];
  return [];
}

/** A selector of the given type, pointing at the first sensible target (the user can change it). */
export function defaultSelector(
  type: SelectorType,
  choices: ResourceChoices,
  owner: TokenOwner,
  include = true,
): ResourceSelector | null {
  const ownAccount = owner.kind === 'account' ? owner.accountId : null;
  const zones = ownAccount ? choices.zones.filter((z) => z.accountId === ownAccount) : choices.zones;
  const firstAccount = ownAccount ?? choices.accounts[0]?.id ?? null;
  switch (type) {
    case 'zone':
      return zones[0] ? { type, zoneId: zones[0].id, include } : null;
    case 'account_zones':
      return firstAccount ? { type, accountId: firstAccount, include } : null;
    case 'account':
      return firstAccount ? { type, accountId: firstAccount, include } : null;
    case 'all_zones':
    case 'all_accounts':
      return { type, include };
    case 'user':
      return choices.userId ? { type, userId: choices.userId, include } : null;
  }
}

export function ResourcePicker({
  kind,
  owner,
  effect,
  resources,
  onChange,
  choices,
  policyLabel,
  issues,
}: ResourcePickerProps): React.JSX.Element {
  if (kind === null)
    return (
      <p className="muted resource-placeholder">
        Choose a permission first: it decides whether this policy applies to zones, accounts or the user.
      </p>
    );
  if (kind === 'r2_bucket')
    return (
      <p className="callout callout-warn callout-compact">
        R2 bucket permissions need bucket resources, which Keyflare cannot choose yet. Use the Cloudflare
        dashboard for them.
      </p>
    );

  if (kind === 'user') {
    return (
      <p className="resource-user">
        <Icon name="user" size={14} /> Applies to the user{' '}
        {choices.userLabel ?? choices.userId ?? 'of this login'}.
      </p>
    );
  }

  const types = typesFor(kind, owner);
  const ownAccount = owner.kind === 'account' ? owner.accountId : null;
  const zones = ownAccount ? choices.zones.filter((z) => z.accountId === ownAccount) : choices.zones;
  const accounts = ownAccount ? choices.accounts.filter((a) => a.id === ownAccount) : choices.accounts;

  const replace = (index: number, next: ResourceSelector | null): void => {
    const list = resources.slice();
    if (next === null) list.splice(index, 1);
    else list[index] = next;
    onChange(list);
  };

  const add = (): void => {
    const next = defaultSelector(types[0] ?? 'zone', choices, owner, true);
    if (next) onChange([...resources, next]);
  };

  return (
    <div className="resource-picker">
      {resources.length === 0 ? <p className="muted">No resources yet.</p> : null}
      <ul className="resource-rows">
        {resources.map((selector, index) => {
          const rowLabel = `${policyLabel}, resource ${index + 1}`;
          const rowIssues = issues.get(index) ?? [];
          return (
            <li key={index} className="resource-row-wrap">
              <div className="resource-row">
                <select
                  className="select select-sm resource-include"
                  aria-label={`Include or exclude (${rowLabel})`}
                  value={selector.include ? 'include' : 'exclude'}
                  disabled={effect === 'deny'}
                  onChange={(event) =>
                    replace(index, { ...selector, include: event.target.value === 'include' })
                  }
                >
                  <option value="include">Include</option>
                  <option value="exclude">Exclude</option>
                </select>
                <select
                  className="select select-sm"
                  aria-label={`Resource type (${rowLabel})`}
                  value={selector.type}
                  onChange={(event) => {
                    const next = defaultSelector(
                      event.target.value as SelectorType,
                      choices,
                      owner,
                      selector.include,
                    );
                    if (next) replace(index, next);
                  }}
                >
                  {[...new Set([...types, selector.type])].map((type) => (
                    <option key={type} value={type}>
                      {TYPE_WORDS[type]}
                    </option>
                  ))}
                </select>
                {selector.type === 'zone' ? (
                  <select
                    className="select select-sm resource-target"
                    aria-label={`Zone (${rowLabel})`}
                    value={selector.zoneId}
                    onChange={(event) => replace(index, { ...selector, zoneId: event.target.value })}
                  >
                    {zones.some((z) => z.id === selector.zoneId) ? null : (
                      <option value={selector.zoneId}>Unknown zone {selector.zoneId.slice(0, 8)}</option>
                    )}
                    {zonesByAccount(zones).map(([accountName, list]) => (
                      <optgroup key={accountName} label={accountName}>
                        {list.map((zone) => (
                          <option key={zone.id} value={zone.id}>
                            {zone.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                ) : selector.type === 'account_zones' || selector.type === 'account' ? (
                  <select
                    className="select select-sm resource-target"
                    aria-label={`Account (${rowLabel})`}
                    value={selector.accountId}
                    onChange={(event) => replace(index, { ...selector, accountId: event.target.value })}
                  >
                    {accounts.some((a) => a.id === selector.accountId) ? null : (
                      <option value={selector.accountId}>
                        Unknown account {selector.accountId.slice(0, 8)}
                      </option>
                    )}
                    {accounts.map((account) => (
                      <option key={account.id} value={account.id}>
                        {account.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="resource-target resource-all">
                    {selector.type === 'all_zones'
                      ? 'Every zone this login can reach'
                      : selector.type === 'all_accounts'
                        ? 'Every account this login can reach'
                        : ''}
                  </span>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  icon="x"
                  aria-label={`Remove resource ${index + 1} of ${policyLabel}`}
                  onClick={() => replace(index, null)}
                />
              </div>
              {rowIssues.map((issue) => (
                <p key={issue} className="field-error">
                  {issue}
                </p>
              ))}
            </li>
          );
        })}
      </ul>
      <Button
        size="sm"
        variant="ghost"
        icon="plus"
        onClick={add}
        disabledReason={
          kind === 'zone' && zones.length === 0 && types.length === 2
            ? 'No cached zones: sync the profile first'
            : null
        }
      >
        {kind === 'zone' ? 'Add zones' : 'Add accounts'}
      </Button>
    </div>
  );
}
