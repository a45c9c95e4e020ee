/**
 * The sandbox's address: where the app's built-in Cloudflare simulator answers.
 *
 * A name under `.invalid` (reserved by RFC 2606): no resolver answers it, so a command copied out
 * of the sandbox goes nowhere, and the sandbox's fetch answers this origin only. Shared, so the
 * window and the copied curl command can tell a sandbox address from a real one.
 */
export const SANDBOX_ORIGIN = 'https://sandbox.keyflare.invalid';
export const SANDBOX_BASE_URL = `${SANDBOX_ORIGIN}/client/v4`;

/** True when `baseUrl` is the sandbox's address (any path under its origin). */
export function isSandboxBaseUrl(baseUrl: string): boolean {
  if (!URL.canParse(baseUrl)) return false;
  return new URL(baseUrl).origin === SANDBOX_ORIGIN;
}
