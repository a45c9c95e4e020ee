/**
 * A token row's permission and resource summaries in the window's language
 * (src/shared/policy/summary-words.ts says how they are read from the row's English).
 */
import { labelMessage } from '../../shared/policy/labels';
import * as shared from '../../shared/policy/summary-words';
import { messageSentence } from './message-sentence';

/** One resource label ("zone example.com") in the window's language, R2 buckets and raw keys too. */
export function resourceLabelWords(label: string): string {
  return messageSentence(labelMessage(label));
}

/** "all zones except zone x.com; account Acme" in the window's language. */
export function resourcesWords(summary: string, labels: readonly string[]): string {
  return shared.resourcesWords(summary, labels, messageSentence);
}

/** "DNS Write, deny Zone Read" in the window's language; group names stay Cloudflare's. */
export function permissionsWords(summary: string, names: readonly string[]): string {
  return shared.permissionsWords(summary, names, messageSentence);
}
