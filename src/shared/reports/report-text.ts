/**
 * Report text: the inventory with its problems as Markdown (for a review or a ticket), CSV (for a
 * spreadsheet) or JSON (for scripts), the offline review of token scopes a security team asks for.
 *
 * Built only from what the list and the detail show (names, ids, permissions, resources, IP
 * filter, dates, status, whether a secret is kept, problems): a report never holds a secret.
 * Text that came from Cloudflare or from a person (token names, labels) is escaped for the
 * format: Markdown's table and emphasis characters, CSV's quotes, and in CSV a leading = + - @
 * is defused so a spreadsheet never runs a name as a formula. Pure, so the demo backend and the
 * tests build the same text the core saves.
 */
import type { DecodedPolicy, TokenRow } from '../domain';
import type { HealthProblem, HealthSeverity, TokenQuota } from '../health/health-schemas';
import type { ReportFormat } from './report-schemas';
import { tokenFactsJson } from '../token-row-text';
import { englishMessage } from '../i18n/english-message';
import { type MessageKey, type MessageParams, msg } from '../i18n/message';
import { ipFilterMessage, permissionsWords, resourcesWords, type Words } from '../policy/summary-words';

/** One token of the report: its row, and its decoded policies and IP filter when the JSON wants them. */
export interface ReportToken {
  row: TokenRow;
  policies: readonly DecodedPolicy[] | null;
  requestIp: { in: readonly string[]; notIn: readonly string[] } | null;
}

export interface ReportData {
  generatedAt: Date;
  appVersion: string;
  /** How the list was filtered, in the window's words ("" when it was not). */
  filters: string;
  tokens: readonly ReportToken[];
  /** The problems of these tokens, and the quota problems. */
  problems: readonly HealthProblem[];
  /** Problems of these tokens hidden by a snooze or an ignore. */
  dismissedCount: number;
  quotas: readonly TokenQuota[];
}

const EXTENSION: Record<ReportFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };

/** `keyflare-report-2026-03-10.md` */
export function reportFileName(format: ReportFormat, at: Date): string {
  return `keyflare-report-${at.toISOString().slice(0, 10)}.${EXTENSION[format]}`;
}

/** Problems by token key, and those that belong to no token (quotas). */
function problemsByToken(problems: readonly HealthProblem[]): {
  byToken: Map<string, HealthProblem[]>;
  other: HealthProblem[];
} {
  const byToken = new Map<string, HealthProblem[]>();
  const other: HealthProblem[] = [];
  for (const problem of problems) {
    if (!problem.token) {
      other.push(problem);
      continue;
    }
    const list = byToken.get(problem.token.key);
    if (list) list.push(problem);
    else byToken.set(problem.token.key, [problem]);
  }
  return { byToken, other };
}

/** "1 active, 1 expired": how many tokens have each status. */
function statusCounts(tokens: readonly ReportToken[], word: Words): string {
  const counts = new Map<string, number>();
  for (const { row } of tokens) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return [...counts.entries()]
    .map(([status, count]) => word(msg('reports.file.statusCount', { count, status })))
    .join(word(msg('policy.summary.listSeparator')));
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text safe inside a Markdown table cell or list item: no markup, no cell break, one line. */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/gu, ' ')
    .replace(/[\\`*_[\]<>|~]/gu, (c) => `\\${c}`)
    .replace(/^([#+-])/u, '\\$1');
}

/**
 * The Markdown report, for a person: in the reader's language (`word`; English with ISO dates by
 * default). Names from Cloudflare and from people stay as they are.
 */
function markdown(data: ReportData, word: Words): string {
  const say = (key: MessageKey, params?: MessageParams): string => word(msg(key, params));
  const { byToken } = problemsByToken(data.problems);
  const profiles = new Set(data.tokens.map((t) => t.row.profileId)).size;
  const counts: Record<HealthSeverity, number> = { danger: 0, warning: 0, info: 0 };
  for (const p of data.problems) counts[p.severity] += 1;
  const lines: string[] = [
    `# ${say('reports.file.title')}`,
    '',
    say('reports.file.generated', {
      generatedAt: data.generatedAt.toISOString(),
      version: markdownText(data.appVersion),
      filtered: data.filters ? 'yes' : 'no',
      filters: markdownText(data.filters),
    }),
    '',
    `## ${say('reports.file.summary')}`,
    '',
    `- ${say('reports.file.tokens', {
      tokens: data.tokens.length,
      profiles,
      statuses: data.tokens.length > 0 ? statusCounts(data.tokens, word) : 'none',
    })}`,
    `- ${say('reports.file.problems', { ...counts, dismissed: data.dismissedCount })}`,
  ];
  if (data.quotas.length > 0)
    lines.push(
      `- ${say('reports.file.quotas', {
        quotas: data.quotas
          .map((q) =>
            say('reports.file.quota', {
              scope: q.scope,
              label: markdownText(q.label),
              used: q.used,
              limit: q.limit,
            }),
          )
          .join(say('policy.summary.itemSeparator')),
      })}`,
    );
  lines.push('', `## ${say('reports.file.problemsHeading')}`, '');
  if (data.problems.length === 0) lines.push(say('reports.file.none'));
  for (const severity of ['danger', 'warning', 'info'] as const) {
    const list = data.problems.filter((p) => p.severity === severity);
    if (list.length === 0) continue;
    lines.push(`### ${say('reports.file.severity', { severity, count: list.length })}`, '');
    for (const p of list) {
      const who = p.token
        ? `**${markdownText(p.token.name)}** (${markdownText(p.token.profileLabel)}${p.token.accountName ? ` · ${markdownText(p.token.accountName)}` : ''})`
        : `**${say('reports.file.quotaWho')}**`;
      lines.push(`- ${say('reports.file.problem', { who, problem: markdownText(word(p.message)) })}`);
    }
    lines.push('');
  }
  const columns = COLUMNS.map((column) => say(column));
  lines.push(`## ${say('reports.file.tokensHeading')}`, '');
  lines.push(`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
  for (const { row } of data.tokens) {
    const problems = (byToken.get(row.key) ?? [])
      .map((p) => word(p.message))
      .join(say('policy.summary.itemSeparator'));
    lines.push(
      `| ${[
        row.name,
        row.profileLabel,
        row.accountName ?? '',
        say('reports.file.kind', { kind: row.kind }),
        say('reports.file.status', { status: row.status }),
        permissionsWords(row.permissionsSummary, row.permissionNames, word),
        resourcesWords(row.resourcesSummary, row.resourceNames, word),
        row.ipFilterSummary === null ? say('reports.file.anyIp') : word(ipFilterMessage(row.ipFilterSummary)),
        say('reports.file.day', { whenDay: row.expiresOn ?? 'never' }),
        say('reports.file.day', { whenDay: row.lastUsedOn ?? 'never' }),
        say('reports.file.yesNo', { value: row.secretKept ? 'yes' : 'no' }),
        problems,
      ]
        .map(markdownText)
        .join(' | ')} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** The Markdown table's columns. */
const COLUMNS = [
  'reports.file.column.token',
  'reports.file.column.profile',
  'reports.file.column.account',
  'reports.file.column.kind',
  'reports.file.column.status',
  'reports.file.column.permissions',
  'reports.file.column.resources',
  'reports.file.column.ipFilter',
  'reports.file.column.expires',
  'reports.file.column.lastUsed',
  'reports.file.column.secretKept',
  'reports.file.column.problems',
] as const satisfies readonly MessageKey[];

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string): string {
  const defused = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(defused) ? `"${defused.replace(/"/gu, '""')}"` : defused;
}

const CSV_COLUMNS = [
  'profile',
  'account',
  'token_id',
  'name',
  'kind',
  'status',
  'permissions',
  'resources',
  'ip_filter',
  'issued_on',
  'modified_on',
  'last_used_on',
  'not_before',
  'expires_on',
  'secret_kept',
  'last_verify',
  'worst_problem',
  'problems',
] as const;

function csv(data: ReportData): string {
  const { byToken } = problemsByToken(data.problems);
  const rows = data.tokens.map(({ row }) => {
    const problems = byToken.get(row.key) ?? [];
    const worst =
      problems.find((p) => p.severity === 'danger') ??
      problems.find((p) => p.severity === 'warning') ??
      problems[0];
    return [
      row.profileLabel,
      row.accountName ?? '',
      row.id,
      row.name,
      row.kind,
      row.status,
      row.permissionsSummary,
      row.resourcesSummary,
      row.ipFilterSummary ?? '',
      row.issuedOn ?? '',
      row.modifiedOn ?? '',
      row.lastUsedOn ?? '',
      row.notBefore ?? '',
      row.expiresOn ?? '',
      row.secretKept ? 'yes' : 'no',
      row.lastVerify ? `${row.lastVerify.outcome} ${row.lastVerify.checkedAt}` : '',
      worst ? worst.severity : '',
      problems.map((p) => englishMessage(p.message)).join('; '),
    ];
  });
  return (
    [CSV_COLUMNS as readonly string[], ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n') +
    '\r\n'
  );
}

// ---------------------------------------------------------------------------------------------
// JSON

function json(data: ReportData): string {
  const { byToken, other } = problemsByToken(data.problems);
  const brief = (p: HealthProblem): { kind: string; severity: string; message: string } => ({
    kind: p.kind,
    severity: p.severity,
    message: englishMessage(p.message),
  });
  return `${JSON.stringify(
    {
      format: 'keyflare-report',
      version: 1,
      generatedAt: data.generatedAt.toISOString(),
      keyflareVersion: data.appVersion,
      filters: data.filters,
      summary: {
        tokens: data.tokens.length,
        problems: data.problems.length,
        dismissedProblems: data.dismissedCount,
      },
      quotas: data.quotas.map((q) => ({
        scope: q.scope,
        label: q.label,
        accountId: q.accountId,
        used: q.used,
        limit: q.limit,
      })),
      problems: other.map(brief),
      tokens: data.tokens.map(({ row, policies, requestIp }) => ({
        profile: { id: row.profileId, label: row.profileLabel },
        id: row.id,
        name: row.name,
        ...tokenFactsJson(row),
        permissions: row.permissionsSummary,
        resources: row.resourcesSummary,
        ipFilter: requestIp ?? null,
        policies: (policies ?? []).map((p) => ({
          effect: p.effect,
          summary: p.summary,
          permissionGroups: p.permissionGroups.map((g) => ({ id: g.id, name: g.name })),
          resources: p.resources.map((r) => ({ key: r.key, label: r.label })),
        })),
        secretKept: row.secretKept,
        lastVerify: row.lastVerify
          ? { outcome: row.lastVerify.outcome, checkedAt: row.lastVerify.checkedAt }
          : null,
        problems: (byToken.get(row.key) ?? []).map(brief),
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * The report in one format. Markdown is for a person and speaks the reader's language (`word`:
 * the user's language in the core, English with ISO dates by default); CSV and JSON are for
 * spreadsheets and scripts, a stable schema: their headers, codes and sentences stay English.
 */
export function reportText(format: ReportFormat, data: ReportData, word: Words = englishMessage): string {
  switch (format) {
    case 'markdown':
      return markdown(data, word);
    case 'csv':
      return csv(data);
    case 'json':
      return json(data);
  }
}
