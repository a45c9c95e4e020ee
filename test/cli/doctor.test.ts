/**
 * `keyflare doctor`: a secret on stdin, diagnosed by kind — cfut_, cfat_, cfk_ and the older
 * format — verified at the right endpoint, matched to its cached token; an unknown secret is
 * "invalid". The secret never appears in output, argv or the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator } from '../support/test-simulator';
import { logText, startedCommandLines, type Cli } from './support/cli-harness';
import { demoFolder, removeAll } from './support/world';

const sim = await startTestSimulator({ scenario: 'demo' });
const ACME = 'acc00000000000000000000000000002';

let cli: Cli;
beforeAll(async () => {
  cli = await demoFolder(sim);
}, 60_000);
afterAll(async () => {
  await removeAll(cli);
});

const given: string[] = [];
async function doctor(secret: string, ...args: string[]) {
  given.push(secret);
  const result = await cli.run(['doctor', ...args], { input: `${secret}\n` });
  expect(result.stdout + result.stderr).not.toContain(secret);
  return result;
}

describe('keyflare doctor', () => {
  it('verifies a cfut_ user token at the user endpoint and finds its token, policies and manager', async () => {
    sim.control.resetLog();
    const result = await doctor(sim.credential('alice-dns-acme').secret);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kind: a user API token (cfut_).');
    expect(result.stdout).toContain('Cloudflare: active');
    expect(result.stdout).toContain(
      'Token: “Edit DNS acme.com” (a1a10000000000000000000000000002), a user token.',
    );
    expect(result.stdout).toMatch(/Can:\n {2}.*DNS Write.* on zone acme.com/u);
    expect(result.stdout).toContain('! never expires');
    expect(result.stdout).toContain('Manage: profile “Alice” can roll and delete it.');
    expect(sim.control.requestLog().map((entry) => entry.path)).toEqual(['/client/v4/user/tokens/verify']);
  });

  it('verifies a cfat_ token at the accounts the profiles know, and names every profile that can manage it', async () => {
    const result = await doctor(sim.credential('acme-dns-bot').secret, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      kind: string;
      verified: { outcome: string; at: string };
      tokens: { profile: { label: string }; allowed: { roll: boolean } }[];
    };
    expect(json.kind).toBe('account_token');
    expect(json.verified).toMatchObject({ outcome: 'active', at: `account ${ACME}` });
    expect(json.tokens.map((t) => `${t.profile.label}:${String(t.allowed.roll)}`).sort()).toEqual([
      'Alice:true',
      'Bob:true',
    ]);
  });

  it('tells a cfk_ Global API Key apart and sends it nowhere', async () => {
    sim.control.resetLog();
    const result = await doctor(sim.credential('bob-global-key').secret);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Kind: a Global API Key (cfk_).');
    expect(result.stdout).toContain('no token verify endpoint takes it');
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('verifies an older secret without prefix at the user endpoint', async () => {
    const result = await doctor(sim.credential('alice-legacy').secret);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kind: an API token in the older format');
    expect(result.stdout).toContain('Token: “Legacy token (no prefix)”');
  });

  it('says an unknown secret is invalid with exit 1, as Cloudflare answers for an expired one too', async () => {
    const unknown = await doctor('cfut_thisIsNotAKnownToken000000000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('Cloudflare: invalid');
    expect(unknown.stdout).toContain('No cached token matches');
    const expired = await doctor(sim.credential('alice-expired').secret);
    expect(expired.code).toBe(1);
    // Cloudflare answers 401 alike for expired, disabled and unknown secrets; without the id
    // Keyflare cannot tell them apart, and says what the answer can mean.
    expect(expired.stdout).toContain('Cloudflare: invalid');
    expect(expired.stdout).toContain('Asked at: the user endpoint, through profile “Alice”.');
    const garbage = await doctor('short');
    expect(garbage.code).toBe(2);
  });

  it('never puts a secret into argv or the log', () => {
    const argv = startedCommandLines.flat().join('\n');
    const log = logText(cli.dataDir);
    for (const secret of given) {
      expect(argv).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });
});
