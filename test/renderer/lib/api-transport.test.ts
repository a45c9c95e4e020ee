/**
 * A call whose transport fails (main gone, bridge torn down) still answers an envelope, and its
 * error is Keyflare's generic sentence with a key the window translates, never the transport's text.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../../src/renderer/lib/api';

describe('a call whose transport fails', () => {
  it('answers INTERNAL with a key, not the transport’s words', async () => {
    const result = await call(() =>
      Promise.reject(new Error("Error invoking remote method 'kf:tokens.list': reply was never sent")),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Keyflare hit an unexpected problem',
        key: 'errors.code.INTERNAL.title',
      },
    });
  });
});
