/**
 * `keyflare can`'s reason as a message: the same English the JSON's `reason` holds, and whole
 * Chinese (group lists punctuated as Chinese does, a login with no known user said in words).
 */
import { describe, expect, it } from 'vitest';
import { reasonMessage } from '../../src/cli/commands/can';
import { evaluateAccess } from '../../src/shared/access/evaluate';
import { resolveTarget } from '../../src/shared/access/target';
import type { TokenDetail } from '../../src/shared/domain';
import { englishMessage } from '../../src/shared/i18n/english-message';
import { createI18n, translatorFor } from '../../src/shared/i18n/translator';
import { decodePolicies } from '../../src/shared/policy/decode';
import { EXAMPLE_COM, groupId, nameLookup } from '../shared/support/world';

const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');

const policies = decodePolicies(
  [
    {
      effect: 'allow',
      permission_groups: [{ id: groupId('DNS Write', 'zone') }, { id: groupId('Zone Read', 'zone') }],
      resources: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
    },
  ],
  nameLookup(),
);
/** Only the policies are read. */
const token = { policies } as unknown as TokenDetail;
const known = {
  zones: [{ id: EXAMPLE_COM, name: 'example.com', accountId: null }],
  accounts: [],
  user: null,
};

function answer(permission: string, resource: string): { english: string; chinese: string; reason: string } {
  const resolved = resolveTarget(resource, known);
  if (!resolved.ok) throw new Error(`no target ${resource}`);
  const evaluated = evaluateAccess(policies, permission, resolved.target);
  const message = reasonMessage(token, permission, resolved.target, evaluated);
  return {
    english: englishMessage(message),
    chinese: zh(message.key, message.params),
    reason: evaluated.reason,
  };
}

describe('why can says yes or no', () => {
  it('says the English of `reason`, and whole Chinese', () => {
    const yes = answer('edit dns', 'example.com');
    expect(yes.english).toBe(yes.reason);
    expect(yes.chinese).toBe('可以：策略 1 允许它（“区域 example.com 上的 DNS Write、Zone Read”）。');
    const none = answer('Workers Scripts Write', 'example.com');
    expect(none.english).toBe(
      'No: the token has no permission “Workers Scripts Write”; it has DNS Write and Zone Read.',
    );
    expect(none.chinese).toBe('不可以：该令牌没有“Workers Scripts Write”权限；它拥有 DNS Write和Zone Read。');
  });

  it('names a login with no known user in words, not as “user of this login”', () => {
    const user = answer('DNS Write', 'user');
    expect(user.english).toBe(
      'No: the token has DNS Write, but no policy gives it on the user of this login.',
    );
    expect(user.chinese).toBe('不可以：该令牌拥有 DNS Write，但没有策略在此登录的用户上授予它。');
  });
});
