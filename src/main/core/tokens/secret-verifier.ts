/**
 * Sends one verify: the token's own secret, as Bearer, to the verify endpoint of its owner at the
 * owning profile's base URL — nothing else.
 *
 * The client is built for the secret alone (gateway.forCredential), so the profile's credential,
 * another profile's credential or another account's token can never ride along (SECURITY.md 15).
 * User tokens verify at /user/tokens/verify; account-owned tokens only at
 * /accounts/{account_id}/tokens/verify.
 */
import type { Profile, TokenOwner } from '../../../shared/domain';
import type { CloudflareGateway } from '../cloudflare/gateway';
import type { WireVerify } from '../cloudflare/wire';
import type { VerifyBudget } from './verify-budget';

export interface SecretVerifier {
  verify(profile: Profile, owner: TokenOwner, secret: string): Promise<WireVerify>;
}

export function createSecretVerifier(gateway: CloudflareGateway, budget: VerifyBudget): SecretVerifier {
  return {
    verify: (profile, owner, secret) =>
      budget.run(profile.id, () => {
        const client = gateway.forCredential(
          profile.baseUrl,
          { kind: 'secret', token: secret },
          `verify:${profile.id}`,
        );
        return client.tokens(owner).verify();
      }),
  };
}
