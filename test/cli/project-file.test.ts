/**
 * `.keyflare.json` problems say what is wrong in the user's language: each way a file can fail
 * its check (no object, a missing field, an id of the wrong shape, extra fields, a secret) is its
 * own sentence, in English and in Simplified Chinese.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, textIn } from '../../src/cli/exit-codes';
import { cliLanguage, loadLanguage } from '../../src/cli/locale';
import { readProjectFile } from '../../src/cli/project-file';

// Chinese needs i18next and its catalogues, loaded as a Chinese run of the command loads them.
await loadLanguage('zh-CN');

const PROFILE = '3f0c1a52-8d1e-4c3b-9a77-2b1f6c0d9e41';
const zh = cliLanguage('zh-CN');

/** The error reading `content` as a .keyflare.json gives, in English and in Chinese. */
function problem(content: string): { exit: number; en: string; zh: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-file-')), '.keyflare.json');
  fs.writeFileSync(file, content);
  try {
    readProjectFile(file);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return {
      exit: error.exitCode,
      en: error.message.replace(file, 'F'),
      zh: textIn(zh.t, error.text).replace(file, 'F'),
    };
  }
  throw new Error('the file was accepted');
}

describe('a .keyflare.json that is not a reference', () => {
  it('says which check failed, in both languages', () => {
    expect(problem('[1]')).toEqual({
      exit: 2,
      en: 'F is not a Keyflare reference: it is not a JSON object.',
      zh: 'F 不是 Keyflare 引用：它不是 JSON 对象。',
    });
    expect(problem(JSON.stringify({ profileId: 'nope', tokenId: 'abc' }))).toMatchObject({
      en: 'F is not a Keyflare reference: profileId is not a Keyflare profile id.',
      zh: 'F 不是 Keyflare 引用：profileId 不是 Keyflare 配置文件 ID。',
    });
    expect(problem(JSON.stringify({ profileId: PROFILE, tokenId: 'a-b' }))).toMatchObject({
      en: 'F is not a Keyflare reference: tokenId is not a Cloudflare token id.',
    });
    expect(problem(JSON.stringify({ profileId: PROFILE }))).toMatchObject({
      en: 'F is not a Keyflare reference: tokenId is missing or not text.',
      zh: 'F 不是 Keyflare 引用：tokenId 缺失或不是文本。',
    });
    expect(problem(JSON.stringify({ profileId: PROFILE, tokenId: 'abc', extra: 1 }))).toMatchObject({
      en: 'F is not a Keyflare reference: it has fields Keyflare does not know.',
      zh: 'F 不是 Keyflare 引用：包含 Keyflare 不认识的字段。',
    });
    expect(problem('{"profileId": ')).toMatchObject({
      en: 'F is not valid JSON.',
      zh: 'F 不是有效的 JSON。',
    });
    expect(problem(`{"token": "cfut_${'x'.repeat(40)}"}`)).toMatchObject({
      en: 'F seems to hold a secret; Keyflare will not use it.',
      zh: 'F 似乎包含密钥；Keyflare 不会使用它。',
    });
  });
});
