/**
 * Resource words: every label the decoder writes reads back as a message that says the same in
 * English and the reader's words in Chinese (R2 buckets and unknown keys too), lists are joined as
 * each language joins them, and an account Cloudflare would not name is kept under its short id.
 */
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { Message } from '../../../src/shared/i18n/message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import { decodeResources } from '../../../src/shared/policy/decode';
import {
  labelMessage,
  listMessage,
  namesMessage,
  sentencesMessage,
  unnamedAccountName,
  wordsMessage,
} from '../../../src/shared/policy/labels';
import { ACME, EXAMPLE_COM, UNKNOWN_ACCOUNT, nameLookup } from '../support/world';

const zhT = translatorFor(createI18n('zh-CN'), 'zh-CN');
const chinese = (message: Message): string => zhT(message.key, message.params);

const R2 = 'com.cloudflare.edge.r2.bucket';

describe('resource labels as messages', () => {
  const resources = decodeResources(
    {
      [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*',
      'com.cloudflare.api.account.zone.*': '*',
      [`com.cloudflare.api.account.${ACME}`]: {
        'com.cloudflare.api.account.zone.*': '*',
        [`${R2}.${ACME}_eu_photos`]: '*',
        [`${R2}.*`]: '*',
      },
      'com.cloudflare.api.account.*': '*',
      [`${R2}.${UNKNOWN_ACCOUNT}_default_logs`]: '*',
      'com.cloudflare.api.something.new': '*',
    },
    nameLookup(),
  );

  it('reads every decoded label back to the same English', () => {
    const labels = resources.map((resource) => resource.label);
    expect(labels).toEqual([
      'zone example.com',
      'all zones',
      'all zones in account Acme',
      'R2 bucket photos (eu) in account Acme',
      'all R2 buckets in account Acme',
      'all accounts',
      'R2 bucket logs in account 99999999…',
      'resource com.cloudflare.api.something.new',
    ]);
    expect(labels.map((label) => englishMessage(labelMessage(label)))).toEqual(labels);
    expect(labels.map((label) => labelMessage(label).key)).not.toContain('outcomes.policy.rawWords');
  });

  it('words them in Chinese, names and raw keys as they are', () => {
    expect(resources.map((resource) => chinese(labelMessage(resource.label)))).toEqual([
      '区域 example.com',
      '所有区域',
      '账户 Acme 中的所有区域',
      '账户 Acme 中的 R2 存储桶 photos（eu）',
      '账户 Acme 中的所有 R2 存储桶',
      '所有账户',
      '账户 99999999… 中的 R2 存储桶 logs',
      '资源 com.cloudflare.api.something.new',
    ]);
    expect(chinese(labelMessage('resource com.x under com.cloudflare.api.account.y'))).toBe(
      'com.cloudflare.api.account.y 下的资源 com.x',
    );
  });

  it('keeps a label of a form it does not know as it is', () => {
    expect(englishMessage(labelMessage('something else'))).toBe('something else');
    expect(chinese(labelMessage('something else'))).toBe('something else');
  });
});

describe('lists and sentences', () => {
  const names = ['DNS Write', 'Zone Read', 'Cache Purge'].map(wordsMessage);

  it('joins a list as each language does, every item kept', () => {
    expect(englishMessage(listMessage(names))).toBe('DNS Write, Zone Read and Cache Purge');
    expect(chinese(listMessage(names))).toBe('DNS Write、Zone Read和Cache Purge');
    expect(englishMessage(listMessage(names.slice(0, 1)))).toBe('DNS Write');
    const many = Array.from({ length: 12 }, (_, index) => wordsMessage(`zone-${index}`));
    expect(englishMessage(listMessage(many)).split(', ')).toHaveLength(11);
  });

  it('punctuates names as each language does, without an “and”', () => {
    const groups = namesMessage(['DNS Write', 'Zone Read', 'Cache Purge']);
    expect(englishMessage(groups)).toBe('DNS Write, Zone Read, Cache Purge');
    expect(chinese(groups)).toBe('DNS Write、Zone Read、Cache Purge');
  });

  it('nests resources whole, in the list’s language', () => {
    const list = listMessage([labelMessage('all zones'), labelMessage('zone example.com')]);
    expect(englishMessage(list)).toBe('all zones and zone example.com');
    expect(chinese(list)).toBe('所有区域和区域 example.com');
  });

  it('runs sentences on: a space in English, none in Chinese', () => {
    const lines = [labelMessage('all zones'), labelMessage('all accounts')];
    expect(englishMessage(sentencesMessage(lines))).toBe('all zones all accounts');
    expect(chinese(sentencesMessage(lines))).toBe('所有区域所有账户');
  });
});

describe('an account Cloudflare would not name', () => {
  it('is kept under its short id, which each language frames in its own words', () => {
    const name = unnamedAccountName(ACME);
    expect(name).toBe('023e105f…');
    expect(name).not.toMatch(/Account/u);
    const label = `account ${name}`;
    expect(englishMessage(labelMessage(label))).toBe('account 023e105f…');
    expect(chinese(labelMessage(label))).toBe('账户 023e105f…');
  });
});
