/**
 * The renderer's only door to main: window.api, typed from the contract.
 *
 * One error style (STYLE.md): every call answers with the contract's result envelope, stores
 * make the calls and branch on `.ok`, and nothing is thrown for a failed call. `call` keeps that
 * promise even when the transport itself fails (main gone, bridge torn down), so no store ever
 * needs a try/catch.
 */
import type { KeyflareApi } from '../../shared/api-types';
import { errorTitleKey, genericMessage, type Result } from '../../shared/errors';

declare global {
  interface Window {
    readonly api: KeyflareApi;
  }
}

export function getApi(): KeyflareApi {
  return window.api;
}

/** Makes one call to main; the answer is always an envelope, also when the transport fails. */
export async function call<T>(request: (api: KeyflareApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request(window.api);
  } catch {
    // The transport's own text (Electron's "Error invoking remote method …") is not a sentence for
    // a person: the window says Keyflare's generic one, in its language.
    return {
      ok: false,
      error: { code: 'INTERNAL', message: genericMessage('INTERNAL'), key: errorTitleKey('INTERNAL') },
    };
  }
}
