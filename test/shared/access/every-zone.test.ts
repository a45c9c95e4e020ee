/**
 * The explorer's "every zone" question, answered by the shared access evaluation.
 */
import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import { evaluateAccess } from '../../../src/shared/access/evaluate';
import { decodePolicies } from '../../../src/shared/policy/decode';
import { ACME, EXAMPLE_COM, groupId, nameLookup } from '../support/permission-groups';

const ZONE = 'com.cloudflare.api.account.zone.';
const ZONE_READ = groupId('Zone Read', 'zone');
const everyZone = { kind: 'all_zones', label: 'every zone' } as const;

function policies(...raw: CfPolicy[]) {
  return decodePolicies(raw, nameLookup());
}

function allow(resources: CfPolicy['resources'], effect: 'allow' | 'deny' = 'allow'): CfPolicy {
  return { effect, permission_groups: [{ id: ZONE_READ }], resources };
}

describe('"every zone" in the shared evaluation', () => {
  it('is granted by the zone wildcard only, and refused by a deny on any zone', () => {
    expect(evaluateAccess(policies(allow({ [`${ZONE}*`]: '*' })), ZONE_READ, everyZone).allowed).toBe(true);
    expect(
      evaluateAccess(
        policies(allow({ [`com.cloudflare.api.account.${ACME}`]: { [`${ZONE}*`]: '*' } })),
        ZONE_READ,
        everyZone,
      ).allowed,
    ).toBe(false);
    const excluded = evaluateAccess(
      policies(allow({ [`${ZONE}*`]: '*' }), allow({ [`${ZONE}${EXAMPLE_COM}`]: '*' }, 'deny')),
      ZONE_READ,
      everyZone,
    );
    expect(excluded).toMatchObject({ allowed: false, decidedBy: { number: 2, effect: 'deny' } });
  });
});
