/**
 * In-memory store of the simulated Cloudflare: records plus the indexes auth needs.
 *
 * Secrets are indexed so a roll or delete invalidates the old secret at once: the index is
 * the only way a secret authenticates.
 */
import type { PermissionCatalog } from './permission-groups';
import type { AccountRecord, MembershipRecord, TokenRecord, UserRecord, ZoneRecord } from './model';

export class SimStore {
  readonly users = new Map<string, UserRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly memberships: MembershipRecord[] = [];
  readonly zones = new Map<string, ZoneRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  private readonly tokenIdBySecret = new Map<string, string>();
  private readonly userIdByGlobalKey = new Map<string, string>();

  constructor(
    readonly catalog: PermissionCatalog,
    readonly scenarioName: string,
    /** Apparent client address from the scenario, if it sets one. */
    readonly scenarioClientIp: string | null,
  ) {}

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
    if (user.globalKey) {
      this.assertSecretFree(user.globalKey.secret);
      this.userIdByGlobalKey.set(user.globalKey.secret, user.id);
    }
  }

  userByGlobalKey(key: string): UserRecord | undefined {
    const id = this.userIdByGlobalKey.get(key);
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Accounts the user is a member of, in scenario order. */
  memberAccountIds(userId: string): Set<string> {
    return new Set(this.memberships.filter((m) => m.user_id === userId).map((m) => m.account_id));
  }

  isMember(userId: string, accountId: string): boolean {
    return this.memberships.some((m) => m.user_id === userId && m.account_id === accountId);
  }

  zonesOfAccount(accountId: string): ZoneRecord[] {
    return [...this.zones.values()].filter((zone) => zone.account_id === accountId);
  }

  tokenBySecret(secret: string): TokenRecord | undefined {
    const id = this.tokenIdBySecret.get(secret);
    return id === undefined ? undefined : this.tokens.get(id);
  }

  addToken(token: TokenRecord): void {
    if (this.tokens.has(token.id)) throw new Error(`Duplicate token id ${token.id}`);
    this.assertSecretFree(token.secret);
    this.tokens.set(token.id, token);
    this.tokenIdBySecret.set(token.secret, token.id);
  }

  /** Replaces a token's secret; the old one stops authenticating immediately. */
  replaceSecret(token: TokenRecord, secret: string): void {
    this.assertSecretFree(secret);
    this.tokenIdBySecret.delete(token.secret);
    token.secret = secret;
    this.tokenIdBySecret.set(secret, token.id);
  }

  deleteToken(token: TokenRecord): void {
    this.tokens.delete(token.id);
    this.tokenIdBySecret.delete(token.secret);
  }

  userTokens(userId: string): TokenRecord[] {
    return this.tokensWhere((t) => t.owner.kind === 'user' && t.owner.userId === userId);
  }

  accountTokens(accountId: string): TokenRecord[] {
    return this.tokensWhere((t) => t.owner.kind === 'account' && t.owner.accountId === accountId);
  }

  /**
   * Tokens matching `test`, in insertion order (walked in place: a list request asks this of
   * thousands).
   */
  private tokensWhere(test: (token: TokenRecord) => boolean): TokenRecord[] {
    const found: TokenRecord[] = [];
    for (const token of this.tokens.values()) if (test(token)) found.push(token);
    return found;
  }

  private assertSecretFree(secret: string): void {
    if (this.tokenIdBySecret.has(secret) || this.userIdByGlobalKey.has(secret)) {
      throw new Error('Two credentials share one secret');
    }
  }
}
