/**
 * The request log tests read: one entry per API request, never a secret.
 */
import type { RequestLogEntry } from './types';

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  all(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  reset(): void {
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }
}
