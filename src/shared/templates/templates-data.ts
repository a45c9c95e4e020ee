/**
 * The dashboard's "Create Token" templates as typed data, one entry per template.
 *
 * Source: Cloudflare's "API token templates" page (../shared/cloudflare/templates.json). Labels
 * are the page's words; where the page's label is not the API's group name, `groupName` says
 * the API name ("User Memberships Read" is the group "Memberships Read"). Adding a template is
 * adding one entry here.
 */

export type TemplateResourceKind = 'zone' | 'account' | 'user';

/** The dashboard rows that pre-fill resources: "Include all accounts", "Include all zones". */
export type TemplateDefaultResource = 'all_accounts' | 'all_zones';

/** One permission of a template: a named group, or every "... Read" group of some scopes. */
export type TemplatePermission =
  | { match: 'name'; label: string; resourceKind: TemplateResourceKind; groupName?: string }
  | { match: 'all_read'; label: string; resourceKinds: readonly TemplateResourceKind[] };

export interface TemplateDefinition {
  /** Stable id for the UI and tests. */
  id: string;
  name: string;
  permissions: readonly TemplatePermission[];
  defaultResources: readonly TemplateDefaultResource[];
  resourceKinds: readonly TemplateResourceKind[];
}

/** The label the page uses for "every group whose name ends in Read". */
export const ALL_READ_LABEL = '(All read permissions)';

function named(label: string, resourceKind: TemplateResourceKind, groupName?: string): TemplatePermission {
  return groupName === undefined
    ? { match: 'name', label, resourceKind }
    : { match: 'name', label, resourceKind, groupName };
}

export const DASHBOARD_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'edit-zone-dns',
    name: 'Edit Zone DNS',
    permissions: [named('DNS Write', 'zone')],
    defaultResources: [],
    resourceKinds: ['zone'],
  },
  {
    id: 'read-billing-info',
    name: 'Read billing info',
    permissions: [named('Billing Read', 'account')],
    defaultResources: ['all_accounts'],
    resourceKinds: ['account'],
  },
  {
    id: 'read-analytics-and-logs',
    name: 'Read analytics and logs',
    permissions: [named('Analytics Read', 'zone'), named('Logs Read', 'zone')],
    defaultResources: [],
    resourceKinds: ['zone'],
  },
  {
    id: 'edit-cloudflare-workers',
    name: 'Edit Cloudflare Workers',
    permissions: [
      named('Workers Routes Write', 'zone'),
      named('Workers Scripts Write', 'account'),
      named('Workers KV Storage Write', 'account'),
      named('Workers Tail Read', 'account'),
      named('Workers R2 Storage Write', 'account'),
      named('Account Settings Read', 'account'),
      named('User Details Read', 'user'),
      named('User Memberships Read', 'user', 'Memberships Read'),
    ],
    defaultResources: [],
    resourceKinds: ['account', 'user', 'zone'],
  },
  {
    id: 'edit-load-balancing-configuration',
    name: 'Edit load balancing configuration',
    permissions: [
      named('Load Balancing: Monitors and Pools Write', 'account'),
      named('Load Balancers Write', 'zone'),
    ],
    defaultResources: [],
    resourceKinds: ['account', 'zone'],
  },
  {
    id: 'wordpress',
    name: 'WordPress',
    permissions: [
      named('Analytics Read', 'zone'),
      named('Zone Read', 'zone'),
      named('Zone Settings Write', 'zone'),
      named('Account Settings Read', 'account'),
      named('DNS Read', 'zone'),
      named('Cache Purge', 'zone'),
    ],
    defaultResources: ['all_accounts', 'all_zones'],
    resourceKinds: ['account', 'zone'],
  },
  {
    id: 'create-additional-tokens',
    name: 'Create Additional Tokens',
    permissions: [named('API Tokens Write', 'user')],
    defaultResources: [],
    resourceKinds: ['user'],
  },
  {
    id: 'read-all-resources',
    name: 'Read All Resources',
    permissions: [{ match: 'all_read', label: ALL_READ_LABEL, resourceKinds: ['account', 'zone', 'user'] }],
    defaultResources: ['all_accounts', 'all_zones'],
    resourceKinds: ['account', 'user', 'zone'],
  },
];
