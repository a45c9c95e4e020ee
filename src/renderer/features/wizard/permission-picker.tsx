/**
 * The permission picker: every permission group the profile can grant, searchable, grouped
 * by scope. A policy holds one scope (Cloudflare's rule), so once a group is chosen the other
 * scopes are set aside with a note saying where they go instead.
 */
import { useId, useMemo, useState } from 'react';
import type { PermissionGroup } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { scopeTitle } from '../../lib/policy-view';

export interface PermissionPickerProps {
  groups: readonly PermissionGroup[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** The scope every chosen group shares, or null when none is chosen yet. */
  scope: string | null;
  policyLabel: string;
}

const SCOPE_ORDER = ['Zone', 'Account', 'User', 'R2 bucket', 'Other'];

export function PermissionPicker({
  groups,
  selected,
  onChange,
  scope,
  policyLabel,
}: PermissionPickerProps): React.JSX.Element {
  const [query, setQuery] = useState('');
  const listId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const byId = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);

  const sections = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/u).filter(Boolean);
    const map = new Map<string, PermissionGroup[]>();
    for (const group of groups) {
      if (scope !== null && group.scope !== scope) continue;
      const text = `${group.name} ${scopeTitle(group.scope)}`.toLowerCase();
      if (!terms.every((t) => text.includes(t))) continue;
      const title = scopeTitle(group.scope);
      map.set(title, [...(map.get(title) ?? []), group]);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return [...map].sort(([a], [b]) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b));
  }, [groups, query, scope]);

  const toggle = (id: string): void => {
    onChange(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  };

  return (
    <div className="perm-picker">
      {selected.length > 0 ? (
        <ul className="chips chips-removable" aria-label={`Chosen permissions of ${policyLabel}`}>
          {selected.map((id) => (
            <li key={id} className="perm-chip perm-chip-on">
              {byId.get(id)?.name ?? `Unknown permission ${id.slice(0, 8)}`}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${byId.get(id)?.name ?? id}`}
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
          placeholder="Search permissions, e.g. DNS, Workers, Read"
          aria-label={`Search permissions for ${policyLabel}`}
          aria-controls={listId}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {scope !== null ? (
        <p className="field-hint">
          Showing {scopeTitle(scope).toLowerCase()} permissions. Permissions of another kind go in a policy of
          their own: use “Add policy”.
        </p>
      ) : null}
      <div id={listId} className="perm-list" role="group" aria-label={`Permissions for ${policyLabel}`}>
        {sections.length === 0 ? <p className="muted perm-empty">No permission matches “{query}”.</p> : null}
        {sections.map(([title, list]) => (
          <fieldset key={title} className="perm-section">
            <legend className="perm-section-title">
              {title} <span className="muted">({list.length})</span>
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
