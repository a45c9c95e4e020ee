/**
 * The `keyflare` command in Simplified Chinese, as a user runs it: the built bundle against the
 * simulator, with `--lang zh-CN` or a Chinese environment (LANG=zh_CN.UTF-8). Each command's
 * human output says the catalogue's Chinese sentence and not the English one; `--json` and
 * `--csv` are the same bytes in every language; a core error is printed in Chinese; exit codes do
 * not change with the language; a table with CJK text stays aligned on a terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator } from '../support/test-simulator';
import { CLI, cliFor, tempDir, type Cli } from './support/cli-harness';
import { demoFolder, keepSecrets, removeAll } from './support/world';

const sim = await startTestSimulator({ scenario: 'demo' });
const ZH = ['--lang', 'zh-CN'];
const ZH_ENV = { LANG: 'zh_CN.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined };

let cli: Cli;
beforeAll(async () => {
  cli = await demoFolder(sim);
  await keepSecrets(cli, sim, 'Alice', ['alice-dns-acme', 'alice-account-reader'], ['alice-account-reader']);
}, 60_000);
afterAll(async () => {
  await removeAll(cli);
});

/** The same run with --lang zh-CN and with LANG=zh_CN.UTF-8: both must speak Chinese alike. */
async function inChinese(args: string[], input?: string) {
  const flag = await cli.run([...ZH, ...args], input === undefined ? {} : { input });
  const env = await cli.run(args, { env: ZH_ENV, ...(input === undefined ? {} : { input }) });
  expect(env.stdout).toBe(flag.stdout);
  expect(env.stderr).toBe(flag.stderr);
  expect(env.code).toBe(flag.code);
  return flag;
}

describe('keyflare in Simplified Chinese', () => {
  it('prints the same JSON and CSV bytes in every language', async () => {
    for (const args of [
      ['tokens', '--json'],
      ['tokens', '--csv'],
      ['profiles', '--json'],
      ['show', 'Edit DNS acme.com', '--json'],
      ['can', 'Edit DNS acme.com', 'edit DNS', 'acme.com', '--json'],
    ]) {
      const english = await cli.run(['--lang', 'en', ...args]);
      const chinese = await cli.run([...ZH, ...args]);
      const fromEnv = await cli.run(args, { env: ZH_ENV });
      expect(english.code, args.join(' ')).toBe(0);
      expect(english.stdout.length, args.join(' ')).toBeGreaterThan(20);
      expect(chinese.stdout, args.join(' ')).toBe(english.stdout);
      expect(fromEnv.stdout, args.join(' ')).toBe(english.stdout);
    }
  });

  it('lists profiles and tokens in Chinese', async () => {
    const profiles = await inChinese(['profiles']);
    expect(profiles.code).toBe(0);
    expect(profiles.stdout).toMatch(/^Alice\t用户令牌\talice@example.com\t/mu);
    expect(profiles.stdout).not.toContain('user token');
    const tokens = await inChinese(['tokens', '--profile', 'Bob', '--search', 'studio']);
    expect(
      tokens.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 4)),
    ).toEqual([
      ['Studio cache purge', 'Bob', '用户', '有效'],
      ['Studio token reader', 'Bob', 'Bob Studio', '有效'],
    ]);
    // The permissions are listed as Chinese lists them; the group names stay as Cloudflare sends them.
    const listed = await inChinese(['tokens', '--search', 'except internal']);
    expect(listed.stdout).toMatch(
      /^Acme zones except internal\t.*\t(DNS Read、Zone Read|Zone Read、DNS Read)\t/mu,
    );
    const none = await inChinese(['tokens', '--search', 'no-such-words-anywhere']);
    expect(none.stderr).toContain('没有匹配的缓存令牌。');
    expect(none.stderr).not.toContain('No cached token matches');
  });

  it('syncs with Chinese progress lines', async () => {
    // Progress and timings differ from run to run: each run is checked on its own.
    for (const result of [
      await cli.run([...ZH, 'sync', '--profile', 'bob']),
      await cli.run(['sync', '--profile', 'bob'], { env: ZH_ENV }),
    ]) {
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^Bob：\d+\/\d+ 个请求$/mu);
      expect(result.stderr).toMatch(/^Bob：已同步，用时 [\d.]+ 秒（\d+ 个请求）$/mu);
      expect(result.stderr).not.toContain('requests');
    }
  });

  it('says a token’s IP filter in Chinese, in show and in the English run alike', async () => {
    const shown = await inChinese(['show', 'Office analytics']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /IP 筛选\s+仅允许 203\.0\.113\.0\/24、2001:db8::\/32；排除 203\.0\.113\.99\/32。/u,
    );
    expect(shown.stdout).not.toMatch(/only from|not from/iu);
    const english = await cli.run(['--lang', 'en', 'show', 'Office analytics']);
    expect(english.stdout).toContain('Only from 203.0.113.0/24, 2001:db8::/32; not from 203.0.113.99/32.');
  });

  it('shows a token in Chinese, names and permission groups as Cloudflare sends them', async () => {
    const result = await inChinese(['show', 'Edit DNS acme.com']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Edit DNS acme.com\nID           a1a10000000000000000000000000002');
    expect(result.stdout).toMatch(/\n配置文件\s+Alice\n/u);
    expect(result.stdout).toMatch(
      /策略\n {2}1\. 允许 (Zone Read、DNS Write|DNS Write、Zone Read)\n\s+作用于区域 acme\.com\n/u,
    );
    expect(result.stdout).toContain('配置文件可以 编辑、轮换、删除');
    expect(result.stdout).not.toMatch(/Policies|profile may|allow/u);
  });

  it('answers can in Chinese with the deciding policy, and the same exit codes', async () => {
    const yes = await inChinese(['can', 'Edit DNS acme.com', 'edit DNS', 'acme.com']);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toMatch(/^可以\n可以：策略 1 允许它（“.*DNS Write.*”）。\n$/u);
    const no = await inChinese(['can', 'Edit DNS acme.com', 'Workers Scripts Write', 'acme.com']);
    expect(no.code).toBe(1);
    expect(no.stdout).toMatch(/^不可以\n不可以：该令牌没有“Workers Scripts Write”权限；它拥有 /u);
    const disabled = await inChinese([
      'can',
      'Personal account reader',
      'Account Settings Read',
      'Acme Corp',
    ]);
    expect(disabled.code).toBe(1);
    expect(disabled.stdout).toContain(
      '但“Personal account reader”已禁用：目前 Cloudflare 会拒绝它的所有请求。',
    );
    const unknown = await inChinese(['can', 'Edit DNS acme.com', 'DNS Read', 'nowhere.example']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('缓存中没有名为“nowhere.example”的区域或账户');
  });

  it('prints the command’s own errors in Chinese with unchanged exit codes', async () => {
    const unknown = await inChinese(['show', 'No such token']);
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('keyflare: 缓存中没有名为“No such token”的令牌。');
    expect(unknown.stderr).toContain('请用 `keyflare tokens --search <words>` 核对名称');
    expect(unknown.stderr).not.toContain('No cached token');

    const ambiguous = await inChinese(['show', 'acme.com DNS bot']);
    expect(ambiguous.code).toBe(4);
    expect(ambiguous.stderr).toContain('“acme.com DNS bot”对应 2 个令牌；请使用“配置文件/名称”或 ID。');
    expect(ambiguous.stderr).toContain('Alice/acme.com DNS bot  (ac710000000000000000000000000002)');

    const refused = await inChinese(['exec', 'Personal account reader', '--', 'true']);
    expect(refused.code).toBe(9);
    expect(refused.stderr).toContain(
      '“Personal account reader”已禁用，Cloudflare 会拒绝它。未运行任何命令。',
    );
    expect(refused.stderr).toContain('--force');

    const usage = await inChinese(['verify']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('请指定一个令牌，或使用 --all');

    const noSecret = await inChinese(['profiles', 'add', 'Empty'], '');
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('没有提供密钥。');
    expect(noSecret.stderr).not.toContain('No secret was given');
  });

  it('prints a core error in Chinese when Cloudflare cannot be reached', async () => {
    const own = cliFor(tempDir());
    const secret = sim.credential('alice-tokens-read').secret;
    await sim.stop();
    try {
      const added = await own.run([...ZH, 'profiles', 'add', 'Away', '--base-url', sim.baseUrl], {
        input: secret,
      });
      expect(added.code).toBe(6);
      expect(added.stderr).toMatch(/^keyflare: .*Cloudflare/mu);
      expect(added.stderr).toContain('请检查网络连接、VPN 或代理。');
      expect(added.stderr).not.toMatch(/Check your internet connection|Cloudflare cannot be reached/u);
      expect(added.stdout + added.stderr).not.toContain(secret);

      const failed = await cli.run([...ZH, 'sync', '--profile', 'Alice']);
      expect(failed.code).toBe(6);
      expect(failed.stderr).toMatch(/^Alice：未同步：.+[^ ]之前的快照已保留。$/mu);
    } finally {
      await sim.restart();
    }
  });

  it('prints help and commander’s parse errors in Chinese, command and option names untouched', async () => {
    const help = await inChinese(['tokens', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法： keyflare tokens [options]');
    expect(help.stdout).toContain('列出缓存的令牌（离线可用）');
    expect(help.stdout).toMatch(/--json\s+输出 JSON（有文档的稳定格式）/u);
    expect(help.stdout).toContain('示例：\n  keyflare tokens\n');
    expect(help.stdout).not.toMatch(/Examples:|list cached tokens|Options:/u);
    const english = await cli.run(['--lang', 'en', 'tokens', '--help']);
    expect(english.stdout).toContain('list cached tokens (works offline)');
    expect(english.stdout).toContain('Examples:');
    const bad = await inChinese(['tokens', '--no-such-option']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('错误：未知选项“--no-such-option”\n（加 --help 查看用法）\n');
    const choice = await inChinese(['tokens', '--filter', 'nope']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain(
      '错误：选项“-f, --filter <filter...>”的值“nope”无效。可选值为 expiring, never-used,',
    );
    const missing = await inChinese(['show']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('错误：缺少必需的参数“token”');
    const typo = await inChinese(['tokenz']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('错误：未知命令“tokenz”\n（你是不是想用 tokens？）');
    expect(`${bad.stderr}${choice.stderr}${missing.stderr}${typo.stderr}`).not.toMatch(
      /error:|Did you mean/u,
    );
    const typoInEnglish = await cli.run(['--lang', 'en', 'tokenz']);
    expect(typoInEnglish.stderr).toContain("error: unknown command 'tokenz'\n(Did you mean tokens?)");
  });
});

/**
 * The command on a terminal `columns` wide, as `script` records it; `answers` are typed, each once
 * its prompt is on the screen, as a person would.
 */
function onTerminal(
  dataDir: string,
  args: string[],
  columns: number,
  answers: [prompt: string, typed: string][] = [],
): Promise<string> {
  const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replace(/'/gu, `'\\''`)}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', `stty cols ${columns} rows 50; ${quoted}`, '/dev/null'], {
      env: { ...process.env, KEYFLARE_DATA_DIR: dataDir, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    const waiting = [...answers];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const next = waiting[0];
      if (next && out.includes(next[0])) {
        child.stdin.write(`${next[1]}\r`);
        waiting.shift();
      }
    });
    child.on('close', () => resolve(out));
  });
}

/** The terminal column where `part` starts in `line`. */
function columnOf(line: string, part: string): number {
  return stringWidth(line.slice(0, line.indexOf(part)));
}

describe.skipIf(spawnSync('script', ['--version']).status !== 0)('on a Chinese terminal', () => {
  it('lines up its columns by display width and fits the terminal', async () => {
    for (const columns of [200, 90]) {
      const screen = await onTerminal(cli.dataDir, [...ZH, 'tokens', '--profile', 'Alice'], columns);
      const lines = screen.split(/\r?\n/u).filter((line) => line.trim().length > 0);
      const header = lines[0] ?? '';
      expect(header).toMatch(/^名称\s.*\s状态\s.*\s权限\s+ID$/u);
      const rows = lines.filter((line) => /\s[0-9a-f]{32}$/u.test(line));
      expect(rows.length).toBeGreaterThan(5);
      // Every row's id starts in the column where the header says ID; every status under 状态.
      for (const row of rows) {
        expect(columnOf(row, row.slice(-32)), row).toBe(columnOf(header, 'ID'));
        expect(columnOf(row, row.match(/有效|已禁用|已过期/u)?.[0] ?? '?'), row).toBe(
          columnOf(header, '状态'),
        );
      }
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      expect(screen).toContain('14 个令牌');
    }
  });

  it('asks for the credential and a confirmation in Chinese, and takes 是 for yes', async () => {
    const own = cliFor(tempDir());
    const secret = sim.credential('alice-tokens-read').secret;
    const added = await onTerminal(
      own.dataDir,
      [...ZH, 'profiles', 'add', '审计', '--base-url', sim.baseUrl],
      100,
      [['API 令牌：', secret]],
    );
    expect(added).toContain('*****');
    expect(added).toContain('已添加配置文件“审计”（用户令牌');
    expect(added).not.toContain(secret);
    const kept = await onTerminal(own.dataDir, [...ZH, 'profiles', 'remove', '审计'], 100, [['[y/N]', 'n']]);
    expect(kept).toContain('要删除配置文件“审计”及其缓存的令牌、历史记录和钥匙串条目吗？ [y/N]');
    expect(kept).toContain('未删除任何内容。');
    const removed = await onTerminal(own.dataDir, [...ZH, 'profiles', 'remove', '审计'], 100, [
      ['[y/N]', '是'],
    ]);
    expect(removed).toContain('已删除配置文件“审计”及其钥匙串条目。');
    expect((await own.run(['profiles', '--json'])).stdout).toContain('"profiles": []');
  });
});
