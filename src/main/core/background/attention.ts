/**
 * What needs the user's attention, for the tray icon: active tokens that expire soon.
 *
 * The problems count of a health check would go here once one exists; until then the tray
 * counts what the token list already flags as `expires_soon` (within EXPIRES_SOON_DAYS), only
 * for tokens still active: a disabled token expiring changes nothing for anyone.
 */
import type { TokenRow } from '../../../shared/domain';
import { msg, type Message } from '../../../shared/i18n/message';
import { EXPIRES_SOON_DAYS } from '../../../shared/insights';

export interface Attention {
  count: number;
  /** One line for the tray menu, e.g. "2 tokens expire within 30 days" (`notifications.tray.attention`). */
  summary: Message | null;
}

export function attentionOf(rows: readonly Pick<TokenRow, 'status' | 'warnings'>[]): Attention {
  const count = rows.filter(
    (row) => row.status === 'active' && row.warnings.some((warning) => warning.kind === 'expires_soon'),
  ).length;
  if (count === 0) return { count, summary: null };
  return {
    count,
    summary: msg('notifications.tray.attention', { count, days: EXPIRES_SOON_DAYS }),
  };
}
