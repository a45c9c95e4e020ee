/**
 * The token table's columns: header text, sort key and the CSS class that sizes and hides it.
 */
import type { IconName } from '../../components/icons';
import type { SortKey } from '../../lib/token-sort';

export interface Column {
  key: SortKey;
  title: string;
  /** Spoken header when the visible one is an abbreviation or an icon. */
  label?: string;
  className: string;
  /** Shown instead of the title where the column is too narrow for a word. */
  icon?: IconName;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', title: 'Name', className: 'col-name' },
  { key: 'profile', title: 'Profile', label: 'Profile and account', className: 'col-profile' },
  { key: 'kind', title: 'Kind', className: 'col-kind' },
  { key: 'status', title: 'Status', className: 'col-status' },
  { key: 'permissions', title: 'Permissions', className: 'col-permissions' },
  { key: 'resources', title: 'Resources', className: 'col-resources' },
  { key: 'ipFilter', title: 'IP filter', className: 'col-ip' },
  { key: 'lastUsed', title: 'Last used', className: 'col-used' },
  { key: 'expires', title: 'Expires', className: 'col-expires' },
  { key: 'secret', title: 'Secret', label: 'Secret in keychain', className: 'col-secret', icon: 'key' },
  { key: 'verify', title: 'Last verify', label: 'Last verify result', className: 'col-verify' },
];
