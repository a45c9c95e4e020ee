import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { CfPolicy, CfToken } from '../../../src/shared/cloudflare-types';
import { editDraft } from '../../../src/shared/policy/edit-draft';
import { ACME, EXAMPLE_COM, buildContext } from '../support/world';
import { GROUPS } from '../../fixtures/permission-groups';

const dnsOnExample: CfPolicy = {
  id: 'p1',
  effect: 'allow',
  permission_groups: [{ id: GROUPS.dnsWrite.id, name: 'DNS Write' }],
  resources: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
};

function token(policies: CfPolicy[], extra: Partial<CfToken> = {}): CfToken {
  return { id: 'ed17574386854bf78a67040be0a770b0', name: 'certbot', status: 'active', policies, ...extra };
}

describe('editDraft', () => {
  const ctx = buildContext();

  it('hands the wizard the draft when it holds the whole token', () => {
    expect(editDraft(token([dnsOnExample]), ctx)).toEqual({
      draft: {
        name: 'certbot',
        policies: [
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.dnsWrite.id],
            resources: [{ type: 'zone', zoneId: EXAMPLE_COM, include: true }],
          },
        ],
        requestIp: { in: [], notIn: [] },
        notBefore: null,
        expiresOn: null,
      },
      unrepresentable: [],
    });
  });

  it('withholds the draft when part of the token would be lost, and says which part', () => {
    const withBucket = token([
      dnsOnExample,
      {
        effect: 'allow',
        permission_groups: [{ id: GROUPS.r2BucketItemRead.id }],
        resources: { [`com.cloudflare.edge.r2.bucket.${ACME}_default_media`]: '*' },
      },
    ]);
    const edit = editDraft(withBucket, ctx);
    expect(edit.draft).toBeNull();
    expect(edit.unrepresentable.map(englishMessage)).toEqual([
      'Policy 2 applies to R2 bucket media in account Acme; Keyflare cannot edit R2 bucket resources yet.',
    ]);
  });

  it('withholds the draft of a token with no policies or a name the editor cannot take', () => {
    const empty = editDraft(token([]), ctx);
    expect(empty.draft).toBeNull();
    expect(empty.unrepresentable.map(englishMessage)).toEqual(['The token has no policies.']);
    const long = editDraft(token([dnsOnExample], { name: 'x'.repeat(121) }), ctx);
    expect(long.draft).toBeNull();
    expect(long.unrepresentable.map(englishMessage)).toEqual([
      'Keyflare cannot edit the token’s name: at most 120 characters.',
    ]);
  });
});
