/**
 * Looks for secrets where they must never be (SECURITY.md 9): the data folder (SQLite file and
 * its -wal/-shm, logs, anything else), the page's localStorage, IndexedDB and DOM, and every IPC
 * reply except the show-once replies of tokens.create and tokens.roll (and there, only in
 * `value.secret`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RecordedReply } from './harness';

export interface SecretHit {
  where: string;
  secretIndex: number;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The byte patterns a secret could be stored as: UTF-8 and UTF-16LE. */
function patterns(secret: string): Buffer[] {
  return [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
}

export function scanDataDir(dataDir: string, secrets: readonly string[]): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const file of filesUnder(dataDir)) {
    const bytes = fs.readFileSync(file);
    secrets.forEach((secret, secretIndex) => {
      if (patterns(secret).some((pattern) => bytes.includes(pattern)))
        hits.push({ where: path.relative(dataDir, file), secretIndex });
    });
  }
  return hits;
}

/** The whole storage of the page (localStorage, sessionStorage, every IndexedDB record) and its DOM, as text. */
export async function pageStorageText(page: Page): Promise<{ storage: string; dom: string }> {
  const storage = await page.evaluate(async () => {
    const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      for (const store of [...db.objectStoreNames]) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(new Error(String(request.error)));
        });
        parts.push(JSON.stringify(records));
      }
      db.close();
    }
    return parts.join('\n');
  });
  const dom = await page.evaluate(() => {
    const inputs = [...document.querySelectorAll('input, textarea')].map(
      (el) => (el as HTMLInputElement).value,
    );
    return `${document.documentElement.outerHTML}\n${inputs.join('\n')}`;
  });
  return { storage, dom };
}

const SHOW_ONCE_CHANNELS = new Set(['tokens.create', 'tokens.roll']);

/** Replies that carry a secret where they must not: anywhere but the show-once `value.secret`. */
export function scanReplies(replies: readonly RecordedReply[], secrets: readonly string[]): SecretHit[] {
  const hits: SecretHit[] = [];
  replies.forEach((recorded, index) => {
    let reply = recorded.reply;
    if (SHOW_ONCE_CHANNELS.has(recorded.channel) && reply && typeof reply === 'object' && 'value' in reply) {
      const value = reply.value;
      if (value && typeof value === 'object')
        reply = { ...reply, value: { ...value, secret: '(show-once)' } };
    }
    const text = JSON.stringify(reply);
    secrets.forEach((secret, secretIndex) => {
      if (text.includes(secret)) hits.push({ where: `reply #${index} (${recorded.channel})`, secretIndex });
    });
  });
  return hits;
}
