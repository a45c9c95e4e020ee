/**
 * `keyflare doctor`: "is this secret I found still alive, whose is it, what can it do?"
 *
 * Reads the secret from stdin (or a hidden prompt), tells its kind from the prefix — cfut_ user
 * token, cfat_ account-owned token, cfk_ Global API Key, no prefix the older token format — and
 * verifies it through the core's tokens.verifySecret at the right endpoint: user tokens at
 * /user/tokens/verify, account-owned ones at /accounts/{id}/tokens/verify of each account the
 * profiles know, one at a time until one recognizes it (an older secret tries the user endpoint
 * first). Only profiles at one API address are used, so a secret for the real Cloudflare is never
 * sent to a test server: the default address when several are in use, or the one --profile names.
 * Then it finds the cached token by the id Cloudflare reports, shows its policies and warnings,
 * and says which profile may roll or delete it. The secret is never printed or stored.
 */
import {
  DEFAULT_BASE_URL,
  type Profile,
  type TokenDetail,
  type TokenOwner,
  type VerifyResult,
} from '../../shared/domain';
import { messageJson } from '../../shared/i18n/english-message';
import { ipFilterMessage } from '../../shared/policy/summary-words';
import type { CommandContext } from '../context';
import { msg } from '../../shared/i18n/message';
import { CliError, EXIT } from '../exit-codes';
import { allowedJson, messageText } from '../message-text';
import { ADD_PROFILE, profileFor } from '../refs';
import { readSecret } from '../secret-input';
import type { Session } from '../session';

export type SecretKind = 'user_token' | 'account_token' | 'global_key' | 'older_token';

export function secretKind(secret: string): SecretKind {
  if (secret.startsWith('cfut_')) return 'user_token';
  if (secret.startsWith('cfat_')) return 'account_token';
  if (secret.startsWith('cfk_')) return 'global_key';
  return 'older_token';
}

/** "Kind: a user API token (cfut_)." in the run's language. */
function kindLine(ctx: CommandContext, kind: SecretKind): string {
  return ctx.lang.t('cli.doctor.kind', { kind });
}

/** The profiles a secret may be sent through: one API address only. */
function reachableProfiles(profiles: readonly Profile[]): Profile[] {
  const addresses = new Set(profiles.map((profile) => profile.baseUrl));
  if (addresses.size <= 1) return [...profiles];
  const official = profiles.filter((profile) => profile.baseUrl === DEFAULT_BASE_URL);
  if (official.length > 0) return official;
  throw new CliError(EXIT.conflict, msg('cli.doctor.severalAddresses', { flag: '--profile' }));
}

interface Attempt {
  profile: Profile;
  owner: TokenOwner;
  result: VerifyResult;
  tokenId: string | null;
}

async function attempt(
  session: Session,
  profile: Profile,
  owner: TokenOwner,
  secret: string,
): Promise<Attempt> {
  const reply = await session.call('tokens.verifySecret', { profileId: profile.id, secret, owner });
  return { profile, owner, result: reply.result, tokenId: reply.tokenId };
}

async function verifyEverywhere(
  session: Session,
  profiles: readonly Profile[],
  kind: SecretKind,
  secret: string,
): Promise<Attempt | null> {
  let last: Attempt | null = null;
  const first = profiles[0];
  if (first && (kind === 'user_token' || kind === 'older_token')) {
    last = await attempt(session, first, { kind: 'user' }, secret);
    if (last.result.outcome !== 'invalid' || kind === 'user_token') return last;
  }
  const tried = new Set<string>();
  for (const profile of profiles) {
    for (const account of await session.call('accounts.list', { profileId: profile.id })) {
      if (tried.has(account.id)) continue;
      tried.add(account.id);
      last = await attempt(session, profile, { kind: 'account', accountId: account.id }, secret);
      if (last.result.outcome !== 'invalid') return last;
    }
  }
  return last;
}

async function cachedDetails(session: Session, tokenId: string): Promise<TokenDetail[]> {
  const details: TokenDetail[] = [];
  for (const profile of await session.call('profiles.list', {})) {
    try {
      details.push(await session.call('tokens.get', { profileId: profile.id, tokenId }));
    } catch (error) {
      if (!(error instanceof CliError && error.exitCode === EXIT.notFound)) throw error;
    }
  }
  return details;
}

/** "Manage: profile “Alice” can roll and delete it.", one line per profile that caches the token. */
function managers(ctx: CommandContext, details: readonly TokenDetail[]): string[] {
  return details.map((detail) => {
    const { roll, delete: remove, reason } = detail.allowed;
    return ctx.lang.t('cli.doctor.manage', {
      profile: detail.profileLabel,
      can: roll && remove ? 'both' : roll ? 'roll' : remove ? 'delete' : 'none',
      reason: reason ? messageText(ctx.lang, reason) : 'none',
    });
  });
}

export async function doctor(
  ctx: CommandContext,
  options: { profile?: string; json?: boolean },
): Promise<number> {
  const secret = await readSecret(ctx.lang.t('cli.doctor.prompt'));
  const kind = secretKind(secret);
  const session = await ctx.session();
  const scope = await profileFor(session, options.profile);
  const all = scope ? [scope] : await session.call('profiles.list', {});
  const { out } = ctx;

  if (kind === 'global_key') {
    const users = all.filter((profile) => profile.credentialKind === 'global_key');
    if (options.json) {
      out.result(
        JSON.stringify(
          {
            version: 1,
            kind,
            verified: null,
            token: null,
            profiles: users.map((p) => ({ id: p.id, label: p.label, email: p.email })),
          },
          null,
          2,
        ),
      );
    } else {
      const { t } = ctx.lang;
      out.result(kindLine(ctx, kind));
      out.result(t('cli.doctor.globalKey.notToken'));
      out.result(
        users.length > 0
          ? t('cli.doctor.globalKey.profiles', {
              profiles: users
                .map((p) => t('cli.doctor.globalKey.profile', { label: p.label, email: p.email ?? 'none' }))
                .join(t('cli.listSeparator')),
            })
          : t('cli.doctor.globalKey.noProfile'),
      );
      out.result(t('cli.doctor.globalKey.advice'));
    }
    return EXIT.no;
  }
  if (all.length === 0) {
    throw new CliError(EXIT.notFound, msg('cli.doctor.noProfiles'), [ADD_PROFILE]);
  }
  const found = await verifyEverywhere(session, reachableProfiles(all), kind, secret);
  const details = found?.tokenId ? await cachedDetails(session, found.tokenId) : [];
  const outcome = found?.result.outcome ?? 'invalid';
  const where =
    found === null
      ? null
      : found.owner.kind === 'user'
        ? 'the user endpoint'
        : `account ${found.owner.accountId}`;

  if (options.json) {
    out.result(
      JSON.stringify(
        {
          version: 1,
          kind,
          verified: found
            ? {
                ...found.result,
                ...messageJson(found.result.message),
                at: where,
                profile: found.profile.label,
              }
            : null,
          tokenId: found?.tokenId ?? null,
          tokens: details.map((detail) => ({
            profile: { id: detail.profileId, label: detail.profileLabel },
            id: detail.id,
            name: detail.name,
            status: detail.status,
            policies: detail.policies.map((policy) => policy.summary),
            warnings: detail.warnings.map((warning) => ({ ...warning, ...messageJson(warning.message) })),
            allowed: allowedJson(detail.allowed),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    const { t } = ctx.lang;
    out.result(kindLine(ctx, kind));
    if (found) {
      const word = t('cli.verify.outcome', { outcome });
      const mark = outcome === 'active' ? out.good(word) : out.bad(word);
      out.result(
        t('cli.doctor.cloudflare', { outcome: mark, message: messageText(ctx.lang, found.result.message) }),
      );
      out.result(
        t('cli.doctor.askedAt', {
          owner: found.owner.kind,
          account: found.owner.kind === 'account' ? found.owner.accountId : 'none',
          profile: found.profile.label,
        }),
      );
    } else {
      out.result(t('cli.doctor.notChecked', { notChecked: out.bad(t('cli.doctor.notCheckedWord')) }));
    }
    const first = details[0];
    if (!first) {
      out.result(found?.tokenId ? t('cli.doctor.notCached', { id: found.tokenId }) : t('cli.doctor.noMatch'));
    } else {
      out.result(
        t('cli.doctor.token', {
          name: first.name,
          id: first.id,
          kind: first.kind,
          account: first.accountName ?? first.accountId ?? '',
        }),
      );
      out.result(t('cli.doctor.can'));
      for (const policy of first.policies) out.result(`  ${messageText(ctx.lang, policy.summaryMessage)}`);
      if (first.ipFilterSummary)
        out.result(`  ${messageText(ctx.lang, ipFilterMessage(first.ipFilterSummary))}`);
      if (first.warnings.length > 0) {
        out.result(t('cli.doctor.warnings'));
        for (const warning of first.warnings)
          out.result(`  ${out.warn('!')} ${messageText(ctx.lang, warning.message)}`);
      }
      for (const line of managers(ctx, details)) out.result(line);
    }
  }
  if (outcome === 'active') return EXIT.ok;
  if (outcome === 'network_error') return EXIT.network;
  return EXIT.no;
}
