/**
 * What needs the user's attention, for the tray icon: active tokens that expire soon.
 *
 * The problems count of a health check would go here once one exists; until then the tray
 * counts what the token list already flags as `expires_soon` (within EXPIRES_SOON_DAYS), only
 * for tokens still active: a disabled token expiring changes nothing for anyone.
 */
import type { TokenRow } from '../../../shared/domain';
import { EXPIRES_SOON_DAYS } from '../../../shared/insights';

export interface Attention {
  count: number;
  /** One line for the tray menu and tooltip, e.g. "2 tokens expire within 30 days". */
  summary: string | null;
}

export function attentionOf(rows: readonly Pick<TokenRow, 'status' | 'warnings'>[]): Attention {
  const count = rows.filter(
    (row) => row.status === 'active' && row.warnings.some((warning) => warning.kind === 'expires_soon'),
  ).length;
  if (count === 0) return { count, summary: null };
  return {
    count,
    summary: `${count} ${count === 1 ? 'token expires' : 'tokens expire'} within ${EXPIRES_SOON_DAYS} days`,
  };
}
