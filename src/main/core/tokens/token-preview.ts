/**
 * The dry run of a create or an edit: summary, exact body, endpoint and warnings, with nothing
 * sent. The endpoint is the create's, or with a token id the edit's.
 *
 * `buildTokenBody` validates first (VALIDATION naming each field in details.issues), so the
 * body shown is byte for byte the body a create sends. Warnings are the inventory's own
 * `tokenWarnings`, run on the token as it would exist the moment it is created.
 */
import type { CfPolicy, CfTokenBody } from '../../../shared/cloudflare-types';
import type { TokenDraft, TokenPreview } from '../../../shared/domain';
import { tokenWarnings } from '../../../shared/insights';
import {
  buildTokenBody,
  describeDraft,
  describeDraftMessages,
  nameLookupFor,
  type BuildContext,
} from '../../../shared/policy/build';
import { decodePolicies, decodeRequestIp } from '../../../shared/policy/decode';
import { createEndpoint, updateEndpoint } from '../cloudflare/token-owner';

export interface DraftPlan {
  body: CfTokenBody;
  preview: TokenPreview;
}

/** Validates and builds a draft; throws VALIDATION when it is not ready to send. */
export function planDraft(draft: TokenDraft, ctx: BuildContext, tokenId?: string): DraftPlan {
  const body = buildTokenBody(draft, ctx);
  const policies: CfPolicy[] = body.policies.map((policy) => ({ ...policy }));
  const warnings = tokenWarnings(
    {
      status: 'active',
      expiresOn: body.expires_on ?? null,
      notBefore: body.not_before ?? null,
      lastUsedOn: null,
      issuedOn: null,
      policies: decodePolicies(policies, nameLookupFor(ctx)),
      requestIp: decodeRequestIp(body.condition),
    },
    ctx.now,
  );
  return {
    body,
    preview: {
      summary: describeDraft(draft, ctx),
      summaryMessages: describeDraftMessages(draft, ctx),
      body,
      endpoint: tokenId === undefined ? createEndpoint(ctx.owner) : updateEndpoint(ctx.owner, tokenId),
      warnings,
    },
  };
}
