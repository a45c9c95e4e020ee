/**
 * Maps app:// request paths to files of the built renderer, refusing anything outside it.
 */
import path from 'node:path';

/**
 * Resolves a request path inside `root`; null when it would escape it (`..`, encoded slashes).
 */
export function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/u, '');
  const full = path.resolve(root, relative);
  const rootWithSep = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  return full.startsWith(rootWithSep) ? full : null;
}
