/**
 * Read access to the simulator's state for test assertions.
 *
 * Every call returns a deep copy: a test that mutates what it read cannot change what the
 * API serves. Token snapshots carry the current secret (this is a test simulator) and the
 * computed status.
 */
import type {
  AccountRecord,
  MembershipRecord,
  TokenRecord,
  TokenStatus,
  UserRecord,
  ZoneRecord,
} from './model';
import type { PermissionGroup } from './permission-groups';
import type { SimStore } from './sim-store';
import { tokenStatus } from './token-view';

export interface TokenSnapshot extends TokenRecord {
  /** active / disabled / expired as the API would report it now. */
  computedStatus: TokenStatus;
}

export interface SimStateView {
  users(): UserRecord[];
  accounts(): AccountRecord[];
  memberships(): MembershipRecord[];
  zones(): ZoneRecord[];
  /** All tokens, or those of one user (user-owned) or one account (account-owned). */
  tokens(filter?: { userId?: string; accountId?: string }): TokenSnapshot[];
  token(id: string): TokenSnapshot | undefined;
  permissionGroups(): PermissionGroup[];
}

export function createStateView(store: SimStore, now: () => Date): SimStateView {
  const snapshot = (token: TokenRecord): TokenSnapshot => ({
    ...structuredClone(token),
    computedStatus: tokenStatus(token, now()),
  });
  return {
    users: () => structuredClone([...store.users.values()]),
    accounts: () => structuredClone([...store.accounts.values()]),
    memberships: () => structuredClone(store.memberships),
    zones: () => structuredClone([...store.zones.values()]),
    tokens: (filter = {}) =>
      [...store.tokens.values()]
        .filter((token) => {
          if (filter.userId !== undefined)
            return token.owner.kind === 'user' && token.owner.userId === filter.userId;
          if (filter.accountId !== undefined) {
            return token.owner.kind === 'account' && token.owner.accountId === filter.accountId;
          }
          return true;
        })
        .map(snapshot),
    token: (id) => {
      const token = store.tokens.get(id);
      return token ? snapshot(token) : undefined;
    },
    permissionGroups: () => structuredClone(store.catalog.all()),
  };
}
