/**
 * Turns a parsed scenario into simulator state, checking every cross-reference.
 *
 * All problems are collected and reported together (one ScenarioError listing each), so a
 * broken fixture is fixed in one pass. Seeded tokens pass the same validation as API bodies
 * and the same quotas (50 user tokens per user, 500 account tokens per account).
 */
import { derivedId } from './ids';
import type { PolicyRecord, TokenOwner, TokenRecord } from './model';
import { PermissionCatalog, samplePermissionGroups, type PermissionGroup } from './permission-groups';
import {
  ScenarioError,
  type AccountTokenSeed,
  type ParsedScenario,
  type PermissionGroupRef,
  type TokenSeed,
} from './scenario-schema';
import { SimStore } from './sim-store';
import { validateTokenBody, type TokenOwnerRef } from './token-validation';
import type { DemoCredential } from './types';

export const USER_TOKEN_QUOTA = 50;
export const ACCOUNT_TOKEN_QUOTA = 500;

/** Builds the store for a scenario; throws ScenarioError listing every problem. */
export function buildStore(scenario: ParsedScenario): SimStore {
  const problems: string[] = [];
  const sample = samplePermissionGroups();
  const sampleIds = new Set(sample.map((group) => group.id));
  const extras: PermissionGroup[] = [];
  for (const extra of scenario.extra_permission_groups) {
    if (sampleIds.has(extra.id)) {
      problems.push(`extra_permission_groups: ${extra.id} is already in the sample ("${extra.name}")`);
      continue;
    }
    extras.push({ id: extra.id, name: extra.name, scopes: extra.scopes, extraNote: extra.note });
  }
  const store = new SimStore(
    new PermissionCatalog([...sample, ...extras]),
    scenario.name,
    scenario.client_ip ?? null,
  );

  const seen = new Set<string>();
  const unique = (kind: string, value: string): boolean => {
    const key = `${kind}:${value}`;
    if (seen.has(key)) {
      problems.push(`duplicate ${kind} ${value}`);
      return false;
    }
    seen.add(key);
    return true;
  };

  for (const user of scenario.users) {
    if (!unique('user id', user.id) || !unique('email', user.email.toLowerCase())) continue;
    if (user.global_key && !unique('label', user.global_key.label)) continue;
    store.addUser({
      id: user.id,
      email: user.email,
      first_name: user.first_name,
      last_name: user.last_name,
      created_on: user.created_on,
      modified_on: user.created_on,
      globalKey: user.global_key
        ? { label: user.global_key.label, secret: user.global_key.secret, ...noteOf(user.global_key.note) }
        : null,
    });
  }
  for (const account of scenario.accounts) {
    if (!unique('account id', account.id)) continue;
    store.accounts.set(account.id, {
      id: account.id,
      name: account.name,
      type: account.type,
      created_on: account.created_on,
    });
  }
  for (const membership of scenario.memberships) {
    if (!store.users.has(membership.user_id)) problems.push(`membership: unknown user ${membership.user_id}`);
    else if (!store.accounts.has(membership.account_id)) {
      problems.push(`membership: unknown account ${membership.account_id}`);
    } else if (unique('membership', `${membership.user_id}/${membership.account_id}`)) {
      store.memberships.push({ ...membership, roles: [...membership.roles] });
    }
  }
  for (const zone of scenario.zones) {
    if (!unique('zone id', zone.id) || !unique('zone name', zone.name)) continue;
    if (!store.accounts.has(zone.account_id)) {
      problems.push(`zone ${zone.name}: unknown account ${zone.account_id}`);
      continue;
    }
    store.zones.set(zone.id, { ...zone, modified_on: zone.created_on });
  }

  const secrets = new Set<string>(
    scenario.users.flatMap((user) => (user.global_key ? [user.global_key.secret] : [])),
  );
  const addSeed = (seed: TokenSeed, owner: TokenOwner, ownerRef: TokenOwnerRef, where: string): void => {
    if (!unique('token id', seed.id) || !unique('label', seed.label)) return;
    if (secrets.has(seed.secret)) {
      problems.push(`${where}: secret already used by another credential`);
      return;
    }
    secrets.add(seed.secret);
    const token = seedToToken(seed, owner, ownerRef, store, (message) =>
      problems.push(`${where}: ${message}`),
    );
    if (token) store.addToken(token);
  };

  for (const user of scenario.users) {
    if (store.users.get(user.id)?.email !== user.email) continue;
    if (user.tokens.length > USER_TOKEN_QUOTA) {
      problems.push(
        `user ${user.email}: ${user.tokens.length} tokens exceed the quota of ${USER_TOKEN_QUOTA}`,
      );
    }
    for (const seed of user.tokens) {
      addSeed(
        seed,
        { kind: 'user', userId: user.id },
        { kind: 'user', userId: user.id },
        `token ${seed.label}`,
      );
    }
  }
  for (const account of scenario.accounts) {
    if (!store.accounts.has(account.id)) continue;
    if (account.tokens.length > ACCOUNT_TOKEN_QUOTA) {
      problems.push(
        `account ${account.name}: ${account.tokens.length} tokens exceed the quota of ${ACCOUNT_TOKEN_QUOTA}`,
      );
    }
    for (const seed of account.tokens) {
      const where = `account token ${seed.label}`;
      if (!store.isMember(seed.created_by, account.id)) {
        problems.push(`${where}: created_by ${seed.created_by} is not a member of account ${account.id}`);
        continue;
      }
      addSeed(
        seed,
        { kind: 'account', accountId: account.id, createdBy: seed.created_by },
        { kind: 'account', accountId: account.id },
        where,
      );
    }
  }

  if (problems.length > 0) {
    throw new ScenarioError(
      `Scenario "${scenario.name}" is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return store;
}

function noteOf(note: string | undefined): { note?: string } {
  return note === undefined ? {} : { note };
}

function resolveGroupRef(ref: PermissionGroupRef, store: SimStore): string {
  if ('id' in ref) return ref.id;
  return store.catalog.requireByName(ref.name, ref.scope).id;
}

function seedToToken(
  seed: TokenSeed | AccountTokenSeed,
  owner: TokenOwner,
  ownerRef: TokenOwnerRef,
  store: SimStore,
  report: (message: string) => void,
): TokenRecord | null {
  let body: Record<string, unknown>;
  try {
    body = {
      name: seed.name,
      policies: seed.policies.map((policy, index) => ({
        id: policy.id ?? derivedId(seed.id, 'policy', index),
        effect: policy.effect,
        permission_groups: policy.permission_groups.map((ref) => ({ id: resolveGroupRef(ref, store) })),
        resources: policy.resources,
      })),
      condition: seed.condition,
      not_before: seed.not_before,
      expires_on: seed.expires_on,
    };
  } catch (error) {
    report(error instanceof Error ? error.message : String(error));
    return null;
  }
  const result = validateTokenBody(body, { store, owner: ownerRef, mode: 'seed' });
  if (!result.ok) {
    report(result.failure.errors.map((e) => e.message).join('; '));
    return null;
  }
  const policies: PolicyRecord[] = result.value.policies.map((policy, index) => ({
    id: policy.id ?? derivedId(seed.id, 'policy', index),
    effect: policy.effect,
    permission_groups: policy.permission_groups,
    resources: policy.resources,
  }));
  return {
    id: seed.id,
    owner,
    label: seed.label,
    ...noteOf(seed.note),
    name: seed.name,
    status: seed.status,
    issued_on: seed.issued_on,
    modified_on: seed.modified_on ?? seed.issued_on,
    last_used_on: seed.last_used_on ?? null,
    not_before: result.value.not_before,
    expires_on: result.value.expires_on,
    policies,
    requestIp: result.value.requestIp,
    secret: seed.secret,
  };
}

/** Scenario credentials (seeded tokens still alive, and global keys) with current secrets. */
export function scenarioCredentials(store: SimStore): DemoCredential[] {
  const credentials: DemoCredential[] = [];
  for (const user of store.users.values()) {
    if (!user.globalKey) continue;
    credentials.push({
      label: user.globalKey.label,
      kind: 'global_key',
      secret: user.globalKey.secret,
      email: user.email,
      userId: user.id,
      ...noteOf(user.globalKey.note),
    });
  }
  for (const token of store.tokens.values()) {
    if (token.label.startsWith('token:')) continue;
    const base = {
      label: token.label,
      secret: token.secret,
      tokenId: token.id,
      name: token.name,
      ...noteOf(token.note),
    };
    credentials.push(
      token.owner.kind === 'user'
        ? { ...base, kind: 'user_token', userId: token.owner.userId }
        : { ...base, kind: 'account_token', accountId: token.owner.accountId, userId: token.owner.createdBy },
    );
  }
  return credentials;
}
