/**
 * Checking a credential before Keyflare keeps it: which kind it is, that Cloudflare accepts it,
 * which login and accounts it reaches, and what it may do (capabilities).
 *
 * API tokens: `cfat_` or an explicit accountId means account-owned, verified at
 * /accounts/{id}/tokens/verify (the only place Cloudflare verifies them). Otherwise
 * /user/tokens/verify first; when that says 1000 "Invalid API Token" the token may still be an
 * older account-owned one without the prefix, so each account the token can list is tried.
 * Global API Keys are checked by reading /user. Nothing is stored here.
 */
import { nullWhenDenied } from '../cloudflare/errors';
import type { CredentialInput } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { unnamedAccountName } from '../../../shared/policy/labels';
import type { CallOptions, CloudflareClient, CloudflareGateway } from '../cloudflare/gateway';
import { directPlanner, fetchAllPages } from '../cloudflare/paging';
import type { WireAccount, WireUser, WireVerify } from '../cloudflare/wire';
import type { CredentialFacts } from '../db/profile-repository';
import type { Clock } from '../ports';
import type { ProfileCredential } from '../secrets/credential';
import { globalKeyCapabilities, tokenCapabilities } from './capabilities';

export interface CheckedCredential {
  credential: ProfileCredential;
  facts: CredentialFacts;
  accounts: WireAccount[];
}

const NOT_ACCEPTED = msg('errors.profiles.notAccepted');

function rethrowAsInvalid(error: unknown): never {
  if (error instanceof AppError && (error.code === 'AUTH_INVALID' || error.code === 'NOT_FOUND')) {
    throw new AppError('AUTH_INVALID', NOT_ACCEPTED, error.details);
  }
  throw error;
}

function inactive(status: string): AppError {
  return new AppError('AUTH_INVALID', msg('errors.profiles.inactive', { status }));
}

async function listAccounts(client: CloudflareClient, call: CallOptions): Promise<WireAccount[] | null> {
  return nullWhenDenied(
    fetchAllPages(
      directPlanner,
      'accounts',
      null,
      (page, perPage) => client.listAccounts(page, perPage, call),
      { what: msg('errors.request.listAccounts') },
    ),
  );
}

function accountNamesFor(accounts: WireAccount[] | null, ownerAccountId: string | null): WireAccount[] {
  if (accounts && accounts.length > 0) return accounts;
  return ownerAccountId ? [{ id: ownerAccountId, name: unnamedAccountName(ownerAccountId), type: null }] : [];
}

export interface CheckOptions {
  gateway: CloudflareGateway;
  baseUrl: string;
  clock: Clock;
  signal?: AbortSignal;
}

async function checkAccountToken(
  options: CheckOptions,
  token: string,
  accountId: string | undefined,
): Promise<CheckedCredential> {
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const client = options.gateway.forCredential(options.baseUrl, { kind: 'secret', token });
  let listed: WireAccount[] | null = null;
  let candidates: string[];
  if (accountId) {
    candidates = [accountId];
  } else {
    listed = await listAccounts(client, call).catch(rethrowAsInvalid);
    candidates = (listed ?? []).map((a) => a.id);
  }
  let owner: string | null = null;
  let verify: WireVerify | null = null;
  for (const candidate of candidates) {
    try {
      verify = await client.tokens({ kind: 'account', accountId: candidate }).verify(call);
      owner = candidate;
      break;
    } catch (error) {
      if (
        error instanceof AppError &&
        ['AUTH_INVALID', 'PERMISSION_DENIED', 'NOT_FOUND'].includes(error.code)
      )
        continue;
      throw error;
    }
  }
  if (!owner || !verify) throw new AppError('AUTH_INVALID', NOT_ACCEPTED);
  if (verify.status !== 'active') throw inactive(verify.status);
  listed ??= await listAccounts(client, call);
  const accounts = accountNamesFor(listed, owner);
  const ownerTokens = client.tokens({ kind: 'account', accountId: owner });
  const own = await nullWhenDenied(ownerTokens.get(verify.id, call));
  const probes = { listUserTokens: null, listAccountTokens: new Map<string, boolean>() };
  if (!own)
    probes.listAccountTokens.set(owner, (await nullWhenDenied(ownerTokens.list(1, 5, call))) !== null);
  const credential: ProfileCredential = { kind: 'account_token', token, accountId: owner };
  return {
    credential,
    accounts,
    facts: {
      credentialKind: 'account_token',
      email: null,
      userId: null,
      ownerAccountId: owner,
      credentialTokenId: verify.id,
      capabilities: tokenCapabilities({
        kind: 'account_token',
        readUser: false,
        accounts,
        ownPolicies: own?.policies ?? null,
        probes,
        ownerAccountId: owner,
        checkedAt: options.clock.now().toISOString(),
      }),
    },
  };
}

async function checkUserToken(
  options: CheckOptions,
  token: string,
  verify: { id: string; status: string },
): Promise<CheckedCredential> {
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  if (verify.status !== 'active') throw inactive(verify.status);
  const client = options.gateway.forCredential(options.baseUrl, { kind: 'secret', token });
  const [user, listed, own] = await Promise.all([
    nullWhenDenied(client.getUser(call)),
    listAccounts(client, call),
    nullWhenDenied(client.tokens({ kind: 'user' }).get(verify.id, call)),
  ]);
  const accounts = accountNamesFor(listed, null);
  const probes = { listUserTokens: null as boolean | null, listAccountTokens: new Map<string, boolean>() };
  if (!own) {
    const [userList, ...accountLists] = await Promise.all([
      nullWhenDenied(client.tokens({ kind: 'user' }).list(1, 5, call)),
      ...accounts.map((a) =>
        nullWhenDenied(client.tokens({ kind: 'account', accountId: a.id }).list(1, 5, call)),
      ),
    ]);
    probes.listUserTokens = userList !== null;
    accounts.forEach((a, i) => probes.listAccountTokens.set(a.id, accountLists[i] !== null));
  }
  return {
    credential: { kind: 'user_token', token },
    accounts,
    facts: {
      credentialKind: 'user_token',
      email: user?.email ?? null,
      userId: user?.id ?? null,
      ownerAccountId: null,
      credentialTokenId: verify.id,
      capabilities: tokenCapabilities({
        kind: 'user_token',
        readUser: user !== null,
        accounts,
        ownPolicies: own?.policies ?? null,
        probes,
        ownerAccountId: null,
        checkedAt: options.clock.now().toISOString(),
      }),
    },
  };
}

async function checkGlobalKey(options: CheckOptions, email: string, key: string): Promise<CheckedCredential> {
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const credential: ProfileCredential = { kind: 'global_key', email, key };
  const client = options.gateway.forCredential(options.baseUrl, credential);
  const user: WireUser = await client.getUser(call).catch(rethrowAsInvalid);
  const accounts = (await listAccounts(client, call)) ?? [];
  return {
    credential,
    accounts,
    facts: {
      credentialKind: 'global_key',
      email: user.email ?? email,
      userId: user.id,
      ownerAccountId: null,
      credentialTokenId: null,
      capabilities: globalKeyCapabilities(accounts, options.clock.now().toISOString()),
    },
  };
}

/** Verifies a credential as typed by the user; throws AUTH_INVALID with a plain sentence when Cloudflare refuses it. */
export async function checkCredential(
  options: CheckOptions,
  input: CredentialInput,
): Promise<CheckedCredential> {
  if (input.kind === 'global_key') return checkGlobalKey(options, input.email, input.key);
  const token = input.token;
  if (input.accountId || token.startsWith('cfat_')) return checkAccountToken(options, token, input.accountId);
  const client = options.gateway.forCredential(options.baseUrl, { kind: 'secret', token });
  let verify: { id: string; status: string };
  try {
    verify = await client.tokens({ kind: 'user' }).verify(options.signal ? { signal: options.signal } : {});
  } catch (error) {
    const invalid = error instanceof AppError && error.code === 'AUTH_INVALID';
    // cfut_ tokens are user tokens for sure; unprefixed ones may be older account-owned tokens.
    if (invalid && !token.startsWith('cfut_')) return checkAccountToken(options, token, undefined);
    return rethrowAsInvalid(error);
  }
  return checkUserToken(options, token, verify);
}
