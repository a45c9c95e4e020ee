/**
 * Reports through a recording save dialog: Markdown for a review or a ticket, CSV for a
 * spreadsheet (quoted, formulas defused), JSON with every token's policies; the listed tokens
 * only, in the list's order, with their problems; nothing written when the dialog is cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveDialogPort, SaveDialogRequest } from '../../../src/main/core/reports/save-dialog-port';
import type { ReportSaved } from '../../../src/shared/reports/report-schemas';
import { tempDir } from '../support/core-harness';
import { dnsDraft, tokenHarness, useTokenSuite, type TokenHarness } from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

interface RecordingDialog extends SaveDialogPort {
  requests: SaveDialogRequest[];
  /** The answer of the next choose: a file name in a temp folder, or null (cancelled). */
  answer: string | null;
  folder: string;
}

function recordingDialog(): RecordingDialog {
  const folder = tempDir('keyflare-report-');
  const dialog: RecordingDialog = {
    requests: [],
    answer: 'report',
    folder,
    choose: (request) => {
      dialog.requests.push(request);
      return Promise.resolve(dialog.answer === null ? null : path.join(folder, dialog.answer));
    },
  };
  return dialog;
}

const MANAGER = 'a1a10000000000000000000000000001';
const EXPIRED = 'a1a10000000000000000000000000004';
const DNS = 'a1a10000000000000000000000000002';

async function save(h: TokenHarness, format: string, tokenIds: string[], filters = ''): Promise<ReportSaved> {
  return h.ok('reports.save', {
    format: format as 'markdown',
    tokens: tokenIds.map((tokenId) => ({ profileId: h.profile.id, tokenId })),
    filters,
  });
}

describe('reports', () => {
  it('saves the listed tokens and their problems as Markdown where the user chose', async () => {
    const dialog = recordingDialog();
    const h = await tokenHarness(sim, secrets, { saveDialog: dialog });
    dialog.answer = 'review.md';
    const saved = await save(h, 'markdown', [DNS, EXPIRED], 'search “acme”');
    expect(saved).toMatchObject({ saved: true, fileName: 'review.md', tokenCount: 2 });
    expect(dialog.requests[0]).toMatchObject({
      defaultName: expect.stringMatching(/^keyflare-report-\d{4}-\d{2}-\d{2}\.md$/u) as string,
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    const text = fs.readFileSync(path.join(dialog.folder, 'review.md'), 'utf8');
    expect(text).toMatch(/^# Keyflare token report\n/u);
    expect(text).toContain('Filters: search “acme”.');
    expect(text).toContain('- 2 tokens in 1 profile: 1 active, 1 expired');
    expect(text).toContain('### Act now');
    expect(text).toContain('- **CI token 2024** (alice-manager): expired on 2024-12-31');
    expect(text).toMatch(
      /\| Edit DNS acme\.com \| alice-manager \| {2}\| user \| active \| (DNS Write, Zone Read|Zone Read, DNS Write) \| zone acme\.com \| any IP \| never \| never \| no \| .*works from any IP address/u,
    );
    // Only the listed tokens: the manager is in the cache but not in the report.
    expect(text).not.toContain('Keyflare manager (alice)');
    expect(saved.problemCount).toBeGreaterThan(2);
    expect(fs.readdirSync(dialog.folder)).toEqual(['review.md']);
  });

  it('writes the Markdown report in the user’s language, names as they are and dates as ISO text', async () => {
    const dialog = recordingDialog();
    const h = await tokenHarness(sim, secrets, { saveDialog: dialog });
    await h.ok('settings.update', { language: 'zh-CN' });
    dialog.answer = 'review.md';
    await save(h, 'markdown', [DNS, EXPIRED], '搜索“acme”');
    expect(dialog.requests[0]).toMatchObject({
      title: '保存令牌报告',
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    const text = fs.readFileSync(path.join(dialog.folder, 'review.md'), 'utf8');
    expect(text).toMatch(/^# Keyflare 令牌报告\n/u);
    expect(text).toMatch(
      /由 Keyflare \S+ 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC 生成。筛选条件：搜索“acme”。/u,
    );
    expect(text).toContain('- 1 个配置文件中的 2 个令牌：1 个有效、1 个已过期');
    expect(text).toContain('### 需立即处理');
    expect(text).toContain(
      '| 令牌 | 配置文件 | 账户 | 类型 | 状态 | 权限 | 资源 | IP 筛选 | 过期时间 | 上次使用 | 已保存密钥 | 问题 |',
    );
    expect(text).toMatch(
      /\| Edit DNS acme\.com \| alice-manager \| {2}\| 用户 \| 有效 \| .*DNS Write.* \| 区域 acme\.com \| 任何 IP \| 从不 \| 从不 \| 否 \| /u,
    );
    expect(text).toContain('2024-12-31');
    // No English words of ours are left: only names, product names and Cloudflare's group names.
    const ours = text
      .replace(/\S+@\S+|Keyflare \S+ 于/gu, '')
      .replace(
        /Keyflare|UTC|IP|Markdown|alice-manager|CI token 2024|Edit DNS acme\.com|acme\.com|DNS Write|Zone Read|[A-Z][a-z]+ (Read|Write)/gu,
        '',
      )
      .match(/\b[a-z]{3,}\b/gu);
    expect(ours?.filter((w) => w !== 'acme') ?? []).toEqual([]);
  });

  it('saves CSV a spreadsheet reads safely: quoted fields, no formula from a token name', async () => {
    const dialog = recordingDialog();
    const h = await tokenHarness(sim, secrets, { saveDialog: dialog });
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      keepSecret: false,
      draft: dnsDraft(sim, '=HYPERLINK("http://evil.example","open me"), deploy'),
    });
    dialog.answer = 'tokens.csv';
    await save(h, 'csv', [created.token.id, DNS]);
    const lines = fs.readFileSync(path.join(dialog.folder, 'tokens.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'profile,account,token_id,name,kind,status,permissions,resources,ip_filter,issued_on,modified_on,last_used_on,not_before,expires_on,secret_kept,last_verify,worst_problem,problems',
    );
    expect(lines[1]).toContain(
      `,${created.token.id},"'=HYPERLINK(""http://evil.example"",""open me""), deploy",user,active,`,
    );
    expect(lines[2]).toMatch(
      /^alice-manager,,a1a10000000000000000000000000002,Edit DNS acme\.com,user,active,"(DNS Write, Zone Read|Zone Read, DNS Write)",zone acme\.com,,/u,
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('saves JSON with each token’s policies for an offline review of scopes', async () => {
    const dialog = recordingDialog();
    const h = await tokenHarness(sim, secrets, { saveDialog: dialog });
    dialog.answer = 'scopes.json';
    await save(h, 'json', [MANAGER]);
    const report = JSON.parse(fs.readFileSync(path.join(dialog.folder, 'scopes.json'), 'utf8')) as {
      format: string;
      tokens: {
        name: string;
        policies: { effect: string; permissionGroups: { name: string }[]; resources: { label: string }[] }[];
        problems: { kind: string }[];
      }[];
      quotas: { scope: string; used: number; limit: number }[];
    };
    expect(report.format).toBe('keyflare-report');
    expect(report.tokens).toHaveLength(1);
    expect(report.tokens[0]?.policies.map((p) => p.resources.map((r) => r.label).join()).sort()).toEqual([
      'all accounts',
      'all zones',
      'user alice@example.com',
    ]);
    expect(report.tokens[0]?.problems.map((p) => p.kind)).toContain('can_create_tokens');
    const userQuota = report.quotas.find((q) => q.scope === 'user');
    expect(userQuota).toMatchObject({ label: 'alice@example.com', limit: 50 });
    // The demo's ten user tokens of Alice, and those the tests before this one created.
    expect(userQuota?.used).toBe(
      (await h.ok('tokens.list', { profileId: h.profile.id })).filter((r) => r.kind === 'user').length,
    );
  });

  it('writes nothing when the dialog is cancelled, and refuses tokens it does not know', async () => {
    const dialog = recordingDialog();
    const h = await tokenHarness(sim, secrets, { saveDialog: dialog });
    dialog.answer = null;
    await expect(save(h, 'markdown', [DNS])).resolves.toMatchObject({ saved: false, fileName: null });
    expect(fs.readdirSync(dialog.folder)).toEqual([]);
    const error = await h.fails('reports.save', {
      format: 'csv',
      tokens: [{ profileId: h.profile.id, tokenId: 'ffff0000000000000000000000000000' }],
      filters: '',
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(dialog.requests).toHaveLength(1);
  });

  it('says so when there is no save dialog (a core without a window)', async () => {
    const h = await tokenHarness(sim, secrets);
    const error = await h.fails('reports.save', {
      format: 'json',
      tokens: [{ profileId: h.profile.id, tokenId: DNS }],
      filters: '',
    });
    expect(error.message).toBe('Keyflare cannot show a save dialog here, so the report was not saved.');
  });
});
