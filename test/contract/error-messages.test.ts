/**
 * Errors reach the faces as a catalogue key with English for the log (docs/i18n.md): a handler's
 * unexpected throw becomes INTERNAL with the `errors.unexpected` key, never the thrown text.
 */
import { describe, expect, it } from 'vitest';
import { toErrorShape } from '../../src/main/core/dispatch';
import { AppError } from '../../src/shared/errors';
import { msg } from '../../src/shared/i18n';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('error shapes', () => {
  it('an unexpected throw is INTERNAL with a key the window translates, not the thrown words', () => {
    const shape = toErrorShape(new TypeError('cfut_canary went wrong'), silent, 'tokens.list');
    expect(shape).toEqual({
      code: 'INTERNAL',
      message: 'Keyflare hit an unexpected problem. Details are in the log.',
      key: 'errors.unexpected',
    });
  });

  it('an AppError made from a key keeps its key, params and details', () => {
    const error = new AppError('NOT_FOUND', msg('sidebar.loadFailed', { message: 'gone' }), {
      profileId: 'p1',
    });
    expect(toErrorShape(error, silent, 'profiles.list')).toEqual({
      code: 'NOT_FOUND',
      message: 'Profiles could not be loaded: gone',
      key: 'sidebar.loadFailed',
      params: { message: 'gone' },
      details: { profileId: 'p1' },
    });
  });
});
