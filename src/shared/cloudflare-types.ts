/**
 * Cloudflare's wire shapes for tokens and policies, as in the official OpenAPI schema
 * (../shared/cloudflare/openapi-tokens-subset.json: iam_token_base, iam_policy_with_permission_groups_and_resources,
 * iam_resources, iam_condition). Plain types, no runtime: main parses API replies into these.
 */

/** A resource value: "*" for a flat key, or a nested map (account -> its zones). */
export type CfResourceValue = string | Record<string, string>;

export type CfResources = Record<string, CfResourceValue>;

export interface CfPermissionGroupRef {
  id: string;
  name?: string;
  meta?: { key?: string; value?: string };
}

export interface CfPolicy {
  id?: string;
  effect: 'allow' | 'deny';
  permission_groups: CfPermissionGroupRef[];
  resources: CfResources;
}

export interface CfCondition {
  /** Null when a token read back says so; a body sent leaves it out instead (core/cloudflare/token-body.ts). */
  request_ip?: { in?: string[]; not_in?: string[] } | null;
}

export interface CfToken {
  id: string;
  name: string;
  status: 'active' | 'disabled' | 'expired';
  issued_on?: string | null;
  modified_on?: string | null;
  last_used_on?: string | null;
  not_before?: string | null;
  expires_on?: string | null;
  policies: CfPolicy[];
  condition?: CfCondition | null;
}

/** The body of POST/PUT .../tokens: what the policy builder produces. */
export interface CfTokenBody {
  name: string;
  policies: { effect: 'allow' | 'deny'; permission_groups: { id: string }[]; resources: CfResources }[];
  condition?: CfCondition;
  not_before?: string;
  expires_on?: string;
  /** PUT only: the status to set. */
  status?: 'active' | 'disabled';
}

export const RESOURCE_PREFIX = {
  user: 'com.cloudflare.api.user.',
  account: 'com.cloudflare.api.account.',
  zone: 'com.cloudflare.api.account.zone.',
  r2Bucket: 'com.cloudflare.edge.r2.bucket.',
} as const;

/** The scope of a permission group: what its policies' resources name. */
export const PERMISSION_SCOPES = {
  user: 'com.cloudflare.api.user',
  account: 'com.cloudflare.api.account',
  zone: 'com.cloudflare.api.account.zone',
  r2Bucket: 'com.cloudflare.edge.r2.bucket',
} as const;

export const ALL_ZONES_KEY = 'com.cloudflare.api.account.zone.*';
export const ALL_ACCOUNTS_KEY = 'com.cloudflare.api.account.*';
