/**
 * The token operations, one shape for both owners: user tokens (/user/tokens) and account-owned
 * tokens (/accounts/{account_id}/tokens) are the same calls at two paths.
 *
 * user-tokens.ts and account-tokens.ts each give only their SDK requests (`OwnerRequests`), typed
 * by the SDK's own params; `tokenEndpoints` adds, once for both, the read policy and reply checks
 * to the reads and the write policy to the writes. token-owner.ts picks the owner's requests by
 * TokenOwner, the only place that choice is made.
 */
import type Cloudflare from 'cloudflare';
import { msg, type Message } from '../../../shared/i18n/message';
import type { CallOptions } from './gated-send';
import type { Read } from './read-policy';
import { readPage, readResult, type Page, type PendingReply } from './replies';
import type { SdkRequestOptions } from './sdk-client';
import type { TokenBody } from './token-body';
import {
  parseCreatedToken,
  parsePermissionGroups,
  parseSecret,
  parseToken,
  parseTokens,
  parseVerify,
  type WirePermissionGroup,
  type WireToken,
  type WireVerify,
} from './wire';
import type { Write } from './write-policy';

/** The policies every endpoint call goes through. */
export interface CallPolicies {
  read: Read;
  write: Write;
}

export interface CreatedToken {
  token: WireToken;
  /** The new secret: shown once, never cached. */
  secret: string;
}

export interface TokenEndpoints {
  list(page: number, perPage: number, call?: CallOptions): Promise<Page<WireToken>>;
  get(tokenId: string, call?: CallOptions): Promise<WireToken>;
  /** The permission groups a token of this owner may be given. */
  permissionGroups(call?: CallOptions): Promise<WirePermissionGroup[]>;
  /** Verifies the client's own credential (a token secret) at this owner's verify endpoint. */
  verify(call?: CallOptions): Promise<WireVerify>;
  create(body: TokenBody, call?: CallOptions): Promise<CreatedToken>;
  update(tokenId: string, body: TokenBody, call?: CallOptions): Promise<WireToken>;
  delete(tokenId: string, call?: CallOptions): Promise<{ id: string }>;
  /** Rolls the secret; resolves to the new secret (shown once, never cached). */
  roll(tokenId: string, call?: CallOptions): Promise<string>;
}

/** One owner's token requests through the SDK, each called with the per-request options `r`. */
export interface OwnerRequests {
  /** How errors name the four reads ("list user tokens", …). */
  names: { list: Message; get: Message; permissionGroups: Message; verify: Message };
  list(sdk: Cloudflare, r: SdkRequestOptions, page: number, perPage: number): PendingReply;
  get(sdk: Cloudflare, r: SdkRequestOptions, tokenId: string): PendingReply;
  permissionGroups(sdk: Cloudflare, r: SdkRequestOptions): PendingReply;
  verify(sdk: Cloudflare, r: SdkRequestOptions): PendingReply;
  create(sdk: Cloudflare, r: SdkRequestOptions, body: TokenBody): Promise<unknown>;
  update(sdk: Cloudflare, r: SdkRequestOptions, tokenId: string, body: TokenBody): Promise<unknown>;
  /** The SDK passes a delete's result through unchecked (and types it nullable). */
  delete(sdk: Cloudflare, r: SdkRequestOptions, tokenId: string): Promise<{ id?: unknown } | null>;
  roll(sdk: Cloudflare, r: SdkRequestOptions, tokenId: string): Promise<unknown>;
}

/**
 * The body of a roll. Cloudflare's schema requires a JSON object (`PUT …/value`, requestBody
 * `{ type: object }`); the SDK's roll methods send none, so the empty object rides in the
 * request options' `body`.
 */
export const ROLL_BODY = Object.freeze({});

/** An owner's token endpoints: its requests under the read and write policies, replies checked. */
export function tokenEndpoints({ read, write }: CallPolicies, requests: OwnerRequests): TokenEndpoints {
  const { names } = requests;
  return {
    list: (page, perPage, call) =>
      readPage(
        read,
        names.list,
        page,
        perPage,
        (sdk, r) => requests.list(sdk, r, page, perPage),
        parseTokens,
        call,
      ),
    get: (tokenId, call) =>
      readResult(
        read,
        names.get,
        (sdk, r) => requests.get(sdk, r, tokenId),
        (result) => parseToken(result),
        call,
      ),
    permissionGroups: (call) =>
      readResult(
        read,
        names.permissionGroups,
        (sdk, r) => requests.permissionGroups(sdk, r),
        parsePermissionGroups,
        call,
      ),
    verify: (call) => readResult(read, names.verify, (sdk, r) => requests.verify(sdk, r), parseVerify, call),
    create: (body, call) =>
      write(
        'create',
        async (sdk, r) =>
          parseCreatedToken(await requests.create(sdk, r, body), msg('errors.request.createToken')),
        call,
      ),
    update: (tokenId, body, call) =>
      write(
        'update',
        async (sdk, r) =>
          parseToken(await requests.update(sdk, r, tokenId, body), msg('errors.request.updateToken')),
        call,
      ),
    delete: (tokenId, call) =>
      write(
        'delete',
        async (sdk, r) => {
          // Cloudflare answers `{ id }`; when it does not say, the token asked for is the one gone.
          const result = await requests.delete(sdk, r, tokenId);
          return { id: typeof result?.id === 'string' ? result.id : tokenId };
        },
        call,
      ),
    roll: (tokenId, call) =>
      write(
        'roll',
        async (sdk, r) => parseSecret(await requests.roll(sdk, r, tokenId), msg('errors.request.rollToken')),
        call,
      ),
  };
}
