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
import { useT } from '../../lib/i18n';
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
  const t = useT();
  if (kind === null)
    return <p className="muted resource-placeholder">{t('wizard.resources.choosePermission')}</p>;
  if (kind === 'r2_bucket')
    return <p className="callout callout-warn callout-compact">{t('wizard.resources.r2')}</p>;

  if (kind === 'user') {
    const user = choices.userLabel ?? choices.userId;
    return (
      <p className="resource-user">
        <Icon name="user" size={14} />{' '}
        {user ? t('wizard.resources.user', { user }) : t('wizard.resources.userOfLogin')}
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
      {resources.length === 0 ? <p className="muted">{t('wizard.resources.none')}</p> : null}
      <ul className="resource-rows">
        {resources.map((selector, index) => {
          const rowLabel = t('wizard.resources.row', { policy: policyLabel, number: index + 1 });
          const rowIssues = issues.get(index) ?? [];
          return (
            <li key={index} className="resource-row-wrap">
              <div className="resource-row">
                <select
                  className="select select-sm resource-include"
                  aria-label={t('wizard.resources.includeOrExclude', { row: rowLabel })}
                  value={selector.include ? 'include' : 'exclude'}
                  disabled={effect === 'deny'}
                  onChange={(event) =>
                    replace(index, { ...selector, include: event.target.value === 'include' })
                  }
                >
                  <option value="include">{t('wizard.resources.include')}</option>
                  <option value="exclude">{t('wizard.resources.exclude')}</option>
                </select>
                <select
                  className="select select-sm"
                  aria-label={t('wizard.resources.typeOf', { row: rowLabel })}
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
                      {t(TYPE_WORDS[type])}
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
                  aria-label={t('wizard.resources.remove', { number: index + 1, policy: policyLabel })}
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
          kind === 'zone' && zones.length === 0 && types.length === 2 ? t('wizard.resources.noZones') : null
        }
      >
        {t(kind === 'zone' ? 'wizard.resources.addZones' : 'wizard.resources.addAccounts')}
      </Button>
    </div>
  );
}
