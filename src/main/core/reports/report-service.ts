/**
 * reports.save: the listed tokens and their problems as Markdown, CSV or JSON, written where the
 * user picks in the save dialog.
 *
 * The tokens are the window's list as filtered (their refs, in its order), read again from the
 * cache; the problems are the Health view's (snoozed and ignored ones counted apart), the policies
 * come from the cached decoded column. src/shared/reports/report-text.ts builds the text, which
 * never holds a secret (test/core/reports/report-canary.test.ts scans every format). The file is
 * written to a temporary name beside the target and renamed, so a failed write never leaves half
 * a report under the chosen name.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TokenRow } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { ISO_FORMATS, type MessageData } from '../../../shared/i18n/english-message';
import { formatMessage } from '../../../shared/i18n/format-message';
import { type Message, msg } from '../../../shared/i18n/message';
import { reportFileName, reportText, type ReportToken } from '../../../shared/reports/report-text';
import type { ReportFormat, ReportSaved } from '../../../shared/reports/report-schemas';
import type { CoreContext } from '../context';
import { listPolicyRows } from '../db/access-repository';
import type { HealthService } from '../health/health-service';
import type { InventoryService } from '../inventory/inventory-service';
import type { UserLanguage } from '../settings/user-language';
import type { SaveDialogPort } from './save-dialog-port';

/** The save dialog's file type, in the user's words. */
const FILTERS: Record<ReportFormat, { name: Message; extensions: string[] }> = {
  markdown: { name: msg('reports.file.type', { format: 'markdown' }), extensions: ['md'] },
  csv: { name: msg('reports.file.type', { format: 'csv' }), extensions: ['csv'] },
  json: { name: msg('reports.file.type', { format: 'json' }), extensions: ['json'] },
};

export interface ReportRequest {
  format: ReportFormat;
  tokens: readonly { profileId: string; tokenId: string }[];
  filters: string;
}

export interface ReportService {
  save(request: ReportRequest): Promise<ReportSaved>;
}

export interface ReportDeps {
  inventory: InventoryService;
  health: HealthService;
  saveDialog: SaveDialogPort | null;
  /** The user's language: the Markdown report and the save dialog speak it, as the window does. */
  language: () => UserLanguage;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, text, { encoding: 'utf8' });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    const cause = error instanceof Error && 'code' in error ? String(error.code) : 'none';
    throw new AppError('INTERNAL', msg('errors.reports.notWritten', { file: path.basename(file), cause }));
  }
}

export function createReportService(ctx: CoreContext, deps: ReportDeps): ReportService {
  return {
    async save(request) {
      const rows = new Map<string, TokenRow>(deps.inventory.tokens().map((row) => [row.key, row]));
      const picked: TokenRow[] = [];
      const seen = new Set<string>();
      for (const ref of request.tokens) {
        const key = `${ref.profileId}:${ref.tokenId}`;
        const row = rows.get(key);
        if (row && !seen.has(key)) {
          seen.add(key);
          picked.push(row);
        }
      }
      if (picked.length === 0) throw new AppError('NOT_FOUND', msg('errors.reports.noTokens'));
      if (!deps.saveDialog) throw new AppError('INTERNAL', msg('errors.reports.noDialog'));

      const policies = new Map(listPolicyRows(ctx.db()).map((p) => [`${p.profileId}:${p.id}`, p]));
      const health = await deps.health.report();
      const keys = new Set(picked.map((r) => r.key));
      const problems = health.problems.filter((p) => p.token === null || keys.has(p.token.key));
      const dismissedCount = health.dismissed.filter((d) => keys.has(`${d.profileId}:${d.tokenId}`)).length;
      const tokens: ReportToken[] = picked.map((row) => {
        const decoded = policies.get(row.key);
        return { row, policies: decoded?.policies ?? null, requestIp: decoded?.requestIp ?? null };
      });
      const now = ctx.clock.now();
      const language = deps.language();
      // A report is a file people pass around: its words in the user's language, its dates in
      // UTC as ISO text (2026-03-10 14:02 UTC), the same for every reader wherever they are.
      const word = (message: MessageData): string => formatMessage(language.t, message, ISO_FORMATS);
      const text = reportText(
        request.format,
        {
          generatedAt: now,
          appVersion: ctx.appVersion,
          filters: request.filters,
          tokens,
          problems,
          dismissedCount,
          quotas: health.quotas,
        },
        word,
      );

      const filter = FILTERS[request.format];
      const file = await deps.saveDialog.choose({
        title: word(msg('reports.file.saveTitle')),
        defaultName: reportFileName(request.format, now),
        filters: [{ name: word(filter.name), extensions: filter.extensions }],
      });
      if (file === null)
        return { saved: false, fileName: null, tokenCount: picked.length, problemCount: problems.length };
      if (!path.isAbsolute(file)) throw new AppError('VALIDATION', msg('errors.reports.badPlace'));
      await writeAtomically(file, text);
      ctx.logger.info('report saved', {
        format: request.format,
        tokens: picked.length,
        problems: problems.length,
      });
      return {
        saved: true,
        fileName: path.basename(file),
        tokenCount: picked.length,
        problemCount: problems.length,
      };
    },
  };
}
