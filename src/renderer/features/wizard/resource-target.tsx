/**
 * The target of one resource row: the zone or the account it names (an id the cache no longer
 * knows stays listed as unknown), or the words for "every zone" and "every account".
 */
import type { ResourceSelector } from '../../../shared/domain';
import { useT } from '../../lib/i18n';
import { zonesByAccount, type ResourceChoices } from './resource-choices';

export function ResourceTarget({
  selector,
  zones,
  accounts,
  rowLabel,
  onChange,
}: {
  selector: ResourceSelector;
  zones: ResourceChoices['zones'];
  accounts: ResourceChoices['accounts'];
  rowLabel: string;
  onChange: (next: ResourceSelector) => void;
}): React.JSX.Element {
  const t = useT();
  return selector.type === 'zone' ? (
    <select
      className="select select-sm resource-target"
      aria-label={t('wizard.resources.zoneOf', { row: rowLabel })}
      value={selector.zoneId}
      onChange={(event) => onChange({ ...selector, zoneId: event.target.value })}
    >
      {zones.some((z) => z.id === selector.zoneId) ? null : (
        <option value={selector.zoneId}>
          {t('wizard.resources.unknownZone', { id: selector.zoneId.slice(0, 8) })}
        </option>
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
      aria-label={t('wizard.resources.accountOf', { row: rowLabel })}
      value={selector.accountId}
      onChange={(event) => onChange({ ...selector, accountId: event.target.value })}
    >
      {accounts.some((a) => a.id === selector.accountId) ? null : (
        <option value={selector.accountId}>
          {t('wizard.resources.unknownAccount', { id: selector.accountId.slice(0, 8) })}
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
        ? t('wizard.resources.everyZone')
        : selector.type === 'all_accounts'
          ? t('wizard.resources.everyAccount')
          : ''}
    </span>
  );
}
