/**
 * `keyflare tokens`: the cached inventory, filtered, as a table, JSON or CSV. Offline works: it
 * reads the cache only (`--sync` refreshes it first).
 *
 * `--json` prints `{"version": 1, "tokens": [TokenJson…]}`; the shape of TokenJson is the stable,
 * documented schema (README "Command line"): fields are only ever added in version 1.
 */
import type { TokenRow } from '../../shared/domain';
import { tokenFactsJson, tokenSearchText } from '../../shared/token-row-text';
import { type MessageData, messageJson } from '../../shared/i18n/english-message';
import { permissionsWords } from '../../shared/policy/summary-words';
import type { CommandContext } from '../context';
import { msg } from '../../shared/i18n/message';
import { CliError, EXIT } from '../exit-codes';
import type { TOKEN_FILTERS } from '../program';
import { messageText } from '../message-text';
import { findProfile } from '../refs';
import { runSync } from './sync';

type TokenFilter = (typeof TOKEN_FILTERS)[number];

interface TokensOptions {
  profile?: string;
  account?: string;
  search?: string;
  filter?: TokenFilter[];
  sync?: boolean;
  json?: boolean;
  csv?: boolean;
}

/** One token in `--json`: version 1 of the documented schema. */
export function tokenJson(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    profile: { id: row.profileId, label: row.profileLabel },
    ...tokenFactsJson(row),
    permissions: row.permissionNames,
    resources: row.resourceNames,
    summary: { permissions: row.permissionsSummary, resources: row.resourcesSummary },
    ipFilter: row.ipFilterSummary,
    secretKept: row.secretKept,
    isProfileCredential: row.isCredential,
    lastVerify: row.lastVerify && { ...row.lastVerify, ...messageJson(row.lastVerify.message) },
    warnings: row.warnings.map((warning) => ({
      kind: warning.kind,
      severity: warning.severity,
      ...messageJson(warning.message),
    })),
  };
}

/** How much JSON text is gathered before it is written. */
const JSON_SLICE = 64 * 1024;

export interface TokensJsonWriter {
  add(row: TokenRow): void;
  /** Closes the document; nothing may be added after. */
  end(): void;
}

/**
 * `--json`'s text, made a row at a time and handed to `write` a slice at a time: the same bytes
 * as `JSON.stringify({ version: 1, tokens: rows.map(tokenJson) })` plus a newline, without
 * building all 3 MB of 3,050 tokens at once and copying them again into one buffer for stdout;
 * each row's objects are garbage as soon as its text is made.
 */
export function tokensJsonWriter(write: (text: string) => void): TokensJsonWriter {
  // Each slice is its rows' texts joined once (one copy into a flat string), not grown with +=,
  // whose chain of pieces would be copied again when the slice is encoded for the descriptor.
  let parts: string[] = ['{"version":1,"tokens":['];
  let size = 0;
  let rows = 0;
  return {
    add(row) {
      const text = JSON.stringify(tokenJson(row));
      parts.push(rows === 0 ? text : `,${text}`);
      rows += 1;
      size += text.length;
      if (size >= JSON_SLICE) {
        write(parts.join(''));
        parts = [];
        size = 0;
      }
    },
    end() {
      parts.push(']}\n');
      write(parts.join(''));
      parts = [];
    },
  };
}

const FILTER_TEST: Record<TokenFilter, (row: TokenRow) => boolean> = {
  expiring: (row) => row.warnings.some((w) => w.kind === 'expires_soon'),
  'never-used': (row) => row.warnings.some((w) => w.kind === 'never_used'),
  'no-expiry': (row) => row.expiresOn === null,
  'no-ip': (row) => row.ipFilterSummary === null,
  'broad-write': (row) => row.warnings.some((w) => w.kind === 'broad_write'),
  disabled: (row) => row.status === 'disabled',
  expired: (row) => row.status === 'expired',
};

/** Tokens an account owns, and user tokens whose resources reach it (the sidebar's account view). */
async function accountFilter(
  ctx: CommandContext,
  ref: string,
  profileId: string | undefined,
): Promise<(row: TokenRow) => boolean> {
  const session = await ctx.session();
  const accounts = await session.call('accounts.list', profileId ? { profileId } : {});
  const text = ref.trim().toLowerCase();
  const matches = accounts.filter((a) => a.id === ref.trim() || a.name.toLowerCase() === text);
  if (matches.length === 0) throw new CliError(EXIT.notFound, msg('cli.tokens.noAccount', { name: ref }));
  const reach = new Map<string, Set<string>>();
  for (const account of matches) {
    const zones = await session.call('zones.list', { profileId: account.profileId, accountId: account.id });
    const labels = reach.get(account.profileId) ?? new Set(['all accounts', 'all zones']);
    labels.add(`account ${account.name}`.toLowerCase());
    labels.add(`all zones in account ${account.name}`.toLowerCase());
    for (const zone of zones) labels.add(`zone ${zone.name}`.toLowerCase());
    reach.set(account.profileId, labels);
  }
  const ids = new Set(matches.map((a) => `${a.profileId}:${a.id}`));
  return (row) => {
    if (row.kind === 'account') return ids.has(`${row.profileId}:${row.accountId ?? ''}`);
    const labels = reach.get(row.profileId);
    return labels !== undefined && row.resourceNames.some((name) => labels.has(name.toLowerCase()));
  };
}

function csvCell(value: string): string {
  // A leading = + - @ makes spreadsheets run the cell as a formula: quote it as text.
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

const CSV_COLUMNS: [string, (row: TokenRow) => string][] = [
  ['id', (r) => r.id],
  ['name', (r) => r.name],
  ['profile', (r) => r.profileLabel],
  ['kind', (r) => r.kind],
  ['account', (r) => r.accountName ?? ''],
  ['status', (r) => r.status],
  ['expires_on', (r) => r.expiresOn ?? ''],
  ['last_used_on', (r) => r.lastUsedOn ?? ''],
  ['permissions', (r) => r.permissionsSummary],
  ['resources', (r) => r.resourcesSummary],
  ['ip_filter', (r) => r.ipFilterSummary ?? ''],
  ['secret_kept', (r) => String(r.secretKept)],
  ['warnings', (r) => r.warnings.map((w) => w.kind).join(' ')],
];

/** Whether a row is one the options ask for: --account, every --search word, every --filter. */
async function rowFilter(
  ctx: CommandContext,
  options: TokensOptions,
  profileId: string | undefined,
): Promise<(row: TokenRow) => boolean> {
  const tests: ((row: TokenRow) => boolean)[] = [];
  if (options.account !== undefined) tests.push(await accountFilter(ctx, options.account, profileId));
  const words = (options.search ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length > 0) {
    tests.push((row) => {
      const text = tokenSearchText(row);
      return words.every((word) => text.includes(word));
    });
  }
  for (const filter of options.filter ?? []) tests.push(FILTER_TEST[filter]);
  return (row) => tests.every((test) => test(row));
}

export async function listTokens(ctx: CommandContext, options: TokensOptions): Promise<number> {
  if (options.sync) {
    const code = await runSync(ctx, options.profile);
    if (code !== EXIT.ok) ctx.out.note(ctx.lang.t('cli.tokens.showingCached'));
  }
  const session = await ctx.session();
  const profile =
    options.profile === undefined
      ? null
      : findProfile(await session.call('profiles.list', {}), options.profile);
  const keep = await rowFilter(ctx, options, profile?.id);
  const input = profile ? { profileId: profile.id } : {};

  if (options.json) {
    // The rows are walked, not gathered: each one is garbage once its text is made. The text is
    // written when the walk is done, so a walk that starts over (a damaged read, offline-reader.ts)
    // leaves no half document on stdout.
    let slices: string[] = [];
    let json = tokensJsonWriter((text) => slices.push(text));
    await session.eachToken(
      input,
      (row) => {
        if (keep(row)) json.add(row);
      },
      () => {
        slices = [];
        json = tokensJsonWriter((text) => slices.push(text));
      },
    );
    json.end();
    for (const slice of slices) ctx.out.raw(slice);
    return EXIT.ok;
  }
  const rows = (await session.call('tokens.list', input)).filter(keep);
  if (options.csv) {
    const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
    for (const row of rows) lines.push(CSV_COLUMNS.map(([, value]) => csvCell(value(row))).join(','));
    ctx.out.raw(`${lines.join('\r\n')}\r\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    ctx.out.note(ctx.lang.t('cli.tokens.noMatch'));
    return EXIT.ok;
  }
  const { printTable } = await import('../table');
  const { t, formats } = ctx.lang;
  // The permissions as the run's language says them ("拒绝 Zone Read"); English is the row's own text.
  const say = (message: MessageData): string => messageText(ctx.lang, message);
  const permissionsOf = (r: TokenRow): string =>
    ctx.lang.locale === 'en'
      ? r.permissionsSummary
      : permissionsWords(r.permissionsSummary, r.permissionNames, say);
  const never = t('cli.never');
  const user = t('cli.tokens.ownerUser');
  // Thousands of rows, three statuses: each word is translated once.
  const statusWords = new Map<string, string>();
  const statusWord = (status: TokenRow['status']): string => {
    let word = statusWords.get(status);
    if (word === undefined) statusWords.set(status, (word = t('cli.status', { status })));
    return word;
  };
  printTable(
    ctx.out,
    [
      { header: t('cli.tokens.column.name'), value: (r: TokenRow) => r.name },
      // On a narrow terminal, last used, then the profile (first when --profile names it), then
      // the expiry and the owner make way.
      { header: t('cli.tokens.column.profile'), value: (r) => r.profileLabel, dropOrder: profile ? 6 : 4 },
      {
        header: t('cli.tokens.column.owner'),
        value: (r) => (r.kind === 'account' ? (r.accountName ?? r.accountId ?? '') : user),
        dropOrder: 1,
      },
      { header: t('cli.tokens.column.status'), value: (r) => statusWord(r.status) },
      {
        header: t('cli.tokens.column.expires'),
        value: (r) => formats.day(r.expiresOn) ?? never,
        dropOrder: 3,
      },
      {
        header: t('cli.tokens.column.lastUsed'),
        value: (r) => formats.day(r.lastUsedOn) ?? never,
        dropOrder: 5,
      },
      { header: t('cli.tokens.column.permissions'), value: permissionsOf, flexible: true },
      { header: t('cli.tokens.column.id'), value: (r) => r.id, fixed: true },
    ],
    rows,
  );
  ctx.out.note(ctx.out.dim(t('cli.tokens.count', { count: rows.length })));
  return EXIT.ok;
}
