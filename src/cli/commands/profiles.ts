/**
 * `keyflare profiles`: list, add, rename and remove logins, through the same channels as the
 * window's profile dialogs. `add` reads the credential from stdin or a hidden prompt only.
 */
import readline from 'node:readline/promises';
import type { CredentialInput, Profile } from '../../shared/domain';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { messageText } from '../message-text';
import { findProfile } from '../refs';
import { readSecret } from '../secret-input';
import { printTable } from '../table';

const KIND_WORDS: Record<Profile['credentialKind'], string> = {
  user_token: 'user token',
  account_token: 'account token',
  global_key: 'Global API Key',
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
    ctx.out.note('No profiles yet. Add one with `keyflare profiles add <label>`.');
    return EXIT.ok;
  }
  printTable(
    ctx.out,
    [
      { header: 'LABEL', value: (p: Profile) => p.label },
      { header: 'CREDENTIAL', value: (p) => KIND_WORDS[p.credentialKind] },
      { header: 'LOGIN', value: (p) => p.email ?? '' },
      {
        header: 'LAST SYNC',
        value: (p) => (p.lastSyncAt ? p.lastSyncAt.slice(0, 16).replace('T', ' ') : 'never'),
      },
      {
        header: 'ACCOUNTS',
        value: (p) => p.capabilities.accounts.map((a) => a.accountName).join(', '),
        flexible: true,
      },
      { header: 'ID', value: (p) => p.id },
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
    throw new CliError(EXIT.usage, 'A Global API Key needs the login’s email: add --email <email>.');
  }
  const secret = await readSecret(options.kind === 'global-key' ? 'Global API Key:' : 'API token:');
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
    `Added profile “${profile.label}” (${KIND_WORDS[profile.credentialKind]}${profile.email ? `, ${profile.email}` : ''}).`,
  );
  for (const note of profile.capabilities.notes) ctx.out.note(`  ${messageText(ctx.lang, note)}`);
  ctx.out.note(`Next: keyflare sync --profile ${JSON.stringify(profile.label)}`);
  return EXIT.ok;
}

export async function renameProfile(ctx: CommandContext, ref: string, label: string): Promise<number> {
  const session = await ctx.session();
  const profile = findProfile(await session.call('profiles.list', {}), ref);
  const renamed = await session.call('profiles.rename', { profileId: profile.id, label });
  ctx.out.result(`Renamed “${profile.label}” to “${renamed.label}”.`);
  return EXIT.ok;
}

async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/iu.test((await rl.question(`${question} [y/N] `)).trim());
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
      throw new CliError(EXIT.usage, `Removing “${profile.label}” needs confirmation: add --yes.`);
    }
    const sure = await confirm(
      `Remove profile “${profile.label}”, its cached tokens and history, and its keychain entries?`,
    );
    if (!sure) {
      ctx.out.note('Nothing was removed.');
      return EXIT.cancelled;
    }
  }
  await session.call('profiles.remove', { profileId: profile.id });
  ctx.out.result(`Removed profile “${profile.label}” and its keychain entries.`);
  return EXIT.ok;
}
