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

const SEVERITY_HEADING: Record<HealthSeverity, string> = {
  danger: 'Act now',
  warning: 'To fix',
  info: 'Worth knowing',
};

const EXTENSION: Record<ReportFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };

/** `keyflare-report-2026-03-10.md` */
export function reportFileName(format: ReportFormat, at: Date): string {
  return `keyflare-report-${at.toISOString().slice(0, 10)}.${EXTENSION[format]}`;
}

function day(iso: string | null): string {
  if (iso === null) return '';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
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

function statusCounts(tokens: readonly ReportToken[]): string {
  const counts = new Map<string, number>();
  for (const { row } of tokens) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return [...counts.entries()].map(([status, n]) => `${n.toLocaleString('en-US')} ${status}`).join(', ');
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

function markdown(data: ReportData): string {
  const { byToken } = problemsByToken(data.problems);
  const profiles = new Set(data.tokens.map((t) => t.row.profileId)).size;
  const counts: Record<HealthSeverity, number> = { danger: 0, warning: 0, info: 0 };
  for (const p of data.problems) counts[p.severity] += 1;
  const lines: string[] = [
    '# Keyflare token report',
    '',
    `Generated ${data.generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC by Keyflare ${markdownText(data.appVersion)}.` +
      (data.filters
        ? ` Filters: ${markdownText(data.filters)}.`
        : ' No filters: every token Keyflare knows.'),
    '',
    '## Summary',
    '',
    `- ${plural(data.tokens.length, 'token')} in ${plural(profiles, 'profile')}${data.tokens.length > 0 ? `: ${statusCounts(data.tokens)}` : ''}`,
    `- Problems: ${counts.danger} to act on now, ${counts.warning} to fix, ${counts.info} worth knowing` +
      (data.dismissedCount > 0 ? ` (${plural(data.dismissedCount, 'more')} snoozed or ignored)` : ''),
  ];
  if (data.quotas.length > 0)
    lines.push(
      `- Quotas: ${data.quotas
        .map(
          (q) =>
            `${q.scope === 'user' ? 'user tokens of' : 'account'} ${markdownText(q.label)} ${q.used}/${q.limit}`,
        )
        .join('; ')}`,
    );
  lines.push('', '## Problems', '');
  if (data.problems.length === 0) lines.push('None.');
  for (const severity of ['danger', 'warning', 'info'] as const) {
    const list = data.problems.filter((p) => p.severity === severity);
    if (list.length === 0) continue;
    lines.push(`### ${SEVERITY_HEADING[severity]} (${list.length})`, '');
    for (const p of list) {
      const who = p.token
        ? `**${markdownText(p.token.name)}** (${markdownText(p.token.profileLabel)}${p.token.accountName ? ` · ${markdownText(p.token.accountName)}` : ''})`
        : '**Quota**';
      lines.push(`- ${who}: ${markdownText(englishMessage(p.message))}`);
    }
    lines.push('');
  }
  lines.push('## Tokens', '');
  lines.push(
    '| Token | Profile | Account | Kind | Status | Permissions | Resources | IP filter | Expires | Last used | Secret kept | Problems |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const { row } of data.tokens) {
    const problems = (byToken.get(row.key) ?? []).map((p) => englishMessage(p.message)).join('; ');
    lines.push(
      `| ${[
        row.name,
        row.profileLabel,
        row.accountName ?? '',
        row.kind,
        row.status,
        row.permissionsSummary,
        row.resourcesSummary,
        row.ipFilterSummary ?? 'any IP',
        row.expiresOn === null ? 'never' : day(row.expiresOn),
        row.lastUsedOn === null ? 'never' : day(row.lastUsedOn),
        row.secretKept ? 'yes' : 'no',
        problems,
      ]
        .map(markdownText)
        .join(' | ')} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

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

/** The report in one format. */
export function reportText(format: ReportFormat, data: ReportData): string {
  switch (format) {
    case 'markdown':
      return markdown(data);
    case 'csv':
      return csv(data);
    case 'json':
      return json(data);
  }
}
