/**
 * What the sandbox must never change: every file of the real data folder outside its `sandbox`
 * folder, with a hash of its bytes, for the core's and the window's sandbox tests to compare.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Each file under `dataDir` but outside `sandbox/`, by relative path, with its SHA-256. SQLite's
 * -shm files are left out: they are the WAL's shared-memory index, which every read updates.
 */
export function filesOutsideSandbox(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dataDir, file);
    if (!entry.isFile() || relative.split(path.sep)[0] === 'sandbox' || relative.endsWith('-shm')) continue;
    out[relative] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}
