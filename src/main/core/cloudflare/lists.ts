/**
 * The reads that describe a login: its user, its accounts and their zones.
 */
import { msg } from '../../../shared/i18n/message';
import type { CallOptions } from './gated-send';
import type { Read } from './read-policy';
import { readPage, readResult, type Page } from './replies';
import { parseAccounts, parseUser, parseZones, type WireAccount, type WireUser, type WireZone } from './wire';

export interface ListEndpoints {
  getUser(call?: CallOptions): Promise<WireUser>;
  listAccounts(page: number, perPage: number, call?: CallOptions): Promise<Page<WireAccount>>;
  /** The zones of one account, or of every account the login sees (`accountId` null). */
  listZones(
    accountId: string | null,
    page: number,
    perPage: number,
    call?: CallOptions,
  ): Promise<Page<WireZone>>;
}

export function listEndpoints(read: Read): ListEndpoints {
  return {
    getUser: (call) =>
      readResult(read, msg('errors.request.readUser'), (sdk, r) => sdk.user.get(r), parseUser, call),
    listAccounts: (page, perPage, call) =>
      readPage(
        read,
        msg('errors.request.listAccounts'),
        page,
        perPage,
        (sdk, r) => sdk.accounts.list({ page, per_page: perPage }, r),
        parseAccounts,
        call,
      ),
    listZones: (accountId, page, perPage, call) =>
      readPage(
        read,
        msg('errors.request.listZones'),
        page,
        perPage,
        (sdk, r) =>
          sdk.zones.list(
            { ...(accountId ? { account: { id: accountId } } : {}), page, per_page: perPage },
            r,
          ),
        parseZones,
        call,
      ),
  };
}
