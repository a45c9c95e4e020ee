/**
 * Owner-aware Cloudflare calls: the same operation at /user/tokens or /accounts/{id}/tokens.
 */
import type { CfTokenBody } from '../../../shared/cloudflare-types';
import type { TokenOwner } from '../../../shared/domain';
import type { CloudflareClient } from '../cloudflare/gateway';
import type { WireToken, WireVerify } from '../cloudflare/wire';

/** The endpoint a create goes to, as the preview shows it: "POST /user/tokens". */
export function createEndpoint(owner: TokenOwner): string {
  return owner.kind === 'user' ? 'POST /user/tokens' : `POST /accounts/${owner.accountId}/tokens`;
}

/** The endpoint an edit goes to, as the preview shows it: "PUT /user/tokens/<id>". */
export function updateEndpoint(owner: TokenOwner, tokenId: string): string {
  return owner.kind === 'user'
    ? `PUT /user/tokens/${tokenId}`
    : `PUT /accounts/${owner.accountId}/tokens/${tokenId}`;
}

export function createFor(
  client: CloudflareClient,
  owner: TokenOwner,
  body: CfTokenBody,
): Promise<{ token: WireToken; secret: string }> {
  return owner.kind === 'user'
    ? client.createUserToken(body)
    : client.createAccountToken(owner.accountId, body);
}

export function getFor(client: CloudflareClient, owner: TokenOwner, tokenId: string): Promise<WireToken> {
  return owner.kind === 'user'
    ? client.getUserToken(tokenId)
    : client.getAccountToken(owner.accountId, tokenId);
}

export function updateFor(
  client: CloudflareClient,
  owner: TokenOwner,
  tokenId: string,
  body: CfTokenBody,
): Promise<WireToken> {
  return owner.kind === 'user'
    ? client.updateUserToken(tokenId, body)
    : client.updateAccountToken(owner.accountId, tokenId, body);
}

export function deleteFor(
  client: CloudflareClient,
  owner: TokenOwner,
  tokenId: string,
): Promise<{ id: string }> {
  return owner.kind === 'user'
    ? client.deleteUserToken(tokenId)
    : client.deleteAccountToken(owner.accountId, tokenId);
}

export function rollFor(client: CloudflareClient, owner: TokenOwner, tokenId: string): Promise<string> {
  return owner.kind === 'user'
    ? client.rollUserToken(tokenId)
    : client.rollAccountToken(owner.accountId, tokenId);
}

/** Verifies the client's own credential (a token secret) at the endpoint for its owner. */
export function verifyFor(client: CloudflareClient, owner: TokenOwner): Promise<WireVerify> {
  return owner.kind === 'user' ? client.verifyUserToken() : client.verifyAccountToken(owner.accountId);
}
