/**
 * The Cloudflare gateway: one SDK client per profile, reads that retry, writes that never do.
 *
 * This module holds the clients and their rate gates; the jobs live beside it, one module each:
 * - sdk-client.ts builds an SDK client from explicit options over the guarded fetch, and
 *   fingerprints a credential so every client of it shares one rate gate;
 * - gated-send.ts sends a call through that gate; read-policy.ts retries reads, write-policy.ts
 *   sends writes exactly once (UNCERTAIN when Cloudflare may have acted);
 * - lists.ts (user, accounts, zones) and user-tokens.ts / account-tokens.ts (the token calls,
 *   chosen by owner in token-owner.ts) are the typed endpoints, each reply checked (replies.ts,
 *   wire.ts) and each body typed as the SDK's params (token-body.ts).
 */
import { randomUUID } from 'node:crypto';
import type { TokenOwner } from '../../../shared/domain';
import type { Clock } from '../ports';
import type { ProfileCredential } from '../secrets/credential';
import { createGatedSend } from './gated-send';
import type { RequestCounter } from './guarded-fetch';
import { listEndpoints, type ListEndpoints } from './lists';
import { RateGate, type RateBudget } from './rate-gate';
import { createRead, type Read } from './read-policy';
import { createSdkClient, credentialFingerprint, type GatewayCredential } from './sdk-client';
import type { TokenEndpoints } from './token-endpoints';
import { tokenEndpointsOf } from './token-owner';
import { createWrite } from './write-policy';

export type { CallOptions } from './gated-send';
export type { GatewayCredential } from './sdk-client';

export interface CloudflareClient extends ListEndpoints {
  /** Requests this client has sent (every attempt counts). */
  requestCount(): number;
  /** Until when Cloudflare blocks this client's credential; null when it does not. */
  rateLimitedUntil(): Date | null;
  /** Any read through the SDK, under the read policy. `what` names it in errors. */
  read: Read;
  /** The token calls of one owner: /user/tokens or /accounts/{id}/tokens. */
  tokens(owner: TokenOwner): TokenEndpoints;
}

export interface GatewayOptions {
  fetch: typeof fetch;
  clock: Clock;
  userAgent?: string;
  /** Per-request timeout (ms), covering the whole reply body too. */
  timeoutMs?: number;
  /** The most bytes read of one reply (default 8 MiB). */
  maxReplyBytes?: number;
  /** Attempts for a read, including the first. */
  maxReadAttempts?: number;
  /** First backoff delay (ms); doubles per attempt, with jitter, capped at 8 s. */
  backoffBaseMs?: number;
  budget?: RateBudget;
  /** Told when a credential gets blocked by a 429. */
  onRateLimited?: (clientKey: string, until: Date) => void;
}

export interface CloudflareGateway {
  /** The client of a profile; reused while the base URL and credential stay the same. */
  forProfile(profileId: string, baseUrl: string, credential: ProfileCredential): CloudflareClient;
  /** A throwaway client (checking a credential before a profile exists, verifying a token secret). */
  forCredential(baseUrl: string, credential: GatewayCredential, key?: string): CloudflareClient;
  /** Requests sent for a profile since start. */
  requestCount(profileId: string): number;
  rateLimitedUntil(profileId: string): Date | null;
  /** Drops a profile's client (after remove or credential replacement). */
  forget(profileId: string): void;
  /**
   * Ends a rate-limit block on the profile's credential (it was removed or replaced), so adding
   * it again is not refused for minutes; the requests already sent still count in the window.
   */
  endRateLimitBlock(profileId: string): void;
}

export function createCloudflareGateway(options: GatewayOptions): CloudflareGateway {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxReadAttempts = Math.max(1, options.maxReadAttempts ?? 3);
  const backoffBaseMs = options.backoffBaseMs ?? 300;
  const userAgent = options.userAgent ?? 'Keyflare';
  const gates = new Map<string, RateGate>();
  const profileClients = new Map<string, { fingerprint: string; client: CloudflareClient }>();
  /** The credential each profile last used, kept after forget() so its block can still be ended. */
  const profilePrints = new Map<string, string>();
  const profileCounters = new Map<string, RequestCounter>();

  const gateFor = (print: string, key: string): RateGate => {
    let gate = gates.get(print);
    if (!gate) {
      gate = new RateGate({
        clock: options.clock,
        ...(options.budget ? { budget: options.budget } : {}),
        onBlocked: (until) => options.onRateLimited?.(key, until),
      });
      gates.set(print, gate);
    }
    return gate;
  };

  const build = (
    baseUrl: string,
    credential: GatewayCredential,
    key: string,
    counter: RequestCounter,
  ): CloudflareClient => {
    const gate = gateFor(credentialFingerprint(baseUrl, credential), key);
    const tallies = new Map<string, RequestCounter>();
    const sdk = createSdkClient({
      baseUrl,
      credential,
      gate,
      counter,
      tallies,
      fetch: options.fetch,
      userAgent,
      timeoutMs,
      ...(options.maxReplyBytes !== undefined ? { maxReplyBytes: options.maxReplyBytes } : {}),
    });
    const send = createGatedSend(sdk, gate, tallies);
    const read = createRead({
      send,
      gate,
      clock: options.clock,
      maxAttempts: maxReadAttempts,
      backoffBaseMs,
    });
    const write = createWrite({ send, gate, clock: options.clock });
    return {
      requestCount: () => counter.count,
      rateLimitedUntil: () => gate.blockedUntil(),
      read,
      ...listEndpoints(read),
      tokens: tokenEndpointsOf({ read, write }),
    };
  };

  return {
    forProfile(profileId, baseUrl, credential) {
      // The kind is part of the client (verify endpoints differ), not of the rate budget.
      const print = `${credential.kind}\0${credentialFingerprint(baseUrl, credential)}`;
      const existing = profileClients.get(profileId);
      if (existing && existing.fingerprint === print) return existing.client;
      let counter = profileCounters.get(profileId);
      if (!counter) {
        counter = { count: 0 };
        profileCounters.set(profileId, counter);
      }
      const client = build(baseUrl, credential, profileId, counter);
      profileClients.set(profileId, { fingerprint: print, client });
      profilePrints.set(profileId, credentialFingerprint(baseUrl, credential));
      return client;
    },
    forCredential(baseUrl, credential, key) {
      return build(baseUrl, credential, key ?? `adhoc:${randomUUID()}`, { count: 0 });
    },
    requestCount: (profileId) => profileCounters.get(profileId)?.count ?? 0,
    rateLimitedUntil: (profileId) => profileClients.get(profileId)?.client.rateLimitedUntil() ?? null,
    forget(profileId) {
      profileClients.delete(profileId);
    },
    endRateLimitBlock(profileId) {
      const print = profilePrints.get(profileId);
      if (print) gates.get(print)?.endBlock();
    },
  };
}
