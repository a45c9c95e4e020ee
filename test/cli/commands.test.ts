/**
 * The `keyflare` command as a user runs it: the built bundle in a child process, against the
 * simulator and the real keychain of the test's keyring session. Every command, its exit codes,
 * and bad input that must fail clearly and change nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator } from '../support/test-simulator';
import { CLI, cliFor, logText, tempDir, type Cli } from './support/cli-harness';
import { addViaCli, demoFolder, keepSecrets, parseTokens, removeAll } from './support/world';

const sim = await startTestSimulator({ scenario: 'demo' });
const ACME = 'acc00000000000000000000000000002';

let cli: Cli;
beforeAll(async () => {
  cli = await demoFolder(sim);
  await keepSecrets(
    cli,
    sim,
    'Alice',
    ['alice-dns-acme', 'alice-account-reader', 'acme-dns-bot'],
    ['alice-account-reader'],
  );
}, 60_000);
afterAll(async () => {
  await removeAll(cli);
});

describe('profiles', () => {
  it('lists the profiles as a table and as JSON', async () => {
    const table = await cli.run(['profiles']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Alice\tuser token\talice@example.com\t/mu);
    const json = JSON.parse((await cli.run(['profiles', '--json'])).stdout) as {
      profiles: { label: string }[];
    };
    expect(json.profiles.map((p) => p.label)).toEqual(['Alice', 'Bob']);
  });

  it('adds a profile from stdin without echoing the secret, and refuses a secret given as an argument', async () => {
    const own = cliFor(tempDir());
    const secret = sim.credential('alice-tokens-read').secret;
    const added = await own.run(['profiles', 'add', 'Auditor', '--base-url', sim.baseUrl], { input: secret });
    expect(added.code).toBe(0);
    expect(added.stdout + added.stderr).not.toContain(secret);
    const inArgv = await own.run(['profiles', 'add', 'Again', '--token', secret]);
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain("unknown option '--token'");
    const nothing = await own.run(['profiles', 'add', 'Empty', '--base-url', sim.baseUrl], { input: '' });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('No secret was given');
    expect(JSON.parse((await own.run(['profiles', '--json'])).stdout)).toMatchObject({
      profiles: [{ label: 'Auditor' }],
    });
    await removeAll(own);
  });

  it('renames, and removes only with --yes when nobody can be asked', async () => {
    const own = cliFor(tempDir());
    await addViaCli(own, sim, 'Temp', 'alice-tokens-read');
    expect((await own.run(['profiles', 'rename', 'temp', 'Renamed'])).stdout).toContain(
      'Renamed “Temp” to “Renamed”',
    );
    const unconfirmed = await own.run(['profiles', 'remove', 'Renamed']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('needs confirmation: add --yes');
    expect((await own.run(['profiles'])).stdout).toContain('Renamed');
    expect((await own.run(['profiles', 'remove', 'Renamed', '--yes'])).code).toBe(0);
    expect((await own.run(['profiles', '--json'])).stdout).toContain('"profiles": []');
    expect((await own.run(['profiles', 'remove', 'Renamed', '--yes'])).code).toBe(3);
  });
});

describe('sync and tokens', () => {
  it('syncs one profile with plain progress lines when stderr is not a terminal', async () => {
    const result = await cli.run(['sync', '--profile', 'bob']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Bob: \d+\/\d+ requests$/mu);
    expect(result.stderr).toMatch(/^Bob: synced in [\d.]+ s \(\d+ requests\)$/mu);
    expect(result.stderr).not.toContain('Alice');
  });

  it('prints the documented JSON schema', async () => {
    const result = await cli.run(['tokens', '--json']);
    expect(result.code).toBe(0);
    const { version, tokens } = parseTokens(result.stdout);
    expect(version).toBe(1);
    expect(tokens).toHaveLength(21);
    const bot = tokens.find((t) => t.name === 'acme.com DNS bot' && t.profile.label === 'Alice');
    expect(bot).toMatchObject({
      id: 'ac710000000000000000000000000002',
      kind: 'account',
      account: { id: ACME, name: 'Acme Corp' },
      status: 'active',
      permissions: ['DNS Write'],
      resources: ['zone acme.com'],
      ipFilter: null,
      secretKept: true,
    });
    expect(Object.keys(bot ?? {})).toEqual([
      'id',
      'name',
      'profile',
      'kind',
      'account',
      'status',
      'issuedOn',
      'modifiedOn',
      'lastUsedOn',
      'notBefore',
      'expiresOn',
      'permissions',
      'resources',
      'summary',
      'ipFilter',
      'secretKept',
      'isProfileCredential',
      'lastVerify',
      'warnings',
    ]);
  });

  it('writes the same JSON into a file as into a pipe, and a reader that leaves early is no error', async () => {
    const piped = (await cli.run(['tokens', '--json'])).stdout;
    const folder = tempDir();
    const file = path.join(folder, 'tokens.json');
    const env = { ...process.env, KEYFLARE_DATA_DIR: cli.dataDir, NO_COLOR: '1' };
    const quoted = (args: string[]): string => args.map((a) => `'${a.replace(/'/gu, "'\\''")}'`).join(' ');
    const command = quoted([process.execPath, CLI, 'tokens', '--json']);
    const toFile = spawnSync('bash', ['-c', `${command} > ${quoted([file])}`], { env, encoding: 'utf8' });
    expect(toFile.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(piped);
    // `true` has gone long before the command writes: its first write meets a closed pipe.
    const early = spawnSync('bash', ['-c', `${command} | true; echo "exit \${PIPESTATUS[0]}" >&2`], {
      env,
      encoding: 'utf8',
    });
    expect(early.stderr).toBe('exit 0\n');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('prints a whole document from what is left when the list meets a damaged cache page', async () => {
    const own = cliFor(tempDir());
    fs.cpSync(cli.dataDir, own.dataDir, { recursive: true });
    const labels = async (): Promise<string[]> =>
      (
        JSON.parse((await own.run(['profiles', '--json'])).stdout) as { profiles: { label: string }[] }
      ).profiles.map((p) => p.label);
    const file = path.join(own.dataDir, 'keyflare-cache.sqlite');
    const bytes = fs.readFileSync(file);
    // Same length and header, garbage from the third page on: only a read of those pages sees it.
    bytes.fill(0x5a, bytes.readUInt16BE(16) * 2);
    fs.writeFileSync(file, bytes);
    const result = await own.run(['tokens', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ version: 1, tokens: [] });
    expect(
      fs.readdirSync(own.dataDir).some((name) => name.startsWith('keyflare-cache.sqlite.corrupt-')),
    ).toBe(true);
    // The profiles live in their own file and survive; what the cache held comes back with a sync.
    expect(await labels()).toEqual(['Alice', 'Bob']);
  });

  it('filters by profile, account, search words and each filter', async () => {
    const names = async (...args: string[]) =>
      parseTokens((await cli.run(['tokens', '--json', ...args])).stdout).tokens.map(
        (t) => `${t.profile.label}/${t.name}`,
      );
    expect(await names('--filter', 'disabled')).toEqual([
      'Alice/Old deploy token',
      'Alice/Personal account reader',
      'Alice/Retired DNS reader',
      'Bob/Retired DNS reader',
    ]);
    expect(await names('--filter', 'expired', '--profile', 'Alice')).toEqual([
      'Alice/CI token 2024',
      'Alice/Personal zone reader 2024',
    ]);
    expect(await names('--search', 'dns write', '--profile', 'bob')).toEqual([
      'Bob/acme-shop.com DNS',
      'Bob/acme.com DNS bot',
    ]);
    // Owned by the account, or reaching it (the manager's policies cover every account).
    expect(await names('--account', 'Bob Studio')).toEqual([
      'Bob/Keyflare manager (bob)',
      'Bob/Studio cache purge',
      'Bob/Studio token reader',
    ]);
    expect(await names('--filter', 'no-ip', '--filter', 'broad-write', '--profile', 'Alice')).toEqual([
      'Alice/Keyflare manager (alice)',
    ]);
    expect(await names('--filter', 'no-ip', '--profile', 'Alice')).not.toContain('Alice/Office analytics');
    // Search looks where the window's search box looks, the IP filter included.
    expect(await names('--search', '203.0.113.0/24')).toEqual(['Alice/Office analytics']);
    const bad = await cli.run(['tokens', '--filter', 'shiny']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are expiring, never-used');
  });

  it('prints CSV with a header, quoting, and tab-separated rows off a terminal', async () => {
    const csv = (await cli.run(['tokens', '--csv', '--profile', 'Alice', '--search', 'acme.com'])).stdout;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,name,profile,kind,account,status,expires_on,last_used_on,permissions,resources,ip_filter,secret_kept,warnings',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^a1a10000000000000000000000000002,Edit DNS acme.com,Alice,user,,active,,,"Zone Read, DNS Write"|^a1a10000000000000000000000000002,Edit DNS acme.com,Alice,user,,active,,,"DNS Write, Zone Read"/u,
      ),
    );
    const plain = (await cli.run(['tokens', '--profile', 'Bob', '--search', 'studio'])).stdout
      .trimEnd()
      .split('\n');
    expect(plain.map((line) => line.split('\t').slice(0, 4))).toEqual([
      ['Studio cache purge', 'Bob', 'user', 'active'],
      ['Studio token reader', 'Bob', 'Bob Studio', 'active'],
    ]);
  });

  it('works offline from the cache, and a sync that cannot reach Cloudflare fails clearly and keeps it', async () => {
    const before = (await cli.run(['tokens', '--json'])).stdout;
    await sim.stop();
    try {
      const offline = await cli.run(['tokens', '--json']);
      expect(offline.code).toBe(0);
      expect(offline.stdout).toBe(before);
      const failed = await cli.run(['sync', '--profile', 'Alice']);
      expect(failed.code).toBe(6);
      expect(failed.stderr).toMatch(/Alice: not synced: .+ The previous snapshot is kept\./u);
      expect((await cli.run(['tokens', '--json'])).stdout).toBe(before);
    } finally {
      await sim.restart();
    }
  });
});

describe('show, verify and curl', () => {
  it('shows a token by name, profile/name or id, with policies, warnings and what the profile may do', async () => {
    for (const ref of ['Edit DNS acme.com', 'alice/Edit DNS acme.com', 'a1a10000000000000000000000000002']) {
      const result = await cli.run(['show', ref]);
      expect(result.code, ref).toBe(0);
      expect(result.stdout).toContain('Edit DNS acme.com\nid           a1a10000000000000000000000000002');
      expect(result.stdout).toMatch(
        /1\. allow (Zone Read, DNS Write|DNS Write, Zone Read)\n\s+on zone acme.com/u,
      );
      expect(result.stdout).toContain('! never expires');
      expect(result.stdout).toContain('profile may edit, roll, delete');
    }
    const json = JSON.parse((await cli.run(['show', 'Acme zones except internal', '--json'])).stdout) as {
      token: { policies: { effect: string }[] };
    };
    expect(json.token.policies.map((p) => p.effect).sort()).toEqual(['allow', 'deny']);
  });

  it('words warnings in the chosen language, and --json keeps their English sentence with the key', async () => {
    const zh = await cli.run(['show', 'Edit DNS acme.com', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('! 永不过期');
    expect(zh.stdout).not.toContain('never expires');
    const json = JSON.parse(
      (await cli.run(['show', 'Edit DNS acme.com', '--json', '--lang', 'zh-CN'])).stdout,
    ) as {
      token: { warnings: { kind: string; message: string; key: string }[] };
    };
    expect(json.token.warnings).toContainEqual(
      expect.objectContaining({
        kind: 'no_expiry',
        message: 'never expires',
        key: 'insights.warning.noExpiry',
      }),
    );
  });

  it('lists the candidates of an ambiguous name and exits 4; an unknown token exits 3', async () => {
    const ambiguous = await cli.run(['show', 'acme.com DNS bot']);
    expect(ambiguous.code).toBe(4);
    expect(ambiguous.stderr).toContain('“acme.com DNS bot” names 2 tokens; use profile/name or the id.');
    expect(ambiguous.stderr).toContain('Alice/acme.com DNS bot  (ac710000000000000000000000000002)');
    expect(ambiguous.stderr).toContain('Bob/acme.com DNS bot  (ac710000000000000000000000000002)');
    expect((await cli.run(['show', 'Bob/acme.com DNS bot'])).code).toBe(0);
    const sharedId = await cli.run(['show', 'ac710000000000000000000000000002']);
    expect(sharedId.code).toBe(4);
    const unknown = await cli.run(['show', 'No such token']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('No cached token is called “No such token”.');
    expect(unknown.stdout).toBe('');
  });

  it('verifies kept secrets at the right endpoint: exit 0 only when all are active', async () => {
    const one = await cli.run(['verify', 'Alice/acme.com DNS bot']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^✓ active {2}Alice\/acme.com DNS bot/u);
    expect(
      sim.control.requestLog().some((entry) => entry.path.endsWith(`/accounts/${ACME}/tokens/verify`)),
    ).toBe(true);
    const disabled = await cli.run(['verify', 'Personal account reader']);
    expect(disabled.code).toBe(1);
    expect(disabled.stdout).toContain('✗ disabled');
    expect(disabled.stdout).toContain('Cloudflare refused the secret because the token is disabled');
    const chinese = await cli.run(['--lang', 'zh-CN', 'verify', 'Personal account reader']);
    expect(chinese.stdout).toContain('Cloudflare 拒绝了此密钥，因为令牌已禁用');
    expect(chinese.stdout).not.toContain('refused the secret');
    const all = JSON.parse((await cli.run(['verify', '--all', '--profile', 'Alice', '--json'])).stdout) as {
      allActive: boolean;
      results: { name: string; outcome: string; message: string; key: string }[];
    };
    expect(all.allActive).toBe(false);
    // --json keeps its English sentence (a stable schema), with the message's key beside it.
    expect(all.results.find((r) => r.name === 'Personal account reader')).toMatchObject({
      message: expect.stringMatching(/^Cloudflare refused the secret because the token is disabled/u),
      key: 'verify.refused.disabled',
    });
    expect(all.results.map((r) => `${r.name}:${r.outcome}`).sort()).toEqual([
      'Edit DNS acme.com:active',
      'Personal account reader:disabled',
      'acme.com DNS bot:active',
    ]);
    expect((await cli.run(['verify', '--all', '--profile', 'Alice'])).code).toBe(1);
    const noSecret = await cli.run(['verify', 'Token auditor']);
    expect(noSecret.code).toBe(3);
    expect(noSecret.stderr).toContain('doesn’t hold this token’s secret');
    expect((await cli.run(['verify'])).code).toBe(2);
  });

  it('prints the verify command with $CLOUDFLARE_API_TOKEN for each kind', async () => {
    const user = await cli.run(['curl', 'Edit DNS acme.com']);
    expect(user.stdout.trim()).toBe(
      `curl "${sim.baseUrl}/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`,
    );
    const account = await cli.run(['curl', 'Bob/acme.com DNS bot']);
    expect(account.stdout.trim()).toBe(
      `curl "${sim.baseUrl}/accounts/${ACME}/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`,
    );
  });

  it('copies the command with the secret through the clipboard tool and clears it after the delay', async () => {
    const bin = tempDir('keyflare-fake-xclip-');
    const store = path.join(bin, 'clipboard.txt');
    // A stand-in xclip: -in stores stdin, -out prints what is stored.
    fs.writeFileSync(
      path.join(bin, 'xclip'),
      `#!/bin/sh\ncase "$*" in *-in*) cat > "${store}" ;; *-out*) cat "${store}" 2>/dev/null ;; esac\n`,
      { mode: 0o755 },
    );
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, DISPLAY: ':99', WAYLAND_DISPLAY: undefined };
    const settings = await cli.run(['curl', 'Edit DNS acme.com', '--copy'], {
      env: { ...env, PATH: '/nonexistent' },
    });
    expect(settings.code).toBe(2);
    expect(settings.stderr).toContain('No clipboard is reachable');
    const copied = await cli.run(['curl', 'Edit DNS acme.com', '--copy'], { env });
    expect(copied.code, copied.stderr).toBe(0);
    const secret = sim.credential('alice-dns-acme').secret;
    expect(fs.readFileSync(store, 'utf8')).toBe(
      `curl "${sim.baseUrl}/user/tokens/verify" -H "Authorization: Bearer ${secret}"`,
    );
    expect(copied.stdout + copied.stderr).not.toContain(secret);
    expect(copied.stderr).toContain('the clipboard is cleared in 30 s');
    // The detached clearer leaves something the user copied since alone; check it clears ours.
    const clearer = spawnSync(process.execPath, [CLI, '__clear-clipboard', '0', '--verbose'], {
      input: (await import('node:crypto'))
        .createHash('sha256')
        .update(fs.readFileSync(store, 'utf8'))
        .digest('hex'),
      env: { ...process.env, ...env, WAYLAND_DISPLAY: '' },
    });
    expect(clearer.status, clearer.stderr.toString()).toBe(0);
    expect(fs.readFileSync(store, 'utf8')).toBe('');
    fs.writeFileSync(store, 'something the user copied');
    const other = spawnSync(process.execPath, [CLI, '__clear-clipboard', '0', '--verbose'], {
      input: 'a'.repeat(64),
      env: { ...process.env, ...env, WAYLAND_DISPLAY: '' },
    });
    expect(other.status).toBe(1);
    expect(fs.readFileSync(store, 'utf8')).toBe('something the user copied');
    expect(logText(cli.dataDir)).not.toContain(secret);
  });
});

describe('can', () => {
  const can = (...args: string[]) => cli.run(['can', ...args]);

  it('allows what a policy names and exits 0', async () => {
    const result = await can('Edit DNS acme.com', 'edit DNS', 'acme.com');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^yes\nYes: policy 1 allows it \(“.*DNS Write.* on zone acme.com”\)\.\n$/u);
    expect((await can('Edit DNS acme.com', 'edit DNS', 'acme.io')).code).toBe(1);
  });

  it('lets a deny policy win and names it', async () => {
    const result = await can('Acme zones except internal', 'DNS Read', 'acme-internal.org');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /No: policy \d denies it \(“deny (DNS Read, Zone Read|Zone Read, DNS Read) on zone acme-internal.org”\)/u,
    );
    expect(result.stdout).toContain('a deny wins over any allow');
    // --json keeps the English sentence and gives its message beside it, for any language.
    const json = await can('Acme zones except internal', 'DNS Read', 'acme-internal.org', '--json');
    const answer = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(answer.reason).toMatch(
      /^No: policy \d denies it \(“deny .* on zone acme-internal.org”\), and a deny wins/u,
    );
    expect(answer.reasonKey).toBe('cli.can.denied');
    expect(answer.reasonParams).toMatchObject({
      $summary: 'outcomes.policy.summary',
      '$summary.effect': 'deny',
      '$summary.$r0': 'policy.resource.zone',
      '$summary.$r0.zone': 'acme-internal.org',
    });
    const chinese = await cli.run([
      '--lang',
      'zh-CN',
      'can',
      'Acme zones except internal',
      'DNS Read',
      'acme-internal.org',
      '--json',
    ]);
    expect(chinese.stdout).toBe(json.stdout);
  });

  it('reads wildcards and account→zone nesting', async () => {
    expect((await can('Office analytics', 'Analytics Read', 'alice.dev')).code).toBe(0);
    expect((await can('Office analytics', 'account analytics read', 'Alice Personal')).code).toBe(0);
    const nested = await can('Acme zones except internal', 'read dns', 'acme.io', '--json');
    expect(JSON.parse(nested.stdout)).toMatchObject({
      allowed: true,
      decidedBy: { effect: 'allow' },
    });
    expect((await can('Acme zones except internal', 'read dns', 'alice.dev')).code).toBe(1);
  });

  it('says no for a disabled token, whatever its policies, and refuses an unknown resource', async () => {
    const disabled = await can('Old deploy token', 'Workers Scripts Write', 'Alice Personal');
    expect(disabled.code).toBe(1);
    expect(disabled.stdout).toContain('But “Old deploy token” is disabled');
    const missing = await can('Edit DNS acme.com', 'Workers Scripts Write', 'acme.com', '--json');
    expect(JSON.parse(missing.stdout)).toMatchObject({
      reason: expect.stringMatching(
        /^No: the token has no permission “Workers Scripts Write”; it has /u,
      ) as unknown,
      reasonKey: 'cli.can.noSuchPermission',
      reasonParams: { permission: 'Workers Scripts Write', $groups: 'policy.list.two' },
    });
    const unknown = await can('Edit DNS acme.com', 'edit DNS', 'nowhere.example');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('No zone or account named “nowhere.example” is in the cache');
  });
});

/** Runs the command on a pseudo-terminal (util-linux `script`), typing `input` once it started. */
function onTerminal(dataDir: string, args: string[], input: string | null, columns = 100): Promise<string> {
  const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replace(/'/gu, `'\\''`)}'`).join(' ');
  const command = `stty cols ${columns} rows 50; ${quoted}`;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, KEYFLARE_DATA_DIR: dataDir, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      // Type once the prompt is on screen, as a person would.
      if (input !== null && out.includes('API token:')) {
        child.stdin.write(`${input}\r`);
        input = null;
      }
    });
    child.on('close', () => resolve(out));
  });
}

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('on a terminal', () => {
  it('asks for the credential without echoing it, and draws a progress bar per profile', async () => {
    const own = cliFor(tempDir());
    const secret = sim.credential('alice-tokens-read').secret;
    const screen = await onTerminal(
      own.dataDir,
      ['profiles', 'add', 'Typed', '--base-url', sim.baseUrl],
      secret,
    );
    expect(screen).toContain('API token:');
    expect(screen).toContain('*****');
    expect(screen).toContain('Added profile “Typed”');
    expect(screen).not.toContain(secret);
    const synced = await onTerminal(own.dataDir, ['sync'], null);
    expect(synced).toMatch(/ Typed \[[█░]+\] \d+\/\d+ requests/u);
    expect(synced).toContain('Typed: synced');
    await removeAll(own);
  });

  it('prints the token table cut to the terminal’s width, with a header', async () => {
    const screen = await onTerminal(cli.dataDir, ['tokens', '--profile', 'Alice'], null, 100);
    const lines = screen.split(/\r?\n/u).filter((line) => line.trim().length > 0);
    // The profile (named by --profile), last used, expiry and owner make way; the permissions
    // are cut, the id never.
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+PERMISSIONS\s+ID$/u);
    expect(lines.find((line) => line.startsWith('Edit DNS acme.com'))).toMatch(
      / a1a10000000000000000000000000002$/u,
    );
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(screen).toContain('…');
    expect(screen).toContain('14 tokens');
    const wide = await onTerminal(cli.dataDir, ['tokens', '--profile', 'Alice'], null, 250);
    expect(wide.split(/\r?\n/u)[0]).toMatch(
      /^NAME\s+PROFILE\s+OWNER\s+STATUS\s+EXPIRES\s+LAST USED\s+PERMISSIONS\s+ID$/u,
    );
  });
});

describe('help, completion and errors', () => {
  it('has --help with examples for every command', async () => {
    for (const command of [
      'profiles',
      'sync',
      'tokens',
      'show',
      'verify',
      'curl',
      'exec',
      'link',
      'doctor',
      'can',
      'completion',
    ]) {
      const result = await cli.run([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain('Examples:');
    }
    expect((await cli.run(['nonsense'])).code).toBe(2);
  });

  it('prints completion scripts that the shells accept', async () => {
    const bash = await cli.run(['completion', 'bash']);
    expect(bash.stdout).toContain('complete -o default -F _keyflare keyflare');
    expect(bash.stdout).toContain("'profiles') words='add rename remove --json --help'");
    expect(spawnSync('bash', ['-n'], { input: bash.stdout }).status).toBe(0);
    const zsh = (await cli.run(['completion', 'zsh'])).stdout;
    expect(zsh).toContain('#compdef keyflare');
    const fish = (await cli.run(['completion', 'fish'])).stdout;
    expect(fish).toContain("complete -c keyflare -n '__fish_use_subcommand' -a 'tokens'");
    expect((await cli.run(['completion', 'tcsh'])).code).toBe(2);
  });

  it('says the keychain is unavailable, exits 7 and adds nothing when there is no D-Bus session', async () => {
    const own = cliFor(tempDir());
    const secret = sim.credential('alice-tokens-read').secret;
    const result = await own.run(['profiles', 'add', 'NoKeychain', '--base-url', sim.baseUrl], {
      input: secret,
      env: { DBUS_SESSION_BUS_ADDRESS: undefined, XDG_RUNTIME_DIR: '/nonexistent' },
      timeoutMs: 20_000,
    });
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/keychain/iu);
    expect(result.stderr + result.stdout).not.toContain(secret);
    expect((await own.run(['profiles', '--json'])).stdout).toContain('"profiles": []');
  });

  it('keeps colour off when NO_COLOR is set and on with FORCE_COLOR', async () => {
    const plain = await cli.run(['can', 'Edit DNS acme.com', 'edit DNS', 'acme.com']);
    expect(plain.stdout).not.toContain('\u001b[');
    const colored = await cli.run(['can', 'Edit DNS acme.com', 'edit DNS', 'acme.com'], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(colored.stdout).toContain('\u001b[32myes\u001b[39m');
  });

  it('reads the data folder from --data-dir over KEYFLARE_DATA_DIR', async () => {
    const empty = tempDir();
    const result = await cli.run(['--data-dir', empty, 'profiles', '--json', '--verbose']);
    expect(result.stdout).toContain('"profiles": []');
    expect(result.stderr).toContain(`data folder: ${empty}`);
  });

  it('refuses a data folder from a newer Keyflare with exit 8 and leaves every byte of it', async () => {
    const folder = tempDir();
    expect((await cli.run(['--data-dir', folder, 'tokens', '--json'])).code).toBe(0);
    const cache = path.join(folder, 'keyflare-cache.sqlite');
    const db = new Database(cache);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(cache);
    for (const args of [['tokens', '--json'], ['show', 'deploy'], ['profiles']]) {
      const result = await cli.run(['--data-dir', folder, ...args]);
      expect(result.code, args.join(' ')).toBe(8);
      expect(result.stderr).toContain('written by a newer version of Keyflare');
    }
    expect(fs.readFileSync(cache).equals(before)).toBe(true);
  });
});
