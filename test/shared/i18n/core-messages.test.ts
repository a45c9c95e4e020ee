/**
 * The core's warnings, health problems and history lines are messages, never sentences: every
 * kind the core can produce comes back as `{ key, params }` whose key is in both catalogues and
 * which words completely (no placeholder left, no key shown) in English and in Simplified
 * Chinese, its dates formatted. A new warning kind that nothing here produces fails the coverage
 * check, and a sentence slipped back into the core fails the shape check.
 */
import { describe, expect, it } from 'vitest';
import { legacyHistoryMessage } from '../../../src/main/core/db/history-messages';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import { WarningKind, type HistoryKind } from '../../../src/shared/domain';
import { quotaProblem } from '../../../src/shared/health/health-rules';
import {
  createFormats,
  createI18n,
  formatMessage,
  LOCALES,
  translatorFor,
  type Message,
} from '../../../src/shared/i18n';
import { tokenWarnings, type TokenFacts } from '../../../src/shared/insights';
import { decodePolicies } from '../../../src/shared/policy/decode';
import { ACME, EXAMPLE_COM, USER_ID, groupId, nameLookup } from '../support/world';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

const policy = (group: Parameters<typeof groupId>, resource: string): CfPolicy => ({
  effect: 'allow',
  permission_groups: [{ id: groupId(...group) }],
  resources: { [resource]: '*' },
});

function facts(extra: Partial<TokenFacts>, policies: CfPolicy[] = []): TokenFacts {
  return {
    status: 'active',
    expiresOn: at(60),
    notBefore: null,
    lastUsedOn: at(-1),
    issuedOn: at(-30),
    policies: decodePolicies(policies, nameLookup()),
    requestIp: { in: [], notIn: [] },
    ...extra,
  };
}

const allZones = 'com.cloudflare.api.account.zone.*';
const allAccounts = 'com.cloudflare.api.account.*';

/** Tokens that between them raise every warning kind, in each of its wordings. */
const WARNINGS = [
  facts({ status: 'expired', expiresOn: null }),
  facts({ expiresOn: at(-1) }),
  facts({ expiresOn: at(3), notBefore: at(2) }),
  facts({ expiresOn: null, lastUsedOn: null, issuedOn: at(-9) }),
  facts({ lastUsedOn: at(-120) }),
  facts({}, [policy(['DNS Write', 'zone'], allZones)]),
  facts({}, [policy(['Workers Scripts Write', 'account'], allAccounts)]),
  facts({}, [
    policy(['DNS Write', 'zone'], allZones),
    policy(['Workers Scripts Write', 'account'], allAccounts),
  ]),
  facts({}, [
    policy(['API Tokens Write', 'user'], `com.cloudflare.api.user.${USER_ID}`),
    policy(['Account API Tokens Write', 'account'], `com.cloudflare.api.account.${ACME}`),
    policy(['Zone Read', 'zone'], `com.cloudflare.api.account.zone.${EXAMPLE_COM}`),
  ]),
].flatMap((token) => tokenWarnings(token, NOW));

const PROBLEMS = [5, 45, 50].flatMap((used) =>
  (['user', 'account'] as const).flatMap((scope) => {
    const problem = quotaProblem({ scope, label: 'Acme', profileIds: [], accountId: null, used, limit: 50 });
    return problem ? [problem.message] : [];
  }),
);

const HISTORY: [HistoryKind, string][] = [
  ['created', 'created "CI"'],
  ['status_changed', 'status active -> expired'],
  ['modified', 'name "a" -> "b"; start date changed'],
  ['rotation', 'rotation finished: this token replaced “CI” (a1), now deleted'],
  [
    'secret_removed',
    'Its kept secret was removed from the keychain: the token no longer exists in Cloudflare.',
  ],
];

const MESSAGES: [string, Message][] = [
  ...WARNINGS.map((w): [string, Message] => [`warning ${w.kind}`, w.message as Message]),
  ...PROBLEMS.map((m): [string, Message] => [`problem ${m.key}`, m as Message]),
  ...HISTORY.map(([kind, line]): [string, Message] => [
    `history ${kind}`,
    legacyHistoryMessage(kind, 'CI', line),
  ]),
];

describe('the core’s messages', () => {
  it('raise every warning kind, each as a key and parameters rather than a sentence', () => {
    expect(new Set(WARNINGS.map((w) => w.kind))).toEqual(new Set(WarningKind.options));
    for (const [, message] of MESSAGES) {
      expect(typeof message).toBe('object');
      expect(message.key).toMatch(/^(insights|history)\.[A-Za-z.]+$/u);
      for (const value of Object.values(message.params ?? {}))
        expect(['string', 'number']).toContain(typeof value);
    }
  });

  it.each(LOCALES)('word completely in %s, their dates formatted', (locale) => {
    const t = translatorFor(createI18n(locale), locale);
    const formats = createFormats(locale, t('time.justNow'));
    for (const [what, message] of MESSAGES) {
      const text = formatMessage(t, message, formats);
      expect(text, what).not.toBe(message.key);
      expect(text, what).not.toMatch(/[{}]|\d{4}-\d{2}-\d{2}/u);
      if (locale === 'zh-CN') expect(text, what).toMatch(/\p{Script=Han}/u);
    }
  });
});
