/**
 * SECURITY.md 22: bad input on every IPC channel gets a VALIDATION error and changes nothing.
 *
 * The oracle is not the schema under test. Each channel lists its fields by hand with the rule
 * each one follows (a profile id, a Cloudflare id, a label, a draft…), and every rule lists the
 * values that break it: wrong types, a secret where an id goes, 1 MB strings, NUL bytes, U+202E,
 * emoji in ids, negative/NaN/infinite numbers, arrays where objects go, and `__proto__` /
 * `constructor` keys at every level. Every input built from them must come back VALIDATION from
 * a core holding a synced profile, with every table, the keychain and the simulator's request log
 * unchanged — so loosening any schema (an id as any string, a missing bound, a non-strict
 * object) fails here. A channel or an input field without a rule fails too.
 *
 * Random input from fast-check adds the other half: whatever arrives, dispatch answers an
 * envelope and never crashes (no INTERNAL, no rejection, no polluted prototype).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore } from '../../src/main/core';
import type { Db } from '../../src/main/core/db/sqlite-file';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import { CHANNEL_NAMES, type ChannelName } from '../../src/shared/channels';
import { contract } from '../../src/shared/contract';
import { ERROR_CODES, type Result } from '../../src/shared/errors';
import { startTestSimulator } from '../support/test-simulator';
import { closeAllCores, makeCore } from '../core/support/core-harness';
import { addProfile, call } from '../core/support/sim-profiles';
import { DEMO, dnsDraft } from '../core/support/token-harness';

const sim = await startTestSimulator({ scenario: 'demo' });
afterAll(() => {
  closeAllCores();
});

// ---------------------------------------------------------------------------------------------
// Values that break a rule

/** Secrets of every shape Cloudflare issues: prefixed, legacy (40 base62), Global API Key. */
const SECRETS = [
  sim.credential('alice-dns-acme').secret,
  sim.credential('alice-legacy').secret,
  sim.credential('alice-global-key').secret,
];
const [SECRET = '', LEGACY_SECRET = '', GLOBAL_KEY = ''] = SECRETS;
const MEGA = 'a'.repeat(1024 * 1024);
const UUID = '00000000-0000-4000-8000-000000000000';

/** With an own `__proto__` key, as structured clone delivers it (an object literal would not). */
function withProtoKey(value: Record<string, unknown>): Record<string, unknown> {
  return { ...(JSON.parse('{"__proto__": {"polluted": true}}') as object), ...value };
}

/** Breaks any field whatever its type: no field of any channel takes these. */
const NO_FIELD_TAKES = [null, [], {}, Number.NaN, Infinity, -Infinity, -1];

/** Breaks a text field: wrong types, hidden characters, a megabyte. */
const NOT_TEXT = [...NO_FIELD_TAKES, 42, true, MEGA];

const BAD_PROFILE_ID = [
  ...NOT_TEXT,
  '',
  'abc',
  'p'.repeat(65),
  '../../etc/passwd',
  UUID.slice(1),
  UUID.toUpperCase().replace('4000', 'A000'),
  `${UUID}\u0000`,
  `\u202e${UUID}`,
  `${UUID.slice(0, -1)}😀`,
  ...SECRETS,
];

const BAD_CF_ID = [
  ...NOT_TEXT,
  '',
  'a'.repeat(33),
  'abc-def',
  'abc def',
  '../x',
  'abc\u0000',
  '\u202eabc',
  '😀',
  `${DEMO.acme.slice(0, -2)}😀`,
  ...SECRETS,
];

const BAD_BOOLEAN = [...NO_FIELD_TAKES, 'true', 'false', 1, 0, ''];

const BAD_LABEL = [
  ...NOT_TEXT,
  '',
  '   ',
  'a'.repeat(81),
  'Work\u0000',
  'Work\u202egnp.exe',
  '\u200fWork',
  'two\nlines',
  'bell\u0007',
];

const BAD_SECRET = [
  ...NOT_TEXT,
  '',
  'too-short',
  'x'.repeat(201),
  `${SECRET}\u0000`,
  `${SECRET.slice(0, 20)} ${SECRET.slice(20)}`,
  `\u202e${SECRET}`,
  `${SECRET}😀`,
];

const BAD_BASE_URL = [
  ...NOT_TEXT,
  '',
  'not a url',
  'http://api.example.com/client/v4',
  'ftp://api.cloudflare.com/client/v4',
  'javascript:alert(1)',
  `https://${MEGA}.example`,
  'https://api.cloudflare.com/client/v4\u0000',
  '\u202ehttps://api.cloudflare.com/client/v4',
];

const BAD_CREDENTIAL = [
  ...NO_FIELD_TAKES,
  42,
  SECRET,
  [{ kind: 'api_token', token: SECRET }],
  { kind: 'api_token' },
  { kind: 'api_token', token: MEGA },
  { kind: 'api_token', token: 'too-short' },
  { kind: 'api_token', token: `${SECRET}\u0000` },
  { kind: 'api_token', token: `\u202e${SECRET}` },
  { kind: 'api_token', token: SECRET, extra: 1 },
  { kind: 'api_token', token: SECRET, accountId: LEGACY_SECRET },
  { kind: 'api_token', token: SECRET, accountId: '😀' },
  withProtoKey({ kind: 'api_token', token: SECRET }),
  { kind: 'api_token', token: SECRET, constructor: { prototype: { polluted: true } } },
  { kind: 'global_key', email: 'not-an-email', key: GLOBAL_KEY },
  { kind: 'global_key', email: `${MEGA}@example.com`, key: GLOBAL_KEY },
  { kind: 'global_key', email: 'alice@example.com', key: 'too-short' },
  { kind: 'global_key', email: 'alice@example.com', key: `${GLOBAL_KEY}\u0000` },
  { kind: 'global_key', email: 'alice@example.com', key: GLOBAL_KEY, extra: 1 },
  { kind: 'oauth', token: SECRET },
  { kind: 42, token: SECRET },
];

const BAD_OWNER = [
  ...NO_FIELD_TAKES,
  42,
  'user',
  [{ kind: 'user' }],
  { kind: 'USER' },
  { kind: 'org' },
  { kind: 'user', extra: 1 },
  { kind: 'account' },
  { kind: 'account', accountId: LEGACY_SECRET },
  { kind: 'account', accountId: '😀' },
  { kind: 'account', accountId: DEMO.acme, extra: 1 },
  withProtoKey({ kind: 'user' }),
  { kind: 'user', constructor: { prototype: { polluted: true } } },
];

/** A valid draft with one part replaced: each entry names what it breaks. */
function badDrafts(valid: Record<string, unknown>): unknown[] {
  const [policy] = valid['policies'] as Record<string, unknown>[];
  const resource = { type: 'zone', zoneId: DEMO.acmeCom, include: true };
  const withPolicy = (change: Record<string, unknown>): unknown => ({
    ...valid,
    policies: [{ ...policy, ...change }],
  });
  return [
    ...NO_FIELD_TAKES,
    42,
    'draft',
    [valid],
    { ...valid, extra: 1 },
    withProtoKey(valid),
    { ...valid, constructor: { prototype: { polluted: true } } },
    ...[...NOT_TEXT, '', '   ', 'a'.repeat(121), 'Token\u0000', '\u202eToken', 'Token\u2066'].map((name) => ({
      ...valid,
      name,
    })),
    ...[...NO_FIELD_TAKES, 'policies'].map((policies) => ({ ...valid, policies })),
    withPolicy({ extra: 1 }),
    withPolicy({ effect: 'maybe' }),
    withPolicy({ permissionGroupIds: [] }),
    withPolicy({ permissionGroupIds: LEGACY_SECRET }),
    ...[LEGACY_SECRET, SECRET, '😀', MEGA, 42, null].map((id) => withPolicy({ permissionGroupIds: [id] })),
    withPolicy({ resources: [] }),
    withPolicy({ resources: [{ ...resource, zoneId: LEGACY_SECRET }] }),
    withPolicy({ resources: [{ ...resource, zoneId: `${DEMO.acmeCom.slice(0, -2)}😀` }] }),
    withPolicy({ resources: [{ ...resource, extra: 1 }] }),
    withPolicy({ resources: [withProtoKey(resource)] }),
    withPolicy({ resources: [{ ...resource, include: 'yes' }] }),
    withPolicy({ resources: [{ type: 'planet', include: true }] }),
    withPolicy({ resources: [{ type: 'account', accountId: SECRET, include: true }] }),
    withPolicy({ resources: [{ type: 'user', userId: GLOBAL_KEY, include: true }] }),
    ...[
      ...NO_FIELD_TAKES,
      { in: [MEGA], notIn: [] },
      { in: ['10.0.0.1\u0000'], notIn: [] },
      { in: ['10.0.0.1'], notIn: ['\u202e10.0.0.2'] },
      { in: '10.0.0.1', notIn: [] },
      { in: [42], notIn: [] },
      { in: [], notIn: [], extra: [] },
      { in: [] },
    ].map((requestIp) => ({ ...valid, requestIp })),
    ...[42, 'tomorrow', '2030-01-01', '2030-01-01T00:00:00', MEGA, Number.NaN, Infinity, {}].flatMap(
      (date) => [
        { ...valid, notBefore: date },
        { ...valid, expiresOn: date },
      ],
    ),
  ];
}

const BAD_LIMIT = [...NO_FIELD_TAKES, 0, 1.5, 1001, -Infinity, '10', true];
const BAD_STATUS = [...NOT_TEXT, 'expired', 'ACTIVE', ''];
const BAD_FORMAT = [...NOT_TEXT, 'curl', 'SECRET', ''];
const BAD_CLEAR_SECONDS = [...NO_FIELD_TAKES, 0, 4, 601, 1.5, -30, '30', true];
const BAD_THEME = [...NOT_TEXT, 'blue', 'DARK', ''];
const BAD_LANGUAGE = [...NOT_TEXT, 'zh', 'zh-TW', 'EN', 'en-US', 'zh-cn', ''];
const BAD_EXPORT_FORMAT = [...NOT_TEXT, 'hcl', 'JSON', 'secret', ''];
const BAD_INDEX = [...NO_FIELD_TAKES, 1.5, 500, '0', true];
const BAD_ROTATION_ID = [...NO_FIELD_TAKES, 0, 1.5, 2 ** 60, '1', true];
const BAD_RETIRE_ACTION = [...NOT_TEXT, 'roll', 'DELETE', ''];
const BAD_CONFIRMED = [...NO_FIELD_TAKES, false, 'true', 1, 0];
/** Pasted text: too long, not a string, or not a recipe or body (refused by the import itself). */
const BAD_IMPORT_TEXT = [
  ...NO_FIELD_TAKES,
  42,
  '',
  MEGA,
  'not json',
  '{"name": "no policies"}',
  '{"format": "keyflare-recipe", "version": 1, "tokens": [{"__proto__": {"polluted": true}}]}',
  JSON.stringify({ name: 'x', policies: [{ effect: 'maybe', permission_groups: [], resources: {} }] }),
];
const BAD_SYNC_HOURS = [...NO_FIELD_TAKES, 169, 1.5, 1e9, '6', true];
const BAD_WARN_DAYS = [...NO_FIELD_TAKES, 0, 366, 1.5, '14', true];
const BAD_ROTATION_DAYS = [...NO_FIELD_TAKES, 3651, 1.5, 1e9, '90', true];
const BAD_UNUSED_DAYS = [...NO_FIELD_TAKES, 0, 3651, 1.5, '90', true];
const BAD_SNOOZE_DAYS = [...NO_FIELD_TAKES, 0, 366, 1.5, '7', true];
const BAD_PROBLEM_KIND = [...NOT_TEXT, 'quota_near_full', 'EXPIRED', 'expires_soon', ''];
const BAD_BULK_ACTION = [...NOT_TEXT, 'roll', 'DISABLE', 'update', ''];
const BAD_REPORT_FORMAT = [...NOT_TEXT, 'pdf', 'MARKDOWN', 'md', ''];
/** The filter words a report quotes: too long, not text, or hiding characters. */
const BAD_FILTER_WORDS = [
  ...NO_FIELD_TAKES,
  42,
  true,
  MEGA,
  'a'.repeat(501),
  'disabled\u0000',
  '\u202edisabled',
  'two\nlines',
];
/** An access explorer target: an unknown kind, a secret or a non-id where an id goes, extra keys. */
const BAD_EXPLORE_TARGET = [
  ...NO_FIELD_TAKES,
  42,
  'zone',
  [{ kind: 'user' }],
  { kind: 'zone' },
  { kind: 'account' },
  { kind: 'planet' },
  { kind: 'ZONE', zoneId: DEMO.acmeCom },
  ...BAD_CF_ID.map((zoneId) => ({ kind: 'zone', zoneId })),
  ...BAD_CF_ID.map((accountId) => ({ kind: 'account', accountId })),
  { kind: 'zone', zoneId: DEMO.acmeCom, extra: 1 },
  { kind: 'all_zones', accountId: DEMO.acme },
  { kind: 'user', userId: DEMO.alice },
  withProtoKey({ kind: 'user' }),
  { kind: 'user', constructor: { prototype: { polluted: true } } },
];

// ---------------------------------------------------------------------------------------------
// Every channel: a valid input and the rule of each field

interface Ids {
  profileId: string;
  tokenId: string;
  draft: Record<string, unknown>;
}

type Rule =
  | 'profileId'
  | 'cfId'
  | 'boolean'
  | 'label'
  | 'secret'
  | 'baseUrl'
  | 'credential'
  | 'owner'
  | 'draft'
  | 'limit'
  | 'status'
  | 'format'
  | 'clearSeconds'
  | 'theme'
  | 'language'
  | 'tokenRefs'
  | 'exportFormat'
  | 'importText'
  | 'index'
  | 'rotationId'
  | 'retireAction'
  | 'confirmed'
  | 'syncHours'
  | 'warnDays'
  | 'rotationDays'
  | 'unusedDays'
  | 'snoozeDays'
  | 'problemKind'
  | 'bulkAction'
  | 'bulkRefs'
  | 'reportFormat'
  | 'reportRefs'
  | 'filterWords'
  | 'exploreTarget';

interface ChannelCorpus {
  valid(ids: Ids): Record<string, unknown>;
  /** Each input field with its rule; `?` marks a field that may be left out. */
  fields: Record<string, Rule | `${Rule}?`>;
}

function badValues(rule: Rule, ids: Ids): unknown[] {
  switch (rule) {
    case 'profileId':
      return BAD_PROFILE_ID;
    case 'cfId':
      return BAD_CF_ID;
    case 'boolean':
      return BAD_BOOLEAN;
    case 'label':
      return BAD_LABEL;
    case 'secret':
      return BAD_SECRET;
    case 'baseUrl':
      return BAD_BASE_URL;
    case 'credential':
      return BAD_CREDENTIAL;
    case 'owner':
      return BAD_OWNER;
    case 'draft':
      return badDrafts(ids.draft);
    case 'limit':
      return BAD_LIMIT;
    case 'status':
      return BAD_STATUS;
    case 'format':
      return BAD_FORMAT;
    case 'clearSeconds':
      return BAD_CLEAR_SECONDS;
    case 'theme':
      return BAD_THEME;
    case 'language':
      return BAD_LANGUAGE;
    case 'tokenRefs':
      return [
        ...NO_FIELD_TAKES,
        'refs',
        [],
        Array.from({ length: 501 }, () => ({ profileId: ids.profileId, tokenId: ids.tokenId })),
        ...BAD_PROFILE_ID.map((profileId) => [{ profileId, tokenId: ids.tokenId }]),
        ...BAD_CF_ID.map((tokenId) => [{ profileId: ids.profileId, tokenId }]),
        [{ profileId: ids.profileId, tokenId: ids.tokenId, extra: 1 }],
        [withProtoKey({ profileId: ids.profileId, tokenId: ids.tokenId })],
      ];
    case 'exportFormat':
      return BAD_EXPORT_FORMAT;
    case 'importText':
      return BAD_IMPORT_TEXT;
    case 'index':
      return BAD_INDEX;
    case 'rotationId':
      return BAD_ROTATION_ID;
    case 'retireAction':
      return BAD_RETIRE_ACTION;
    case 'confirmed':
      return BAD_CONFIRMED;
    case 'syncHours':
      return BAD_SYNC_HOURS;
    case 'warnDays':
      return BAD_WARN_DAYS;
    case 'rotationDays':
      return BAD_ROTATION_DAYS;
    case 'unusedDays':
      return BAD_UNUSED_DAYS;
    case 'snoozeDays':
      return BAD_SNOOZE_DAYS;
    case 'problemKind':
      return BAD_PROBLEM_KIND;
    case 'bulkAction':
      return BAD_BULK_ACTION;
    case 'bulkRefs':
    case 'reportRefs':
      return [
        ...badRefLists(ids),
        Array.from({ length: rule === 'bulkRefs' ? 10_001 : 20_001 }, () => ({
          profileId: ids.profileId,
          tokenId: ids.tokenId,
        })),
      ];
    case 'reportFormat':
      return BAD_REPORT_FORMAT;
    case 'filterWords':
      return BAD_FILTER_WORDS;
    case 'exploreTarget':
      return BAD_EXPLORE_TARGET;
  }
}

/** Token ref lists broken in every way but their length (each channel adds its own bound). */
function badRefLists(ids: Ids): unknown[] {
  return [
    ...NO_FIELD_TAKES,
    'refs',
    [],
    ...BAD_PROFILE_ID.map((profileId) => [{ profileId, tokenId: ids.tokenId }]),
    ...BAD_CF_ID.map((tokenId) => [{ profileId: ids.profileId, tokenId }]),
    [{ profileId: ids.profileId, tokenId: ids.tokenId, extra: 1 }],
    [withProtoKey({ profileId: ids.profileId, tokenId: ids.tokenId })],
  ];
}

const none: ChannelCorpus = { valid: () => ({}), fields: {} };
const profileOnly: ChannelCorpus = {
  valid: (ids) => ({ profileId: ids.profileId }),
  fields: { profileId: 'profileId' },
};
const optionalProfile: ChannelCorpus = {
  valid: (ids) => ({ profileId: ids.profileId }),
  fields: { profileId: 'profileId?' },
};
const tokenRef: ChannelCorpus = {
  valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId }),
  fields: { profileId: 'profileId', tokenId: 'cfId' },
};
const userOwner = { kind: 'user' };
const exportCorpus: ChannelCorpus = {
  valid: (ids) => ({ tokens: [{ profileId: ids.profileId, tokenId: ids.tokenId }], format: 'terraform' }),
  fields: { tokens: 'tokenRefs', format: 'exportFormat' },
};
const rotationOnly: ChannelCorpus = {
  valid: () => ({ rotationId: 1 }),
  fields: { rotationId: 'rotationId' },
};

const CORPUS: Record<ChannelName, ChannelCorpus> = {
  'app.info': none,
  'settings.get': none,
  'settings.update': {
    valid: () => ({
      clipboardClearSeconds: 45,
      keepSecretsByDefault: false,
      theme: 'dark',
      language: 'zh-CN',
      keepInTray: false,
      launchAtLogin: false,
      syncEveryHours: 12,
      expiryWarningDays: 7,
      rotationDueDays: 0,
      unusedDays: 180,
      reminders: false,
    }),
    fields: {
      clipboardClearSeconds: 'clearSeconds?',
      keepSecretsByDefault: 'boolean?',
      theme: 'theme?',
      language: 'language?',
      keepInTray: 'boolean?',
      launchAtLogin: 'boolean?',
      syncEveryHours: 'syncHours?',
      expiryWarningDays: 'warnDays?',
      rotationDueDays: 'rotationDays?',
      unusedDays: 'unusedDays?',
      reminders: 'boolean?',
    },
  },
  'profiles.list': none,
  'profiles.add': {
    valid: () => ({
      label: 'Work 🚀',
      credential: { kind: 'api_token', token: SECRET },
      baseUrl: 'https://api.cloudflare.com/client/v4',
    }),
    fields: { label: 'label', credential: 'credential', baseUrl: 'baseUrl?' },
  },
  'profiles.rename': {
    valid: (ids) => ({ profileId: ids.profileId, label: 'Renamed' }),
    fields: { profileId: 'profileId', label: 'label' },
  },
  'profiles.replaceCredential': {
    valid: (ids) => ({
      profileId: ids.profileId,
      credential: { kind: 'global_key', email: 'alice@example.com', key: GLOBAL_KEY },
    }),
    fields: { profileId: 'profileId', credential: 'credential' },
  },
  'profiles.remove': profileOnly,
  'keychain.entries': none,
  'keychain.reattach': {
    valid: (ids) => ({
      profileId: ids.profileId,
      label: 'Work',
      baseUrl: 'https://api.cloudflare.com/client/v4',
    }),
    fields: { profileId: 'profileId', label: 'label', baseUrl: 'baseUrl?' },
  },
  'keychain.forget': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId }),
    fields: { profileId: 'profileId', tokenId: 'cfId?' },
  },
  'accounts.list': optionalProfile,
  'zones.list': {
    valid: (ids) => ({ profileId: ids.profileId, accountId: DEMO.acme }),
    fields: { profileId: 'profileId?', accountId: 'cfId?' },
  },
  'permissionGroups.list': {
    valid: (ids) => ({ profileId: ids.profileId, owner: { kind: 'account', accountId: DEMO.acme } }),
    fields: { profileId: 'profileId', owner: 'owner' },
  },
  'sync.start': optionalProfile,
  'sync.cancel': profileOnly,
  'sync.status': none,
  'tokens.list': optionalProfile,
  'tokens.get': tokenRef,
  'tokens.history': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, limit: 10 }),
    fields: { profileId: 'profileId?', tokenId: 'cfId?', limit: 'limit?' },
  },
  'templates.list': {
    valid: (ids) => ({ profileId: ids.profileId, owner: userOwner }),
    fields: { profileId: 'profileId', owner: 'owner' },
  },
  'tokens.preview': {
    valid: (ids) => ({ profileId: ids.profileId, owner: userOwner, draft: ids.draft, tokenId: ids.tokenId }),
    fields: { profileId: 'profileId', owner: 'owner', draft: 'draft', tokenId: 'cfId?' },
  },
  'tokens.create': {
    valid: (ids) => ({ profileId: ids.profileId, owner: userOwner, draft: ids.draft, keepSecret: true }),
    fields: { profileId: 'profileId', owner: 'owner', draft: 'draft', keepSecret: 'boolean' },
  },
  'tokens.update': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, draft: ids.draft }),
    fields: { profileId: 'profileId', tokenId: 'cfId', draft: 'draft' },
  },
  'tokens.setStatus': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, status: 'disabled' }),
    fields: { profileId: 'profileId', tokenId: 'cfId', status: 'status' },
  },
  'tokens.delete': tokenRef,
  'tokens.roll': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, keepSecret: false }),
    fields: { profileId: 'profileId', tokenId: 'cfId', keepSecret: 'boolean' },
  },
  'tokens.verify': tokenRef,
  'tokens.verifyAll': profileOnly,
  'tokens.verifySecret': {
    valid: (ids) => ({ profileId: ids.profileId, secret: LEGACY_SECRET, owner: userOwner }),
    fields: { profileId: 'profileId', secret: 'secret', owner: 'owner?' },
  },
  'tokens.adopt': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, secret: SECRET }),
    fields: { profileId: 'profileId', tokenId: 'cfId', secret: 'secret' },
  },
  'tokens.forgetSecret': tokenRef,
  'clipboard.copy': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, format: 'curl_secret' }),
    fields: { profileId: 'profileId', tokenId: 'cfId', format: 'format' },
  },
  'export.tokens': exportCorpus,
  'export.copy': exportCorpus,
  'import.resolve': {
    valid: (ids) => ({
      profileId: ids.profileId,
      text: JSON.stringify({ name: 'Pasted', policies: [] }),
      owner: userOwner,
      index: 0,
    }),
    fields: { profileId: 'profileId', text: 'importText', owner: 'owner?', index: 'index?' },
  },
  'tokens.duplicateTo': {
    valid: (ids) => ({
      profileId: ids.profileId,
      tokenId: ids.tokenId,
      targetProfileId: ids.profileId,
      targetOwner: userOwner,
    }),
    fields: { profileId: 'profileId', tokenId: 'cfId', targetProfileId: 'profileId', targetOwner: 'owner' },
  },
  'rotation.start': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, keepSecret: true }),
    fields: { profileId: 'profileId', tokenId: 'cfId', keepSecret: 'boolean' },
  },
  'rotation.list': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId }),
    fields: { profileId: 'profileId?', tokenId: 'cfId?' },
  },
  'rotation.retire': {
    valid: () => ({ rotationId: 1, action: 'delete', confirmed: true }),
    fields: { rotationId: 'rotationId', action: 'retireAction', confirmed: 'confirmed' },
  },
  'rotation.resume': rotationOnly,
  'rotation.cancel': rotationOnly,
  'access.explore': {
    valid: () => ({ target: { kind: 'zone', zoneId: DEMO.acmeCom } }),
    fields: { target: 'exploreTarget' },
  },
  'health.list': none,
  'health.dismiss': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, kind: 'no_expiry', days: 7 }),
    fields: { profileId: 'profileId', tokenId: 'cfId', kind: 'problemKind', days: 'snoozeDays?' },
  },
  'health.restore': {
    valid: (ids) => ({ profileId: ids.profileId, tokenId: ids.tokenId, kind: 'no_expiry' }),
    fields: { profileId: 'profileId', tokenId: 'cfId', kind: 'problemKind' },
  },
  'bulk.plan': {
    valid: (ids) => ({ action: 'disable', tokens: [{ profileId: ids.profileId, tokenId: ids.tokenId }] }),
    fields: { action: 'bulkAction', tokens: 'bulkRefs' },
  },
  'bulk.run': {
    valid: (ids) => ({
      action: 'delete',
      tokens: [{ profileId: ids.profileId, tokenId: ids.tokenId }],
      confirmed: true,
    }),
    fields: { action: 'bulkAction', tokens: 'bulkRefs', confirmed: 'confirmed' },
  },
  'reports.save': {
    valid: (ids) => ({
      format: 'csv',
      tokens: [{ profileId: ids.profileId, tokenId: ids.tokenId }],
      filters: 'status: disabled',
    }),
    fields: { format: 'reportFormat', tokens: 'reportRefs', filters: 'filterWords' },
  },
  'sandbox.status': none,
  'sandbox.enter': none,
  'sandbox.leave': none,
};

interface BadInput {
  what: string;
  input: unknown;
}

/** Every bad input of one channel: the whole input wrong, extra keys, each field broken or missing. */
function badInputs(channel: ChannelName, ids: Ids): BadInput[] {
  const corpus = CORPUS[channel];
  const { fields } = corpus;
  const valid = corpus.valid(ids);
  const required = Object.entries(fields).filter(([, rule]) => !rule.endsWith('?'));
  const out: BadInput[] = [
    ...[[], [valid], 'input', MEGA, 42, Number.NaN, Infinity, -1, true].map((input) => ({
      what: 'not an object',
      input,
    })),
    { what: 'an extra key', input: { ...valid, extra: 1 } },
    { what: 'a secret under an undeclared key', input: { ...valid, apiToken: SECRET } },
    { what: 'an own __proto__ key', input: withProtoKey(valid) },
    { what: 'a constructor key', input: { ...valid, constructor: { prototype: { polluted: true } } } },
    { what: 'a NUL in a key', input: { ...valid, 'key\u0000': 1 } },
  ];
  if (required.length > 0) {
    out.push({ what: 'nothing', input: {} }, { what: 'null', input: null });
    for (const [field] of required) {
      const { [field]: _dropped, ...rest } = valid;
      out.push({ what: `no ${field}`, input: rest });
    }
  }
  for (const [field, rule] of Object.entries(fields)) {
    for (const [index, bad] of badValues(rule.replace('?', '') as Rule, ids).entries())
      out.push({ what: `${field} #${index}`, input: { ...valid, [field]: bad } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What must not change

/** Every row of every table of every attached database, as text. */
function dumpAll(db: Db): string {
  const schemas = (db.prepare('PRAGMA database_list').all() as { name: string }[]).map((row) => row.name);
  const out: string[] = [];
  for (const schema of schemas) {
    const tables = db
      .prepare(`SELECT name FROM "${schema}".sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as { name: string }[];
    for (const { name } of tables) {
      const rows = db
        .prepare(`SELECT * FROM "${schema}"."${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
      out.push(`${schema}.${name}:${rows.join('\n')}`);
    }
  }
  return out.join('\n');
}

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

// ---------------------------------------------------------------------------------------------

describe('the corpus of bad inputs', () => {
  it('covers every channel of the contract and every field of its input', () => {
    expect(Object.keys(CORPUS).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) {
      const input = contract[channel].input;
      expect(input, channel).toBeInstanceOf(z.ZodObject);
      const declared = Object.keys((input as z.ZodObject).shape).sort();
      expect(Object.keys(CORPUS[channel].fields).sort(), `${channel} fields`).toEqual(declared);
    }
  });

  it('keeps every channel’s valid input acceptable, so each bad one fails for its own reason', async () => {
    // A core with nothing in it, offline: a valid input gets past validation and then meets
    // NOT_FOUND, OFFLINE or success — anything but VALIDATION.
    const empty = makeCore({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const ids: Ids = { profileId: UUID, tokenId: DEMO.acmeCom, draft: { ...dnsDraft(sim, 'Valid') } };
    for (const channel of CHANNEL_NAMES) {
      const reply = await empty.core.dispatch(channel, CORPUS[channel].valid(ids));
      expect(reply.ok ? 'ok' : reply.error.code, channel).not.toBe('VALIDATION');
    }
  });

  it('accepts ids as Cloudflare writes them (32 lowercase hex) and as the simulator does', () => {
    const ids = ['023e105f4ecef8ad9ca31a8372d0c353', 'ed17574386854bf78a67040be0a770b0', DEMO.acme, 'a'];
    for (const tokenId of ids) {
      expect(contract['tokens.verify'].input.safeParse({ profileId: UUID, tokenId }).success, tokenId).toBe(
        true,
      );
    }
  });
});

// A core with a synced profile, so a bad input that slipped through would have data to change.
const h = makeCore();
const profile = await addProfile(h.core, sim, 'alice-manager');
await call(h.core, 'sync.start', { profileId: profile.id });

describe('every channel under bad input', () => {
  const ids: Ids = {
    profileId: profile.id,
    tokenId: sim.credential('alice-dns-acme').tokenId ?? '',
    draft: { ...dnsDraft(sim, 'Fuzz') },
  };

  for (const channel of CHANNEL_NAMES) {
    it(`${channel} answers VALIDATION to every bad input and changes nothing`, async () => {
      const before = dumpAll(h.core.context.db());
      const keychainBefore = await h.secrets.list('');
      sim.control.resetLog();
      const inputs = badInputs(channel, ids);
      expect(inputs.length).toBeGreaterThanOrEqual(14);
      const wrong: string[] = [];
      for (const { what, input } of inputs) {
        const reply: Result<unknown> = await h.core.dispatch(channel, input);
        if (reply.ok || reply.error.code !== 'VALIDATION') {
          wrong.push(`${what}: ${reply.ok ? 'accepted' : reply.error.code}`);
          continue;
        }
        const text = JSON.stringify(reply);
        for (const secret of SECRETS) if (text.includes(secret)) wrong.push(`${what}: echoes a secret`);
      }
      expect(wrong).toEqual([]);
      expect(dumpAll(h.core.context.db())).toBe(before);
      await expect(h.secrets.list('')).resolves.toEqual(keychainBefore);
      expect(sim.control.requestLog()).toEqual([]);
      expectNoPollution();
    });
  }
});

describe('every channel under random input', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-fuzz-'));
  const core = createCore({
    dataDir,
    secrets: createMemoryStore(),
    fetch: () => Promise.reject(new TypeError('fetch failed')),
  });
  afterAll(() => core.close());

  /** Anything a compromised or buggy renderer could send through structured clone. */
  const junk = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
    fc.constantFrom(
      '__proto__',
      { __proto__: { polluted: true } },
      { constructor: { prototype: { polluted: true } } },
      'x'.repeat(100_000),
      { profileId: '../../etc/passwd', tokenId: '"; rm -rf / #' },
    ),
  );

  for (const channel of CHANNEL_NAMES) {
    it(`${channel} answers an envelope, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(junk, async (input) => {
          const reply = await core.dispatch(channel, input);
          expect(typeof reply.ok).toBe('boolean');
          if (!reply.ok) {
            expect(ERROR_CODES).toContain(reply.error.code);
            expect(reply.error.code).not.toBe('INTERNAL');
          }
        }),
        { numRuns: 60 },
      );
      expectNoPollution();
    });
  }

  it('answers VALIDATION for channel names that are not in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (name) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(name));
        await expect(core.dispatch(name, {})).resolves.toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
      }),
      { numRuns: 200 },
    );
  });
});
