/**
 * The permission picker: every permission group the profile can grant, searchable, grouped
 * by scope. A policy holds one scope (Cloudflare's rule), so once a group is chosen the other
 * scopes are set aside with a note saying where they go instead.
 */
import { useId, useMemo, useState } from 'react';
import type { PermissionGroup } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { formatNumber } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { SCOPE_TITLES, scopeName, type ScopeName } from '../../lib/policy-view';

export interface PermissionPickerProps {
  groups: readonly PermissionGroup[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** The scope every chosen group shares, or null when none is chosen yet. */
  scope: string | null;
  policyLabel: string;
}

const SCOPE_ORDER: readonly ScopeName[] = ['zone', 'account', 'user', 'r2', 'other'];

export function PermissionPicker({
  groups,
  selected,
  onChange,
  scope,
  policyLabel,
}: PermissionPickerProps): React.JSX.Element {
  const t = useT();
  const [query, setQuery] = useState('');
  const listId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const byId = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);

  const sections = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/u).filter(Boolean);
    const map = new Map<ScopeName, PermissionGroup[]>();
    for (const group of groups) {
      if (scope !== null && group.scope !== scope) continue;
      // A scope's word finds its groups, in the window's language.
      const name = scopeName(group.scope);
      const text = `${group.name} ${t(SCOPE_TITLES[name])}`.toLowerCase();
      if (!terms.every((term) => text.includes(term))) continue;
      map.set(name, [...(map.get(name) ?? []), group]);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return [...map].sort(([a], [b]) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b));
  }, [groups, query, scope, t]);

  const toggle = (id: string): void => {
    onChange(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  };

  return (
    <div className="perm-picker">
      {selected.length > 0 ? (
        <ul
          className="chips chips-removable"
          aria-label={t('wizard.permissions.chosen', { policy: policyLabel })}
        >
          {selected.map((id) => (
            <li key={id} className="perm-chip perm-chip-on">
              {byId.get(id)?.name ?? t('wizard.permissions.unknown', { id: id.slice(0, 8) })}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('wizard.permissions.remove', { name: byId.get(id)?.name ?? id })}
                onClick={() => toggle(id)}
              >
                <Icon name="x" size={11} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="search search-inline">
        <Icon name="search" className="search-icon" />
        <input
          type="search"
          className="input search-input"
          placeholder={t('wizard.permissions.searchPlaceholder')}
          aria-label={t('wizard.permissions.search', { policy: policyLabel })}
          aria-controls={listId}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {scope !== null ? (
        <p className="field-hint">{t('wizard.permissions.oneScope', { scope: scopeName(scope) })}</p>
      ) : null}
      <div
        id={listId}
        className="perm-list"
        role="group"
        aria-label={t('wizard.permissions.list', { policy: policyLabel })}
      >
        {sections.length === 0 ? (
          <p className="muted perm-empty">{t('wizard.permissions.noMatch', { query })}</p>
        ) : null}
        {sections.map(([name, list]) => (
          <fieldset key={name} className="perm-section">
            <legend className="perm-section-title">
              {t(SCOPE_TITLES[name])} <span className="muted">({formatNumber(list.length)})</span>
            </legend>
            {list.map((group) => (
              <label key={group.id} className="perm-option">
                <input type="checkbox" checked={chosen.has(group.id)} onChange={() => toggle(group.id)} />
                <span>{group.name}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </div>
  );
}
