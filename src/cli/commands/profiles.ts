/**
 * `keyflare profiles`: list, add, rename and remove logins, through the same channels as the
 * window's profile dialogs. `add` reads the credential from stdin or a hidden prompt only.
 */
import readline from 'node:readline/promises';
import type { CredentialInput, Profile } from '../../shared/domain';
import { msg, type MessageKey } from '../../shared/i18n/message';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { messageText } from '../message-text';
import { ADD_PROFILE, findProfile } from '../refs';
import { readSecret } from '../secret-input';
import { printTable } from '../table';

const KIND_WORDS: Record<Profile['credentialKind'], MessageKey> = {
  user_token: 'cli.profiles.kind.user_token',
  account_token: 'cli.profiles.kind.account_token',
  global_key: 'cli.profiles.kind.global_key',
};

function profileJson(profile: Profile) {
  return {
    id: profile.id,
    label: profile.label,
    credentialKind: profile.credentialKind,
    email: profile.email,
    ownerAccountId: profile.ownerAccountId,
    baseUrl: profile.baseUrl,
    lastSyncAt: profile.lastSyncAt,
    lastSyncOutcome: profile.lastSyncOutcome,
    accounts: profile.capabilities.accounts.map((account) => ({
      id: account.accountId,
      name: account.accountName,
    })),
  };
}

export async function listProfiles(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const session = await ctx.session();
  const profiles = await session.call('profiles.list', {});
  if (options.json) {
    ctx.out.result(JSON.stringify({ version: 1, profiles: profiles.map(profileJson) }, null, 2));
    return EXIT.ok;
  }
  if (profiles.length === 0) {
    ctx.out.note(ctx.lang.t('cli.profiles.none', ADD_PROFILE.params));
    return EXIT.ok;
  }
  const { t, formats } = ctx.lang;
  printTable(
    ctx.out,
    [
      { header: t('cli.profiles.column.label'), value: (p: Profile) => p.label },
      { header: t('cli.profiles.column.credential'), value: (p) => t(KIND_WORDS[p.credentialKind]) },
      { header: t('cli.profiles.column.login'), value: (p) => p.email ?? '' },
      {
        header: t('cli.profiles.column.lastSync'),
        value: (p) => formats.dateTime(p.lastSyncAt) ?? t('cli.never'),
      },
      {
        header: t('cli.profiles.column.accounts'),
        value: (p) => p.capabilities.accounts.map((a) => a.accountName).join(', '),
        flexible: true,
      },
      { header: t('cli.profiles.column.id'), value: (p) => p.id },
    ],
    profiles,
  );
  return EXIT.ok;
}

interface AddOptions {
  kind: 'token' | 'global-key';
  email?: string;
  accountId?: string;
  baseUrl?: string;
}

export async function addProfile(ctx: CommandContext, label: string, options: AddOptions): Promise<number> {
  if (options.kind === 'global-key' && !options.email) {
    throw new CliError(EXIT.usage, msg('cli.profiles.needsEmail', { flag: '--email <email>' }));
  }
  const secret = await readSecret(
    ctx.lang.t(options.kind === 'global-key' ? 'cli.profiles.prompt.globalKey' : 'cli.profiles.prompt.token'),
  );
  const credential: CredentialInput =
    options.kind === 'global-key'
      ? { kind: 'global_key', email: options.email ?? '', key: secret }
      : { kind: 'api_token', token: secret, ...(options.accountId ? { accountId: options.accountId } : {}) };
  const session = await ctx.session();
  const profile = await session.call('profiles.add', {
    label,
    credential,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  ctx.out.result(
    ctx.lang.t('cli.profiles.added', {
      label: profile.label,
      kind: ctx.lang.t(KIND_WORDS[profile.credentialKind]),
      email: profile.email ?? 'none',
    }),
  );
  for (const note of profile.capabilities.notes) ctx.out.note(`  ${messageText(ctx.lang, note)}`);
  ctx.out.note(
    ctx.lang.t('cli.profiles.next', { command: `keyflare sync --profile ${JSON.stringify(profile.label)}` }),
  );
  return EXIT.ok;
}

export async function renameProfile(ctx: CommandContext, ref: string, label: string): Promise<number> {
  const session = await ctx.session();
  const profile = findProfile(await session.call('profiles.list', {}), ref);
  const renamed = await session.call('profiles.rename', { profileId: profile.id, label });
  ctx.out.result(ctx.lang.t('cli.profiles.renamed', { from: profile.label, to: renamed.label }));
  return EXIT.ok;
}

/** Asks on the terminal: y, yes, 是 or 是的 mean yes; anything else (Enter too) means no. */
async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(ctx.lang.t('cli.confirm.ask', { question }))).trim();
    return /^(?:y(?:es)?|是|是的)$/iu.test(answer);
  } finally {
    rl.close();
  }
}

export async function removeProfile(
  ctx: CommandContext,
  ref: string,
  options: { yes?: boolean },
): Promise<number> {
  const session = await ctx.session();
  const profile = findProfile(await session.call('profiles.list', {}), ref);
  if (!options.yes) {
    if (!process.stdin.isTTY) {
      throw new CliError(EXIT.usage, msg('cli.profiles.removeNeedsYes', { label: profile.label }));
    }
    const sure = await confirm(ctx, ctx.lang.t('cli.profiles.removeQuestion', { label: profile.label }));
    if (!sure) {
      ctx.out.note(ctx.lang.t('cli.profiles.notRemoved'));
      return EXIT.cancelled;
    }
  }
  await session.call('profiles.remove', { profileId: profile.id });
  ctx.out.result(ctx.lang.t('cli.profiles.removed', { label: profile.label }));
  return EXIT.ok;
}
