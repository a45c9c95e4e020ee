/**
 * Scenario file schema: the users, accounts, zones and tokens a simulator starts with.
 *
 * Keys mirror Cloudflare's snake_case so a scenario reads like API output. Only shape is
 * checked here; cross-references (memberships, zones, policies) are checked when the
 * scenario is loaded into state, with the same rules the API applies to token bodies.
 */
import { z } from 'zod';

const Hex32 = z.string().regex(/^[0-9a-f]{32}$/u, 'must be 32 lowercase hex characters');
const IsoDateTime = z.iso.datetime({ offset: true });
const Label = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/u, 'must be a kebab-case label (a-z, 0-9, -)');

/** Token secrets as Cloudflare issues them: legacy 40-char, or cfut_/cfat_ prefixed, 40-80 chars. */
const TokenSecret = z
  .string()
  .regex(/^[A-Za-z0-9_-]{40,80}$/u, 'must be 40-80 characters of A-Z a-z 0-9 _ -');

/** Global API Keys: 37 lowercase hex (legacy) or cfk_ followed by 37 or more characters. */
export const GLOBAL_KEY_PATTERN = /^(?:[0-9a-f]{37}|cfk_[A-Za-z0-9]{37,76})$/u;

export const PermissionScope = z.enum([
  'com.cloudflare.api.user',
  'com.cloudflare.api.account',
  'com.cloudflare.api.account.zone',
  'com.cloudflare.edge.r2.bucket',
]);
export type PermissionScope = z.infer<typeof PermissionScope>;

/** A permission group by id, or by name (+ scope when the name exists in several scopes). */
const PermissionGroupRef = z.union([
  z.strictObject({ id: Hex32 }),
  z.strictObject({ name: z.string().min(1), scope: PermissionScope.optional() }),
]);

const ResourceValue = z.union([z.string(), z.record(z.string(), z.string())]);

const PolicySeed = z.strictObject({
  id: Hex32.optional(),
  effect: z.enum(['allow', 'deny']),
  permission_groups: z.array(PermissionGroupRef).min(1),
  resources: z.record(z.string(), ResourceValue),
});

const ConditionSeed = z.strictObject({
  request_ip: z
    .strictObject({
      in: z.array(z.string()).optional(),
      not_in: z.array(z.string()).optional(),
    })
    .optional(),
});

const TokenSeedShape = {
  id: Hex32,
  label: Label,
  name: z.string().min(1).max(120),
  secret: TokenSecret,
  /** 'expired' is never stored: it is computed from expires_on, as Cloudflare does. */
  status: z.enum(['active', 'disabled']).default('active'),
  issued_on: IsoDateTime,
  modified_on: IsoDateTime.optional(),
  last_used_on: IsoDateTime.optional(),
  not_before: IsoDateTime.optional(),
  expires_on: IsoDateTime.optional(),
  policies: z.array(PolicySeed).min(1),
  condition: ConditionSeed.optional(),
  /** What the fixture is for; printed by the CLI. */
  note: z.string().optional(),
};

const UserTokenSeed = z.strictObject(TokenSeedShape);
const AccountTokenSeed = z.strictObject({
  ...TokenSeedShape,
  /** The member who created it; DemoCredential.userId of the credential. */
  created_by: Hex32,
});

const GlobalKeySeed = z.strictObject({
  label: Label,
  secret: z.string().regex(GLOBAL_KEY_PATTERN, 'must be 37 hex characters or cfk_ + 37-76 characters'),
  note: z.string().optional(),
});

const UserSeed = z.strictObject({
  id: Hex32,
  email: z.email(),
  first_name: z.string().max(60).nullable().default(null),
  last_name: z.string().max(60).nullable().default(null),
  created_on: IsoDateTime,
  global_key: GlobalKeySeed.optional(),
  tokens: z.array(UserTokenSeed).default([]),
});

const AccountSeed = z.strictObject({
  id: Hex32,
  name: z.string().min(1).max(100),
  type: z.enum(['standard', 'enterprise']).default('standard'),
  created_on: IsoDateTime,
  tokens: z.array(AccountTokenSeed).default([]),
});

const MembershipSeed = z.strictObject({
  user_id: Hex32,
  account_id: Hex32,
  roles: z.array(z.string().min(1)).min(1).default(['Administrator']),
});

const ZoneSeed = z.strictObject({
  id: Hex32,
  name: z
    .string()
    .max(253)
    .regex(/^([a-zA-Z0-9][-a-zA-Z0-9]*\.)+[-a-zA-Z0-9]{2,20}$/u, 'must be a domain name'),
  account_id: Hex32,
  status: z.enum(['initializing', 'pending', 'active', 'moved']).default('active'),
  type: z.enum(['full', 'partial', 'secondary', 'internal']).default('full'),
  plan: z.enum(['free', 'pro', 'business', 'enterprise']).default('free'),
  paused: z.boolean().default(false),
  created_on: IsoDateTime,
});

/** A permission group missing from permission-groups.sample.json; `note` says why it is added. */
const ExtraPermissionGroupSeed = z.strictObject({
  id: Hex32,
  name: z.string().min(1),
  scopes: z.array(PermissionScope).min(1),
  note: z.string().min(1),
});

export const ScenarioSchema = z.strictObject({
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  name: z.string().min(1),
  description: z.string().default(''),
  /** Apparent client address for request_ip checks (default: the socket's address). */
  client_ip: z.string().optional(),
  users: z.array(UserSeed).min(1),
  accounts: z.array(AccountSeed).default([]),
  memberships: z.array(MembershipSeed).default([]),
  zones: z.array(ZoneSeed).default([]),
  extra_permission_groups: z.array(ExtraPermissionGroupSeed).default([]),
});

/** A scenario as written (defaults optional). */
export type Scenario = z.input<typeof ScenarioSchema>;
/** A scenario after parsing (defaults filled in). */
export type ParsedScenario = z.output<typeof ScenarioSchema>;
export type UserSeed = z.output<typeof UserSeed>;
export type AccountSeed = z.output<typeof AccountSeed>;
export type TokenSeed = z.output<typeof UserTokenSeed>;
export type AccountTokenSeed = z.output<typeof AccountTokenSeed>;
export type PolicySeed = z.output<typeof PolicySeed>;
export type PermissionGroupRef = z.output<typeof PermissionGroupRef>;
export type ZoneSeed = z.output<typeof ZoneSeed>;

/** A scenario that failed validation; the message lists every problem with its path. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** Parses and shape-checks a scenario; `source` names it in the error message. */
export function parseScenario(input: unknown, source: string): ParsedScenario {
  const result = ScenarioSchema.safeParse(input);
  if (!result.success) {
    throw new ScenarioError(`Scenario ${source} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
