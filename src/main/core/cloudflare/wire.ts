/**
 * Wire parsing: Cloudflare's replies, as the SDK hands them over, checked into plain types.
 *
 * The SDK types its results but does not check them at run time — and its list pages turn
 * `result: null` into an empty list. So reads take the raw body and check it here: the v4 envelope
 * (`parseEnvelope`: valid JSON, `success: true`, a result that is present and not null), the
 * result's shape, and a list page's `result_info` against its own items (`parsePageInfo`). A reply
 * of the wrong shape becomes a clear UPSTREAM error naming what was wrong, never half-written data
 * in the cache: a missing list is not an empty list. Objects are parsed loosely (unknown fields
 * kept) so the cache can hold every field Cloudflare sent.
 */
import { z } from 'zod';
import type { CfPolicy, CfToken } from '../../../shared/cloudflare-types';
import { englishText } from '../../../shared/i18n/english-message';
import { msg, nest, type Message, type MessageKey, type MessageParams } from '../../../shared/i18n/message';
import { NOT_QUICK, quickList, quickPermissionGroup, quickToken, quickZone } from './quick-parse';

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
  /** What was wrong, as a whole sentence naming the request (errors.reply.*); never the reply's values. */
  readonly problem: Message;

  constructor(
    what: Message,
    problem: ReplyProblem = { key: 'errors.reply.shape', params: { issue: 'unknown' } },
  ) {
    const sentence = msg(problem.key, { ...problem.params, ...nest('request', what) });
    super(englishText(sentence.key, sentence.params));
    this.name = 'MalformedReplyError';
    this.problem = sentence;
  }
}

/** A reply's problem: its sentence's key (errors.reply.*) and the facts it names, without the request. */
export interface ReplyProblem {
  key: MessageKey;
  params?: MessageParams;
}

/** Where a value failed and why, in zod's words (paths and types only, never the value itself). */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown';
  const path = issue.path.map(String).join('.').slice(0, 120);
  return `${path === '' ? '(top)' : path}: ${issue.message}`;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: Message): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new MalformedReplyError(what, {
      key: 'errors.reply.shape',
      params: { issue: firstIssue(parsed.error) },
    });
  return parsed.data;
}

const Envelope = z.looseObject({
  success: z.boolean(),
  result: z.unknown().optional(),
  result_info: z.unknown().optional(),
});

/** The parts of a successful v4 reply the gateway reads. */
export interface WireEnvelope {
  result: unknown;
  resultInfo: unknown;
}

/**
 * Reads a reply's body as Cloudflare's v4 envelope. An HTML page (what Cloudflare's edge sends for
 * many failures), a cut-off body, `success: false`, and a `result` that is null or missing are
 * each a malformed reply with its own sentence, never an empty result.
 */
export function parseEnvelope(text: string, what: Message): WireEnvelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new MalformedReplyError(what, {
      key: /^\s*</u.test(text) ? 'errors.reply.webPage' : 'errors.reply.cutOff',
    });
  }
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) throw new MalformedReplyError(what, { key: 'errors.reply.notApi' });
  if (!envelope.data.success) throw new MalformedReplyError(what, { key: 'errors.reply.notSucceeded' });
  const result = envelope.data.result;
  if (result === null || result === undefined) {
    throw new MalformedReplyError(what, {
      key: 'errors.reply.noResult',
      params: { result: result === null ? 'null' : 'missing' },
    });
  }
  return { result, resultInfo: envelope.data.result_info };
}

export function parseToken(value: unknown, what: Message = msg('errors.request.readToken')): WireToken {
  // The hand-written check gives what zod's parse gives; zod answers for anything it leaves.
  const quick = quickToken(value);
  const token = quick === NOT_QUICK ? check(Token, value, what) : (quick as z.infer<typeof Token>);
  // A secret is only ever in create/roll replies; it must never reach the cache or history.
  const { value: _secret, ...rest } = token;
  return rest;
}

export function parseTokens(value: unknown, what: Message): WireToken[] {
  if (!Array.isArray(value)) throw new MalformedReplyError(what, { key: 'errors.reply.notList' });
  return value.map((item) => parseToken(item, what));
}

export function parsePolicies(value: unknown, what: Message): CfPolicy[] {
  return check(z.array(Policy), value, what);
}

const Account = z.looseObject({ id: z.string().min(1), name: z.string(), type: z.string().nullish() });

export function parseAccounts(value: unknown, what: Message): WireAccount[] {
  return check(z.array(Account), value, what).map((a) => ({ id: a.id, name: a.name, type: a.type ?? null }));
}

const Zone = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.string().nullish(),
  account: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

export function parseZones(value: unknown, what: Message): WireZone[] {
  const quick = quickList(value, quickZone);
  if (quick !== NOT_QUICK) return quick;
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

export function parsePermissionGroups(value: unknown, what: Message): WirePermissionGroup[] {
  const quick = quickList(value, quickPermissionGroup);
  if (quick !== NOT_QUICK) return quick;
  return check(z.array(PermissionGroup), value, what).map((g) => ({
    id: g.id,
    name: g.name,
    scopes: g.scopes,
  }));
}

const User = z.looseObject({ id: z.string().min(1), email: z.string().nullish() });

export function parseUser(value: unknown): WireUser {
  const user = check(User, value, msg('errors.request.readUser'));
  return { id: user.id, email: user.email ?? null };
}

const Verify = z.looseObject({
  id: z.string().min(1),
  status: z.enum(['active', 'disabled', 'expired']),
  expires_on: nullableString,
  not_before: nullableString,
});

export function parseVerify(value: unknown, what: Message): WireVerify {
  const verify = check(Verify, value, what);
  return {
    id: verify.id,
    status: verify.status,
    expiresOn: verify.expires_on ?? null,
    notBefore: verify.not_before ?? null,
  };
}

/** A count in result_info: a whole number of items or pages, nothing negative or absurd. */
const Count = z.number().int().min(0).nullish();

const ResultInfo = z
  .looseObject({
    page: z.number().int().min(1).nullish(),
    per_page: z.number().int().min(1).nullish(),
    count: Count,
    total_count: Count,
    total_pages: Count,
  })
  .nullish();

export interface WirePageInfo {
  /** result_info.total_count, or null when the reply did not say. */
  totalCount: number | null;
  /** result_info.total_pages, or null when the reply did not say. */
  totalPages: number | null;
}

/**
 * Checks a list page's result_info against its own items: the page and page size Keyflare asked
 * for, `count` equal to the items held, and a page that is exactly as full as `total_count` (and
 * `total_pages`) say page `page` must be. A reply that contradicts itself is malformed: a page
 * cut short under a claimed total of 20,000 is not "20,000 tokens, go and fetch 399 more pages".
 */
export function parsePageInfo(
  value: unknown,
  page: number,
  perPage: number,
  items: number,
  what: Message,
): WirePageInfo {
  const parsed = ResultInfo.safeParse(value);
  if (!parsed.success)
    throw new MalformedReplyError(what, {
      key: 'errors.reply.resultInfo',
      params: { issue: firstIssue(parsed.error) },
    });
  const info = parsed.data ?? {};
  const contradiction = (key: MessageKey, params: MessageParams): MalformedReplyError =>
    new MalformedReplyError(what, { key, params });
  if (items > perPage) throw contradiction('errors.reply.contradicts.overfull', { page, items, perPage });
  if (typeof info.page === 'number' && info.page !== page)
    throw contradiction('errors.reply.contradicts.page', { page, said: info.page });
  if (typeof info.per_page === 'number' && info.per_page !== perPage)
    throw contradiction('errors.reply.contradicts.perPage', { perPage, said: info.per_page });
  if (typeof info.count === 'number' && info.count !== items)
    throw contradiction('errors.reply.contradicts.count', { count: info.count, items });
  const total = typeof info.total_count === 'number' ? info.total_count : null;
  const pages = typeof info.total_pages === 'number' ? info.total_pages : null;
  if (total !== null) {
    const expected = Math.max(0, Math.min(perPage, total - (page - 1) * perPage));
    if (items !== expected)
      throw contradiction('errors.reply.contradicts.total', { total, page, expected, items });
    const needed = Math.ceil(total / perPage);
    if (pages !== null && pages !== needed && !(total === 0 && pages <= 1))
      throw contradiction('errors.reply.contradicts.pages', { pages, total, perPage });
  } else if (pages !== null) {
    if ((page < pages && items !== perPage) || (page > pages && items > 0))
      throw contradiction('errors.reply.contradicts.pageOf', { page, pages, items });
  }
  return { totalCount: total, totalPages: pages };
}

const Secret = z.string().min(1);

export function parseSecret(value: unknown, what: Message): string {
  return check(Secret, value, what);
}

const CreatedToken = z.looseObject({ value: z.string().min(1) });

/** A create reply: the token (without its secret) and the secret, kept apart from here on. */
export function parseCreatedToken(value: unknown, what: Message): { token: WireToken; secret: string } {
  const created = check(CreatedToken, value, what);
  return { token: parseToken(value, what), secret: created.value };
}

/** The schemas quick-parse.ts follows by hand; its test holds it to their parse. */
export const QUICK_PARSE_SCHEMAS = { Token, Zone, PermissionGroup } as const;
