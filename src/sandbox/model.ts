/**
 * Records the simulator keeps in memory: users, accounts, memberships, zones, tokens.
 *
 * Token fields mirror Cloudflare's iam_token_base. Optional dates are null rather than absent so
 * a PUT can clear them; the response builder omits them, because the schema's date-time fields
 * are not nullable.
 */
import type { PermissionScope } from './scenario-schema';

export interface UserRecord {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  created_on: string;
  modified_on: string;
  globalKey: { label: string; secret: string; note?: string } | null;
}

export interface AccountRecord {
  id: string;
  name: string;
  type: 'standard' | 'enterprise';
  created_on: string;
}

export interface MembershipRecord {
  user_id: string;
  account_id: string;
  roles: string[];
}

export interface ZoneRecord {
  id: string;
  name: string;
  account_id: string;
  status: 'initializing' | 'pending' | 'active' | 'moved';
  type: 'full' | 'partial' | 'secondary' | 'internal';
  plan: 'free' | 'pro' | 'business' | 'enterprise';
  paused: boolean;
  created_on: string;
  modified_on: string;
}

/** Flat (`key: "*"`) or nested (`account key: { zone key: "*" }`) resources, as sent. */
export type ResourceMap = Record<string, string | Record<string, string>>;

export interface PermissionGroupGrant {
  id: string;
  meta?: { key?: string; value?: string };
}

export interface PolicyRecord {
  id: string;
  effect: 'allow' | 'deny';
  permission_groups: PermissionGroupGrant[];
  resources: ResourceMap;
}

export interface RequestIpCondition {
  in: string[];
  not_in: string[];
}

export type TokenOwner =
  { kind: 'user'; userId: string } | { kind: 'account'; accountId: string; createdBy: string };

export interface TokenRecord {
  id: string;
  owner: TokenOwner;
  /** Label used in logs and DemoCredential; `token:<id>` for tokens created at runtime. */
  label: string;
  note?: string;
  name: string;
  /** Stored status; 'expired' is computed from expires_on when read. */
  status: 'active' | 'disabled';
  issued_on: string;
  modified_on: string;
  last_used_on: string | null;
  not_before: string | null;
  expires_on: string | null;
  policies: PolicyRecord[];
  requestIp: RequestIpCondition | null;
  secret: string;
}

export type TokenStatus = 'active' | 'disabled' | 'expired';

export type { PermissionScope };
