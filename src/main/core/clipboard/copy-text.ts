/**
 * The text each copy format puts on the clipboard, and whether it holds a secret.
 *
 * - curl_secret: the verify command with the secret in it (concealed).
 * - curl_env: the same command with $CLOUDFLARE_API_TOKEN (no secret; works without the keychain).
 * - secret: the bare secret (concealed).
 * Commands come from src/shared/curl.ts, which refuses anything that could break out of quotes.
 */
import { buildVerifyCurl } from '../../../shared/curl';
import type { CopyFormat, TokenKind } from '../../../shared/domain';

export interface CopyTarget {
  baseUrl: string;
  kind: TokenKind;
  accountId: string | null;
}

export interface CopyText {
  text: string;
  /** True whenever the text holds a secret. */
  concealed: boolean;
}

/** Whether the format needs the token's secret from the keychain. */
export function needsSecret(format: CopyFormat): boolean {
  return format !== 'curl_env';
}

export function copyText(format: CopyFormat, target: CopyTarget, secret: string | null): CopyText {
  switch (format) {
    case 'curl_env':
      return { text: buildVerifyCurl({ ...target, secret: null }), concealed: false };
    case 'curl_secret':
      return { text: buildVerifyCurl({ ...target, secret: requireSecret(secret) }), concealed: true };
    case 'secret':
      return { text: requireSecret(secret), concealed: true };
  }
}

function requireSecret(secret: string | null): string {
  if (secret === null) throw new Error('copyText: this format needs the secret');
  return secret;
}
