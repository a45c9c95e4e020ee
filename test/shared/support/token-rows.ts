/**
 * A token row for the pure rules that read rows (quotas, the bulk plan): the first renderer
 * fixture row with some fields changed, its key following the changed ids.
 */
import type { TokenRow } from '../../../src/shared/domain';
import { tokenKey } from '../../../src/shared/token-key';
import { TOKEN_ROWS } from '../../fixtures/renderer/fixtures';

export function row(overrides: Partial<TokenRow>): TokenRow {
  const base = TOKEN_ROWS[0];
  if (!base) throw new Error('fixture: no token rows');
  return {
    ...base,
    ...overrides,
    key: tokenKey(overrides.profileId ?? base.profileId, overrides.id ?? base.id),
  };
}
