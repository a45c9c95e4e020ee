/**
 * Wire parsing: Cloudflare's replies, as the SDK hands them over, checked into plain types.
 *
 * The SDK types its results but does not check them at run time; a reply of the wrong shape must
 * become a clear UPSTREAM error, never half-written data in the cache. Objects are parsed loosely
 * (unknown fields kept) so the cache can hold every field Cloudflare sent.
 */
import { z } from 'zod';
import type { CfPolicy, CfToken } from '../../../shared/cloudflare-types';

const nullableString = z.string().nullish();

const PermissionGroupRef = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  meta: z.looseObject({ key: z.string().optional(), value: z.string().optional() }).optional(),
});

const ResourceValue = z.union([z.string(), z.record(z.string(), z.string())]);

const Policy = z.looseObject({
  id: z.string().optional(),
  effect: z.enum(['allow', 'deny']),
  permission_groups: z.array(PermissionGroupRef),
  resources: z.record(z.string(), ResourceValue),
});

const Condition = z
  .looseObject({
    request_ip: z
      .looseObject({ in: z.array(z.string()).optional(), not_in: z.array(z.string()).optional() })
      .nullish(),
  })
  .nullish();

const Token = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(['active', 'disabled', 'expired']),
  issued_on: nullableString,
  modified_on: nullableString,
  last_used_on: nullableString,
  not_before: nullableString,
  expires_on: nullableString,
  policies: z.array(Policy).default([]),
  condition: Condition,
});

/** A token as Cloudflare describes it, plus every other field it sent. */
export type WireToken = CfToken & Record<string, unknown>;

export interface WireAccount {
  id: string;
  name: string;
  type: string | null;
}

export interface WireZone {
  id: string;
  name: string;
  status: string | null;
  accountId: string | null;
  accountName: string | null;
}

export interface WirePermissionGroup {
  id: string;
  name: string;
  scopes: string[];
}

export interface WireUser {
  id: string;
  email: string | null;
}

export interface WireVerify {
  id: string;
  status: 'active' | 'disabled' | 'expired';
  expiresOn: string | null;
  notBefore: string | null;
}

/** Thrown when a reply has the wrong shape; the gateway turns it into a retryable UPSTREAM. */
export class MalformedReplyError extends Error {
  constructor(what: string) {
    super(`Cloudflare's reply to ${what} did not have the expected shape`);
    this.name = 'MalformedReplyError';
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MalformedReplyError(what);
  return parsed.data;
}

export function parseToken(value: unknown, what = 'a token read'): WireToken {
  const token = check(Token, value, what);
  // A secret is only ever in create/roll replies; it must never reach the cache or history.
  const { value: _secret, ...rest } = token as typeof token & { value?: unknown };
  return rest as unknown as WireToken;
}

export function parseTokens(value: unknown, what: string): WireToken[] {
  if (!Array.isArray(value)) throw new MalformedReplyError(what);
  return value.map((item) => parseToken(item, what));
}

export function parsePolicies(value: unknown, what: string): CfPolicy[] {
  return check(z.array(Policy), value, what);
}

const Account = z.looseObject({ id: z.string().min(1), name: z.string(), type: z.string().nullish() });

export function parseAccounts(value: unknown, what: string): WireAccount[] {
  return check(z.array(Account), value, what).map((a) => ({ id: a.id, name: a.name, type: a.type ?? null }));
}

const Zone = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.string().nullish(),
  account: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

export function parseZones(value: unknown, what: string): WireZone[] {
  return check(z.array(Zone), value, what).map((zone) => ({
    id: zone.id,
    name: zone.name,
    status: zone.status ?? null,
    accountId: zone.account?.id ?? null,
    accountName: zone.account?.name ?? null,
  }));
}

const PermissionGroup = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  scopes: z.array(z.string()).default([]),
});

export function parsePermissionGroups(value: unknown, what: string): WirePermissionGroup[] {
  return check(z.array(PermissionGroup), value, what).map((g) => ({
    id: g.id,
    name: g.name,
    scopes: g.scopes,
  }));
}

const User = z.looseObject({ id: z.string().min(1), email: z.string().nullish() });

export function parseUser(value: unknown): WireUser {
  const user = check(User, value, 'GET /user');
  return { id: user.id, email: user.email ?? null };
}

const Verify = z.looseObject({
  id: z.string().min(1),
  status: z.enum(['active', 'disabled', 'expired']),
  expires_on: nullableString,
  not_before: nullableString,
});

export function parseVerify(value: unknown, what: string): WireVerify {
  const verify = check(Verify, value, what);
  return {
    id: verify.id,
    status: verify.status,
    expiresOn: verify.expires_on ?? null,
    notBefore: verify.not_before ?? null,
  };
}

const ResultInfo = z
  .looseObject({
    page: z.number().optional(),
    per_page: z.number().optional(),
    count: z.number().optional(),
    total_count: z.number().optional(),
    total_pages: z.number().optional(),
  })
  .nullish();

export interface WirePageInfo {
  page: number;
  perPage: number;
  totalCount: number | null;
}

export function parseResultInfo(value: unknown, page: number, perPage: number, what: string): WirePageInfo {
  const info = check(ResultInfo, value, what);
  return {
    page: info?.page ?? page,
    perPage: info?.per_page ?? perPage,
    totalCount: typeof info?.total_count === 'number' ? info.total_count : null,
  };
}

const Secret = z.string().min(1);

export function parseSecret(value: unknown, what: string): string {
  return check(Secret, value, what);
}

const CreatedToken = z.looseObject({ value: z.string().min(1) });

/** A create reply: the token (without its secret) and the secret, kept apart from here on. */
export function parseCreatedToken(value: unknown, what: string): { token: WireToken; secret: string } {
  const created = check(CreatedToken, value, what);
  return { token: parseToken(value, what), secret: created.value };
}
