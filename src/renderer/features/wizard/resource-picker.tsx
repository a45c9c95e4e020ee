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
import {
  defaultSelector,
  typesFor,
  TYPE_WORDS,
  type ResourceChoices,
  type SelectorType,
} from './resource-choices';
import { ResourceTarget } from './resource-target';

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
                <ResourceTarget
                  selector={selector}
                  zones={zones}
                  accounts={accounts}
                  rowLabel={rowLabel}
                  onChange={(next) => replace(index, next)}
                />
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
