/**
 * Report shapes: the inventory with its problems, as Markdown, CSV or JSON, saved where the user
 * chooses. Declared as zod schemas because they cross IPC (reports.save).
 */
import { z } from 'zod';

export const ReportFormat = z.enum(['markdown', 'csv', 'json']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportSaved = z.object({
  /** False when the user cancelled the save dialog: nothing was written. */
  saved: z.boolean(),
  /** The file's name (not its folder), for the confirmation. */
  fileName: z.string().nullable(),
  tokenCount: z.number().int(),
  problemCount: z.number().int(),
});
export type ReportSaved = z.infer<typeof ReportSaved>;
