/**
 * A token draft's problems, an IP filter entry's and a contract validation error's field lines are
 * messages (`validation.*`) that read whole in English and in Chinese: every problem the draft
 * checks can report, every CIDR problem and every kind of zod issue, each rendered in zh-CN with
 * no English word left but the names the user chose (groups, accounts, zones).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorLines } from '../../../src/cli/errors';
import { cliLanguage, loadLanguage } from '../../../src/cli/locale';
import { failure } from '../../../src/cli/session';
import { validationError } from '../../../src/shared/validation-error';
import { contract } from '../../../src/shared/contract';
import type { PermissionGroup } from '../../../src/shared/domain';
import { AppError } from '../../../src/shared/errors';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { formatMessage } from '../../../src/shared/i18n/format-message';
import { issueMessage } from '../../../src/shared/i18n/issue-message';
import type { Message } from '../../../src/shared/i18n/message';
import { schemaWords, schemaWordsKey, type SchemaWordsKey } from '../../../src/shared/i18n/schema-words';
import { CATALOGUES, createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import { buildTokenBody, validateDraft, type DraftIssue } from '../../../src/shared/policy/build';
import { checkCidr } from '../../../src/shared/policy/cidr';
import { englishLeftovers } from '../../fixtures/renderer/english-leaks';
import { GROUPS } from '../../fixtures/permission-groups';
import {
  ACCOUNTS,
  ACME,
  USER_EMAIL,
  USER_ID,
  X_COM,
  ZONES,
  buildContext,
  dnsOnExample,
  draft,
  OUTSIDE_ACME,
} from '../support/world';

// Chinese needs i18next and its catalogues, loaded as a Chinese run of the command loads them.
await loadLanguage('zh-CN');

const root = fileURLToPath(new URL('../../..', import.meta.url));
const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
const zhFormats = cliLanguage('zh-CN').formats;

/** A message as a zh-CN reader sees it, its days in Chinese. */
function chinese(message: Message): string {
  return formatMessage(zh, message, zhFormats);
}

/** The names a draft holds, which stay as they are in every language. */
const NAMES = [
  ...Object.values(GROUPS).map((group) => group.name),
  ...ACCOUNTS.map((account) => account.name),
  ...ZONES.map((zone) => zone.name),
  USER_EMAIL,
  // Addresses and schemes a sentence quotes as they are typed.
  'https',
  'http',
  'localhost',
];

/** Values the user typed, quoted in a sentence ("extra", “10.0.0.0/33”): data, not words. */
function withoutQuoted(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”/gu, ' ');
}

/** Every key a message uses: its own and those nested in it (`$k0`). */
function keysOf(message: Message): string[] {
  const nested = Object.entries(message.params ?? {})
    .filter(([name]) => name.startsWith('$') && !name.includes('.'))
    .map(([, key]) => String(key));
  return [message.key, ...nested];
}

/** Fails naming each zh-CN sentence that kept English words or a placeholder. */
function expectChinese(messages: readonly Message[]): void {
  const texts = messages.map(chinese);
  expect(englishLeftovers(texts.map(withoutQuoted), NAMES)).toEqual([]);
  expect(texts.filter((text) => /[{}]/u.test(text) || !/\p{Script=Han}/u.test(text))).toEqual([]);
}

/** Drafts that, between them, make every problem validateDraft reports. */
function everyDraftProblem(): DraftIssue[] {
  const userCtx = buildContext();
  const accountCtx = buildContext({ kind: 'account', accountId: ACME });
  const unknownScope: PermissionGroup = {
    id: 'abcabcabcabcabcabcabcabcabcabc12',
    name: GROUPS.zoneRead.name,
    scope: 'com.cloudflare.api.odd',
    source: 'user',
    accountId: null,
  };
  const oddCtx = { ...userCtx, groups: new Map([...userCtx.groups, [unknownScope.id, unknownScope]]) };
  return [
    ...validateDraft(
      draft(
        [
          { effect: 'allow', permissionGroupIds: [], resources: [] },
          {
            ...dnsOnExample,
            permissionGroupIds: [
              GROUPS.dnsWrite.id,
              'f00dfeedf00dfeedf00dfeedf00dfeed',
              GROUPS.r2BucketItemWrite.id,
              unknownScope.id,
            ],
          },
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.zoneLogsRead.id, GROUPS.accountLogsRead.id, GROUPS.apiTokensWrite.id],
            resources: [{ type: 'all_zones', include: true }],
          },
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.dnsWrite.id, GROUPS.zoneRead.id],
            resources: [
              { type: 'account', accountId: ACME, include: true },
              { type: 'zone', zoneId: X_COM, include: true },
              { type: 'zone', zoneId: X_COM, include: false },
            ],
          },
          { ...dnsOnExample, resources: [{ type: 'zone', zoneId: X_COM, include: false }] },
          {
            effect: 'deny',
            permissionGroupIds: [GROUPS.dnsWrite.id],
            resources: [{ type: 'zone', zoneId: X_COM, include: false }],
          },
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.apiTokensWrite.id],
            resources: [{ type: 'user', userId: 'someoneelse000000000000000000000', include: true }],
          },
        ],
        {
          name: '',
          requestIp: { in: ['', 'example.com', '10.0.0.0/33'], notIn: ['2001:db8::/129'] },
          notBefore: '2026-09-01T00:00:00Z',
          expiresOn: '2026-06-01T00:00:00Z',
        },
      ),
      oddCtx,
    ),
    ...validateDraft(draft([dnsOnExample], { policies: [], name: 'n'.repeat(121) }), userCtx),
    ...validateDraft(
      draft([
        ...OUTSIDE_ACME,
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.apiTokensWrite.id],
          resources: [{ type: 'user', userId: USER_ID, include: true }],
        },
      ]),
      accountCtx,
    ),
  ];
}

describe('a draft’s problems', () => {
  const issues = everyDraftProblem();
  const messages = issues.map((issue) => issue.message);

  it('cover every validation.draft message, so each is checked below', () => {
    const made = new Set(messages.flatMap(keysOf));
    const all = Object.keys(CATALOGUES.en.validation.draft).map((name) => `validation.draft.${name}`);
    expect(all.filter((key) => !made.has(key))).toEqual([]);
  });

  it('read in Chinese, names kept as the user chose them', () => {
    expectChinese(messages);
    // A space between two Chinese words is the translator's to tidy; compare without it.
    const byPath = (at: string): string[] =>
      issues
        .filter((issue) => issue.path === at)
        .map((issue) => chinese(issue.message).replace(/(\p{Script=Han}) +(?=\p{Script=Han})/gu, '$1'));
    expect(byPath('name')).toEqual(['请为令牌命名', '最多 120 个字符']);
    expect(byPath('policies.2.permissionGroupIds')).toEqual([
      '区域权限（Logs Read）、账户权限（Logs Read）和用户权限（API Tokens Write）不能放在同一个策略中：请为每一类权限各建一个策略',
    ]);
    expect(byPath('policies.3.resources.0')).toEqual([
      'DNS Write 和 Zone Read 作用于区域，因此不能在此策略中选择账户 Acme',
    ]);
    expect(byPath('expiresOn')).toEqual([
      `到期日期（${zhFormats.day('2026-06-01T00:00:00') ?? ''}）必须是将来的日期`,
      `到期日期必须晚于开始日期（${zhFormats.day('2026-09-01T00:00:00') ?? ''}）`,
    ]);
  });

  it('keep their English for logs, dates as ISO days', () => {
    const english = issues.map((issue) => `${issue.path}: ${englishMessage(issue.message)}`);
    expect(english).toContain(
      'policies.3.resources.0: DNS Write and Zone Read apply to zones, so account Acme cannot be chosen in this policy',
    );
    expect(english).toContain('expiresOn: the expiry date (2026-06-01) must be in the future');
    expect(english).toContain('name: at most 120 characters');
  });

  it('reach the faces through the builder’s VALIDATION error: each field’s line and the headline in Chinese', () => {
    let thrown: unknown;
    try {
      buildTokenBody(
        draft([dnsOnExample], { requestIp: { in: ['10.0.0.0/33'], notIn: ['x'] } }),
        buildContext(),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const shape = (thrown as AppError).toShape();
    expect(shape.message).toBe(
      'The token is not ready: requestIp.in.0 "10.0.0.0/33" has prefix /33, but an IPv4 range is /0 to /32',
    );
    expect(shape.details?.issues?.[1]).toMatchObject({
      path: 'requestIp.notIn.0',
      message:
        '"x" is not an IPv4 or IPv6 address or CIDR range (for example 203.0.113.0/24 or 2001:db8::/32)',
      key: 'validation.ip.notAddress',
    });
    expect(errorLines(cliLanguage('zh-CN'), failure(shape))).toEqual([
      'keyflare: 令牌尚未就绪：requestIp.in.0 “10.0.0.0/33”的前缀是 /33，但 IPv4 范围的前缀只能是 /0 到 /32',
      '  requestIp.in.0：“10.0.0.0/33”的前缀是 /33，但 IPv4 范围的前缀只能是 /0 到 /32',
      '  requestIp.notIn.0：“x”不是 IPv4 或 IPv6 地址，也不是 CIDR 范围（例如 203.0.113.0/24 或 2001:db8::/32）',
    ]);
  });
});

describe('an IP filter entry’s problems', () => {
  const problems = ['', '   ', 'example.com', '10.0.0.0/33', '2001:db8::/200', '10.0.0.0/8/8'].map(
    (value) => {
      const check = checkCidr(value);
      if (check.ok) throw new Error(`${value} passed`);
      return check.message;
    },
  );

  it('name the value and read in Chinese', () => {
    expectChinese(problems);
    expect(problems.map(chinese)).toEqual([
      'IP 地址或范围为空',
      'IP 地址或范围为空',
      '“example.com”不是 IPv4 或 IPv6 地址，也不是 CIDR 范围（例如 203.0.113.0/24 或 2001:db8::/32）',
      '“10.0.0.0/33”的前缀是 /33，但 IPv4 范围的前缀只能是 /0 到 /32',
      '“2001:db8::/200”的前缀是 /200，但 IPv6 范围的前缀只能是 /0 到 /128',
      '“10.0.0.0/8/8”不是 IPv4 或 IPv6 地址，也不是 CIDR 范围（例如 203.0.113.0/24 或 2001:db8::/32）',
    ]);
  });

  it('cover every validation.ip message', () => {
    const made = new Set<string>(problems.map((message) => message.key));
    const all = Object.keys(CATALOGUES.en.validation.ip).map((name) => `validation.ip.${name}`);
    expect(all.filter((key) => !made.has(key))).toEqual([]);
  });
});

/** One issue of each zod code, as the contract's schemas make them. */
function everyZodIssue(): z.core.$ZodIssue[] {
  const schema = z
    .object({
      text: z.string(),
      missing: z.string(),
      short: z.string().min(3),
      empty: z.string().min(1),
      long: z.string().max(5),
      list: z.array(z.string()).min(1),
      many: z.array(z.string()).max(1),
      count: z.number().int().min(1).max(10),
      over: z.number().lt(10),
      step: z.number().multipleOf(5),
      url: z.url(),
      when: z.iso.datetime(),
      shape: z.string().regex(/^a+$/u),
      kind: z.enum(['zone', 'account']),
      one: z.literal('x'),
      either: z.union([z.string(), z.number()]),
      choice: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a') }),
        z.object({ kind: z.literal('b') }),
      ]),
      keys: z.record(z.string().regex(/^k/u), z.number()),
      refined: z.string().refine(() => false, 'a refinement’s own words'),
    })
    .strict();
  const result = schema.safeParse({
    text: 4,
    short: 'ab',
    empty: '',
    long: 'abcdef',
    list: [],
    many: ['a', 'b'],
    count: 0,
    over: 10,
    step: 7,
    url: 'nope',
    when: 'tomorrow',
    shape: 'b',
    kind: 'user',
    one: 'y',
    either: true,
    choice: { kind: 'c' },
    keys: { x: 1 },
    refined: 'r',
    extra: true,
  });
  if (result.success) throw new Error('parsed');
  return result.error.issues;
}

describe('a zod issue', () => {
  const issues = everyZodIssue();
  const messages = issues.map(issueMessage);

  it('is said from its code and parameters, in English as a log reads it', () => {
    const english = Object.fromEntries(
      issues.map((issue, index) => [
        issue.path.join('.') || '(input)',
        englishMessage(messages[index] ?? issueMessage(issue)),
      ]),
    );
    expect(english).toMatchObject({
      text: 'expected text',
      missing: 'is required',
      short: 'at least 3 characters',
      empty: 'must not be empty',
      long: 'at most 5 characters',
      list: 'choose at least one',
      many: 'at most 1 item',
      count: 'at least 1',
      over: 'less than 10',
      step: 'must be a multiple of 5',
      url: 'must be a URL',
      when: 'must be a date and time such as 2026-12-31T00:00:00Z',
      shape: 'is not in the expected form',
      kind: 'must be one of "zone", "account"',
      one: 'must be "x"',
      either: 'does not match any accepted form',
      'choice.kind': 'does not match any accepted form',
      'keys.x': 'has a key that is not valid',
      refined: 'a refinement’s own words',
      '(input)': 'unknown field "extra"',
    });
  });

  it('reads in Chinese for every code; a refinement’s own words ride inside a Chinese sentence', () => {
    expectChinese(messages.filter((message) => message.key !== 'validation.issue.said'));
    const said = messages.find((message) => message.key === 'validation.issue.said');
    expect(said && chinese(said)).toBe('不符合要求（a refinement’s own words）');
    expect(messages.map(chinese)).toEqual(
      expect.arrayContaining([
        '应为文本',
        '为必填项',
        '至少 3 个字符',
        '不能为空',
        '最多 5 个字符',
        '未知字段 "extra"',
      ]),
    );
  });

  it('covers every validation.issue message', () => {
    const made = new Set<string>(messages.map((message) => message.key));
    made.add('validation.issue.invalidElement'); // a Map's or Set's bad item: no contract schema has one
    made.add('validation.issue.invalid'); // none yet; the shape of a code zod may add
    const all = Object.keys(CATALOGUES.en.validation.issue).map((name) => `validation.issue.${name}`);
    expect(all.filter((key) => !made.has(key))).toEqual([]);
  });
});

describe('a schema’s own words', () => {
  const keys = Object.keys(CATALOGUES.en.validation.schema).map(
    (name) => `validation.schema.${name}` as SchemaWordsKey,
  );

  it('are found again from the English zod keeps, bounds included', () => {
    for (const key of keys)
      expect(schemaWordsKey(schemaWords(key, { maximum: 1000 }), { maximum: 1000 }), key).toBe(key);
    expect(schemaWords('validation.schema.tokensAtOnce', { maximum: 1000 })).toBe(
      'at most 1,000 tokens at once',
    );
  });

  it('read in Chinese', () => {
    expectChinese(keys.map((key) => ({ key, params: { maximum: 1000 } })));
  });

  it('are the only words a schema in src/shared gives a check (a literal sentence there fails)', () => {
    const literal =
      /\.(?:min|max|length|regex|url|email|refine|lt|gt|lte|gte|int|nonempty)\([^()]*?['`][a-z][^'`]*\s[^'`]*['`]/u;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts'))
          fs.readFileSync(full, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              if (literal.test(line))
                offenders.push(`${path.relative(root, full)}:${index + 1}: ${line.trim()}`);
            });
      }
    };
    walk(path.join(root, 'src/shared'));
    expect(offenders).toEqual([]);
  });
});

describe('a contract validation error', () => {
  it('names each field’s problem in Chinese on the command line, and keeps its English', () => {
    const parsed = contract['profiles.add'].input.safeParse({
      label: '',
      credential: { kind: 'api_token', token: 'short' },
      surprise: 1,
    });
    expect(parsed.success).toBe(false);
    const shape = validationError((parsed as { error: z.ZodError }).error).toShape();
    expect(shape.details?.issues?.map((issue) => `${issue.path}: ${issue.message}`)).toEqual(
      expect.arrayContaining([
        'label: give the profile a name',
        'credential.token: an API token is at least 20 characters',
      ]),
    );
    const lines = errorLines(cliLanguage('zh-CN'), failure(shape));
    expect(lines).toEqual(
      expect.arrayContaining(['  label：请为配置文件命名', '  credential.token：API 令牌至少有 20 个字符']),
    );
    const words = lines.map((line) =>
      withoutQuoted(line.replace(/^keyflare:/u, '').replace(/\(input\)|label|credential\.token/gu, '')),
    );
    expect(englishLeftovers(words, [])).toEqual([]);
  });
});
