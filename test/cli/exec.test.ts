/**
 * `keyflare exec`: the secret reaches the child's environment and nowhere else; exit codes and
 * signals pass through; `.keyflare.json` is found up the tree; refusals run nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator } from '../support/test-simulator';
import { folderBytes, logText, startedCommandLines, tempDir, type Cli } from './support/cli-harness';
import { demoFolder, keepSecrets, removeAll } from './support/world';

const sim = await startTestSimulator({ scenario: 'demo' });
const ACME = 'acc00000000000000000000000000002';

/** A child that prints what it received (the token only as a hash) and then does what it is told. */
const CHILD = `
const crypto = require('node:crypto');
const token = process.env.CLOUDFLARE_API_TOKEN ?? '';
const report = {
  tokenSha: token ? crypto.createHash('sha256').update(token).digest('hex') : null,
  account: process.env.CLOUDFLARE_ACCOUNT_ID ?? null,
  marker: process.env.KEYFLARE_EXEC ?? null,
  apiKey: process.env.CLOUDFLARE_API_KEY ?? null,
  argv: process.argv.slice(2),
  pid: process.pid,
};
const mode = process.argv[2];
if (mode === 'wait') {
  // Ready for SIGTERM before saying so.
  process.on('SIGTERM', () => { process.stdout.write('got SIGTERM\\n'); process.exit(42); });
  setInterval(() => undefined, 1000);
}
process.stdout.write(JSON.stringify(report) + '\\n');
if (mode === 'exit') process.exit(Number(process.argv[3]));
if (mode === 'touch') require('node:fs').writeFileSync(process.argv[3], 'ran');
`;

let cli: Cli;
let childScript: string;
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const secretOf = (label: string): string => sim.credential(label).secret;

beforeAll(async () => {
  cli = await demoFolder(sim, false);
  await keepSecrets(
    cli,
    sim,
    'Alice',
    ['alice-dns-acme', 'acme-dns-bot', 'alice-account-reader', 'alice-tokens-read'],
    ['alice-account-reader'],
  );
  childScript = path.join(tempDir('keyflare-child-'), 'child.cjs');
  fs.writeFileSync(childScript, CHILD);
}, 60_000);
afterAll(async () => {
  await removeAll(cli);
});

function report(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.split('\n')[0] ?? '') as Record<string, unknown>;
}

describe('keyflare exec', () => {
  it('puts the token (and its one account) in the child’s environment only, and passes its exit code', async () => {
    const result = await cli.run(
      ['exec', 'acme.com DNS bot', '--', process.execPath, childScript, 'exit', '7'],
      {
        env: { CLOUDFLARE_API_KEY: 'should-be-removed', CLOUDFLARE_EMAIL: 'x@example.com' },
      },
    );
    expect(result.code).toBe(7);
    expect(report(result.stdout)).toMatchObject({
      tokenSha: sha(secretOf('acme-dns-bot')),
      account: ACME,
      marker: expect.stringMatching(/^[0-9a-f-]{36}\/ac710000000000000000000000000002$/u),
      apiKey: null,
      argv: ['exit', '7'],
    });
    expect(result.stdout + result.stderr).not.toContain(secretOf('acme-dns-bot'));
  });

  it('sets CLOUDFLARE_ACCOUNT_ID for a user token reaching one account, not for one reaching several', async () => {
    const one = await cli.run(['exec', 'Edit DNS acme.com', '--', process.execPath, childScript]);
    expect(report(one.stdout)).toMatchObject({ tokenSha: sha(secretOf('alice-dns-acme')), account: ACME });
    const several = await cli.run(['exec', 'Token auditor', '--', process.execPath, childScript], {
      env: { CLOUDFLARE_ACCOUNT_ID: 'stale-from-the-shell' },
    });
    // User-scoped and account-scoped policies: the user resource names no account, Acme does.
    expect(report(several.stdout)).toMatchObject({
      tokenSha: sha(secretOf('alice-tokens-read')),
      account: ACME,
    });
  });

  it('forwards SIGTERM to the child and returns its code; a child killed by a signal gives 128 + n', async () => {
    let cliPid = 0;
    let childPid = 0;
    const secret = secretOf('alice-dns-acme');
    const commandLines: string[] = [];
    const result = await cli.run(['exec', 'Edit DNS acme.com', '--', process.execPath, childScript, 'wait'], {
      onStart: (child) => {
        cliPid = child.pid ?? 0;
        child.stdout?.on('data', (chunk: Buffer) => {
          const line = chunk.toString().split('\n')[0] ?? '';
          if (!line.startsWith('{') || childPid !== 0) return;
          childPid = Number((JSON.parse(line) as { pid: number }).pid);
          for (const pid of [cliPid, childPid])
            commandLines.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
          // The child holds the secret in its environment, the command itself does not.
          expect(fs.readFileSync(`/proc/${childPid}/environ`, 'latin1')).toContain(secret);
          expect(fs.readFileSync(`/proc/${cliPid}/environ`, 'latin1')).not.toContain(secret);
          process.kill(cliPid, 'SIGTERM');
        });
      },
    });
    expect(result.code).toBe(42);
    expect(result.stdout).toContain('got SIGTERM');
    expect(commandLines).toHaveLength(2);
    for (const line of commandLines) expect(line).not.toContain(secret);

    const killed = await cli.run(['exec', 'Edit DNS acme.com', '--', 'sh', '-c', 'kill -TERM $$']);
    expect(killed.code).toBe(143);
  });

  it('finds .keyflare.json from a subfolder, and says so clearly when it names an unknown token', async () => {
    const project = tempDir('keyflare-project-');
    const linked = await cli.run(['link', 'Alice/acme.com DNS bot'], { cwd: project });
    expect(linked.code).toBe(0);
    const file = JSON.parse(fs.readFileSync(path.join(project, '.keyflare.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(file).toMatchObject({
      tokenId: 'ac710000000000000000000000000002',
      profile: 'Alice',
      token: 'acme.com DNS bot',
    });
    expect(JSON.stringify(file)).not.toContain(secretOf('acme-dns-bot'));
    const deep = path.join(project, 'packages', 'site');
    fs.mkdirSync(deep, { recursive: true });
    const result = await cli.run(['exec', '--', process.execPath, childScript, 'exit', '0'], { cwd: deep });
    expect(result.code, result.stderr).toBe(0);
    expect(report(result.stdout)).toMatchObject({
      tokenSha: sha(secretOf('acme-dns-bot')),
      argv: ['exit', '0'],
    });

    // A long name for people is not mistaken for a secret.
    fs.writeFileSync(
      path.join(project, '.keyflare.json'),
      JSON.stringify({ ...file, token: 'deploy-token-for-production-2025-main-branch' }),
    );
    expect(
      (await cli.run(['exec', '--', process.execPath, childScript, 'exit', '0'], { cwd: deep })).code,
    ).toBe(0);

    fs.writeFileSync(
      path.join(project, '.keyflare.json'),
      JSON.stringify({ profileId: file.profileId, tokenId: 'ffff0000000000000000000000000000' }),
    );
    const unknown = await cli.run(['exec', '--', process.execPath, childScript], { cwd: deep });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(
      "names token ffff0000000000000000000000000000, which is not in this machine's cache",
    );
    expect(unknown.stdout).toBe('');

    fs.writeFileSync(
      path.join(project, '.keyflare.json'),
      JSON.stringify({ ...file, token: secretOf('acme-dns-bot') }),
    );
    const leaked = await cli.run(['exec', '--', process.execPath, childScript], { cwd: deep });
    expect(leaked.code).toBe(2);
    expect(leaked.stderr).toContain('seems to hold a secret');
    expect(leaked.stderr).not.toContain(secretOf('acme-dns-bot'));

    const nowhere = await cli.run(['exec', '--', process.execPath, childScript], { cwd: tempDir() });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('Name a token, or run inside a folder with a .keyflare.json.');
  });

  it('refuses a disabled, expired or nested run and runs nothing, unless asked', async () => {
    const marker = path.join(tempDir(), 'ran');
    const disabled = await cli.run([
      'exec',
      'Personal account reader',
      '--',
      process.execPath,
      childScript,
      'touch',
      marker,
    ]);
    expect(disabled.code).toBe(9);
    expect(disabled.stderr).toContain(
      '“Personal account reader” is disabled, so Cloudflare would refuse it. Nothing was run.',
    );
    expect(fs.existsSync(marker)).toBe(false);
    const forced = await cli.run([
      'exec',
      'Personal account reader',
      '--force',
      '--',
      process.execPath,
      childScript,
      'touch',
      marker,
    ]);
    expect(forced.code).toBe(0);
    expect(fs.existsSync(marker)).toBe(true);

    const nested = await cli.run(['exec', 'Edit DNS acme.com', '--', process.execPath, childScript], {
      env: { KEYFLARE_EXEC: 'outer/token' },
    });
    expect(nested.code).toBe(9);
    expect(nested.stderr).toContain('Already inside `keyflare exec`');
    const allowed = await cli.run(
      ['exec', 'Edit DNS acme.com', '--allow-nested', '--', process.execPath, childScript],
      {
        env: { KEYFLARE_EXEC: 'outer/token' },
      },
    );
    expect(allowed.code).toBe(0);

    const noSecret = await cli.run(['exec', 'Office analytics', '--', process.execPath, childScript]);
    expect(noSecret.code).toBe(3);
    expect(noSecret.stderr).toContain(
      'Keyflare does not keep the secret of “Office analytics”. Nothing was run.',
    );
    const missing = await cli.run(['exec', 'Edit DNS acme.com', '--', 'no-such-command-keyflare']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain('command not found: no-such-command-keyflare');
  });

  it('never writes a secret to argv, the log or the data folder', () => {
    const secrets = ['alice-dns-acme', 'acme-dns-bot', 'alice-tokens-read', 'alice-manager'].map(secretOf);
    const argv = startedCommandLines.flat().join('\n');
    const log = logText(cli.dataDir);
    const folder = folderBytes(cli.dataDir);
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(argv).not.toContain(secret);
      expect(log).not.toContain(secret);
      expect(folder).not.toContain(secret);
    }
  });
});
