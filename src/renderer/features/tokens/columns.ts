/**
 * The token table's columns: header text, sort key and the CSS class that sizes and hides it.
 */
import type { MessageKey } from '../../../shared/i18n';
import type { IconName } from '../../components/icons';
import type { SortKey } from '../../lib/token-sort';

export interface Column {
  key: SortKey;
  title: MessageKey;
  /** Spoken header when the visible one is an abbreviation or an icon. */
  label?: MessageKey;
  /** The sort button's tooltip: "Sort by name". */
  sort: MessageKey;
  className: string;
  /** Shown instead of the title where the column is too narrow for a word. */
  icon?: IconName;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', title: 'tokens.columns.name', sort: 'tokens.columns.sortName', className: 'col-name' },
  {
    key: 'profile',
    title: 'tokens.columns.profile',
    label: 'tokens.columns.profileLabel',
    sort: 'tokens.columns.sortProfile',
    className: 'col-profile',
  },
  { key: 'kind', title: 'tokens.columns.kind', sort: 'tokens.columns.sortKind', className: 'col-kind' },
  {
    key: 'status',
    title: 'tokens.columns.status',
    sort: 'tokens.columns.sortStatus',
    className: 'col-status',
  },
  {
    key: 'permissions',
    title: 'tokens.columns.permissions',
    sort: 'tokens.columns.sortPermissions',
    className: 'col-permissions',
  },
  {
    key: 'resources',
    title: 'tokens.columns.resources',
    sort: 'tokens.columns.sortResources',
    className: 'col-resources',
  },
  {
    key: 'ipFilter',
    title: 'tokens.columns.ipFilter',
    sort: 'tokens.columns.sortIpFilter',
    className: 'col-ip',
  },
  {
    key: 'lastUsed',
    title: 'tokens.columns.lastUsed',
    sort: 'tokens.columns.sortLastUsed',
    className: 'col-used',
  },
  {
    key: 'expires',
    title: 'tokens.columns.expires',
    sort: 'tokens.columns.sortExpires',
    className: 'col-expires',
  },
  {
    key: 'secret',
    title: 'tokens.columns.secret',
    label: 'tokens.columns.secretLabel',
    sort: 'tokens.columns.sortSecret',
    className: 'col-secret',
    icon: 'key',
  },
  {
    key: 'verify',
    title: 'tokens.columns.verify',
    label: 'tokens.columns.verifyLabel',
    sort: 'tokens.columns.sortVerify',
    className: 'col-verify',
  },
];
