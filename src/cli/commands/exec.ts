/**
 * `keyflare exec [<token>] -- <command…>`: runs a command with the token's secret in its
 * environment, as aws-vault does for AWS.
 *
 * - The secret comes from the keychain entry the window keeps and goes only into the child's
 *   environment: never into argv (ours or the child's), stdout, stderr or the log.
 * - `CLOUDFLARE_ACCOUNT_ID` is set when the token is account-owned, or its policies reach exactly
 *   one account; other Cloudflare credential variables are removed so the command cannot pick a
 *   different credential (wrangler prefers a Global API Key pair when both are set).
 * - No token: the nearest `.keyflare.json` names it.
 * - Refused (exit 9) when the cache knows the token is disabled, expired or not yet valid, unless
 *   `--force`; refused inside another `keyflare exec` (KEYFLARE_EXEC is set) unless
 *   `--allow-nested`, so a nested call cannot silently swap the outer token.
 * - Stdio is inherited; SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1/2 and SIGWINCH are forwarded;
 *   the child's exit code is returned, or 128 + the signal's number when a signal ended it.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { tokenSecretAccount } from '../../main/core/secrets/secret-store';
import type { TokenDetail } from '../../shared/domain';
import { msg, type MessageParams } from '../../shared/i18n/message';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { profileFor, resolveToken, tokenByKey } from '../refs';

/** Set in the child's environment: `<profileId>/<tokenId>`, never the secret. */
export const EXEC_MARKER = 'KEYFLARE_EXEC';

/** Variables that name another Cloudflare credential, removed from the child's environment. */
const OTHER_CREDENTIALS = [
  'CLOUDFLARE_API_KEY',
  'CLOUDFLARE_EMAIL',
  'CF_API_TOKEN',
  'CF_API_KEY',
  'CF_API_EMAIL',
];

const FORWARDED: NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
  'SIGWINCH',
];

/**
 * Why the token cannot be used right now, from the cache, as the catalogue's select values
 * (`why`: disabled, expired or notYet; `day`: the ISO day, or 'none'); null when it can.
 */
export function unusableReason(token: TokenDetail, now: Date): MessageParams | null {
  if (token.status === 'disabled') return { why: 'disabled', day: 'none' };
  if (
    token.status === 'expired' ||
    (token.expiresOn !== null && Date.parse(token.expiresOn) <= now.getTime())
  )
    return { why: 'expired', day: token.expiresOn ?? 'none' };
  if (token.notBefore !== null && Date.parse(token.notBefore) > now.getTime())
    return { why: 'notYet', day: token.notBefore };
  return null;
}

/** The reason's parameters for a sentence: its day as the locale writes it. */
export function unusableParams(ctx: CommandContext, name: string, reason: MessageParams): MessageParams {
  const day = String(reason.day);
  return { ...reason, name, day: day === 'none' ? day : (ctx.lang.formats.day(day) ?? day) };
}

/** The one account a token works in: its owner, or the only account its policies reach. */
export function singleAccount(token: TokenDetail): string | null {
  if (token.kind === 'account') return token.accountId;
  const accounts = new Set<string>();
  for (const policy of token.policies) {
    if (policy.effect !== 'allow') continue;
    for (const resource of policy.resources) {
      if (resource.kind === 'all_accounts' || resource.kind === 'all_zones' || resource.kind === 'other')
        return null;
      if (resource.accountId !== null) accounts.add(resource.accountId);
      else if (resource.kind === 'zone') return null;
    }
  }
  return accounts.size === 1 ? ([...accounts][0] ?? null) : null;
}

interface ExecOptions {
  profile?: string;
  force?: boolean;
  allowNested?: boolean;
}

async function chooseToken(
  ctx: CommandContext,
  ref: string | undefined,
  options: ExecOptions,
): Promise<TokenDetail> {
  // exec never edits: the token's detail comes without Edit's draft, whose check loads zod.
  const session = await ctx.session({ editDrafts: false });
  if (ref !== undefined) return resolveToken(session, ref, await profileFor(session, options.profile));
  // Loaded only here: the project file is checked with zod, which `exec <token>` does not need.
  const { findProjectFile, readProjectFile } = await import('../project-file');
  const file = findProjectFile(process.cwd());
  if (!file) {
    throw new CliError(EXIT.usage, msg('cli.exec.noToken', { file: '.keyflare.json' }), [
      msg('cli.exec.noTokenNext', {
        exec: 'keyflare exec <token> -- <command>',
        link: 'keyflare link <token>',
      }),
    ]);
  }
  ctx.out.detail(() => ctx.lang.t('cli.exec.namedBy', { file }));
  const reference = readProjectFile(file);
  return tokenByKey(session, { profileId: reference.profileId, tokenId: reference.tokenId }, file);
}

function signalNumber(signal: NodeJS.Signals): number {
  return os.constants.signals[signal] ?? 1;
}

export async function exec(
  ctx: CommandContext,
  first: string | undefined,
  rest: string[],
  options: ExecOptions,
): Promise<number> {
  // commander puts everything after `--` into the variadic argument; with no token given, the
  // first word after `--` lands in [token]. The raw arguments tell which it was.
  const dashIndex = ctx.argv.indexOf('--');
  const afterDash = dashIndex >= 0 ? ctx.argv.slice(dashIndex + 1) : [];
  let ref = first;
  let command = rest;
  if (
    dashIndex >= 0 &&
    first !== undefined &&
    afterDash[0] === first &&
    afterDash.length === rest.length + 1
  ) {
    ref = undefined;
    command = afterDash;
  }
  if (command.length === 0)
    throw new CliError(
      EXIT.usage,
      msg('cli.exec.noCommand', { usage: 'keyflare exec <token> -- <command>' }),
    );
  if (process.env[EXEC_MARKER] && !options.allowNested) {
    throw new CliError(EXIT.refused, msg('cli.exec.nested', { command: 'keyflare exec' }), [
      msg('cli.exec.nestedNext', { flag: '--allow-nested' }),
    ]);
  }
  const token = await chooseToken(ctx, ref, options);
  const unusable = unusableReason(token, new Date());
  if (unusable && !options.force) {
    throw new CliError(EXIT.refused, msg('cli.exec.unusable', unusableParams(ctx, token.name, unusable)), [
      msg('cli.exec.unusableNext', { flag: '--force' }),
    ]);
  }
  const session = await ctx.session();
  const secret = await (await session.secrets()).get(tokenSecretAccount(token.profileId, token.id));
  if (secret === null) {
    throw new CliError(EXIT.notFound, msg('cli.exec.noSecret', { name: token.name }), [
      msg('cli.exec.noSecretNext'),
    ]);
  }
  // The cache is not needed while the command runs: let the window have it alone.
  ctx.close();

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of OTHER_CREDENTIALS) delete env[name];
  env.CLOUDFLARE_API_TOKEN = secret;
  const account = singleAccount(token);
  if (account) env.CLOUDFLARE_ACCOUNT_ID = account;
  else delete env.CLOUDFLARE_ACCOUNT_ID;
  env[EXEC_MARKER] = `${token.profileId}/${token.id}`;
  ctx.out.detail(() =>
    ctx.lang.t('cli.exec.running', {
      name: token.name,
      profile: token.profileLabel,
      account: account ?? 'none',
    }),
  );

  const [program, ...args] = command;
  return new Promise<number>((resolve) => {
    const child = spawn(program ?? '', args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const handlers = FORWARDED.map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (code: number): void => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      ctx.out.error(
        `keyflare: ${ctx.lang.t(missing ? 'cli.exec.notFound' : 'cli.exec.cannotRun', { command: program ?? '' })}`,
      );
      done(missing ? 127 : 126);
    });
    child.on('exit', (code, signal) => done(signal ? 128 + signalNumber(signal) : (code ?? 0)));
  });
}
