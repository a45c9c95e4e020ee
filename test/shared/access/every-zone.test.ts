/**
 * The explorer's "every zone" question, answered by the shared access evaluation.
 */
import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import { evaluateAccess } from '../../../src/shared/access/evaluate';
import { decodePolicies } from '../../../src/shared/policy/decode';
import { ACME, EXAMPLE_COM, nameLookup } from '../support/world';
import { GROUPS } from '../../fixtures/permission-groups';

const ZONE = 'com.cloudflare.api.account.zone.';
const everyZone = { kind: 'all_zones', label: 'every zone' } as const;

function policies(...raw: CfPolicy[]) {
  return decodePolicies(raw, nameLookup());
}

function allow(resources: CfPolicy['resources'], effect: 'allow' | 'deny' = 'allow'): CfPolicy {
  return { effect, permission_groups: [{ id: GROUPS.zoneRead.id }], resources };
}

describe('"every zone" in the shared evaluation', () => {
  it('is granted by the zone wildcard only, and refused by a deny on any zone', () => {
    expect(
      evaluateAccess(policies(allow({ [`${ZONE}*`]: '*' })), GROUPS.zoneRead.id, everyZone).allowed,
    ).toBe(true);
    expect(
      evaluateAccess(
        policies(allow({ [`com.cloudflare.api.account.${ACME}`]: { [`${ZONE}*`]: '*' } })),
        GROUPS.zoneRead.id,
        everyZone,
      ).allowed,
    ).toBe(false);
    const excluded = evaluateAccess(
      policies(allow({ [`${ZONE}*`]: '*' }), allow({ [`${ZONE}${EXAMPLE_COM}`]: '*' }, 'deny')),
      GROUPS.zoneRead.id,
      everyZone,
    );
    expect(excluded).toMatchObject({ allowed: false, decidedBy: { number: 2, effect: 'deny' } });
  });
});
