/**
 * The app's own origin and the links allowed out of it, as plain data (no Electron import).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'keyflare';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Hosts whose https links open in the system browser; everything else is dropped. */
export const EXTERNAL_LINK_HOSTS = ['dash.cloudflare.com', 'developers.cloudflare.com'] as const;

/** The renderer's Content-Security-Policy: no inline script, no remote code, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Parses a URL; null when it is not one. */
export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Whether a URL belongs to the app's own page, compared on the parsed origin (never startsWith,
 * which `app://keyflare.evil.example` would pass). In development the renderer comes from the
 * electron-vite dev server, whose origin is passed as `devOrigin`.
 */
export function isAppUrl(value: string, devOrigin: string | null = null): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devOrigin !== null && url.origin === devOrigin;
}

/** Whether a link may be handed to the system browser. */
export function isAllowedExternalUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return (EXTERNAL_LINK_HOSTS as readonly string[]).includes(url.hostname);
}
