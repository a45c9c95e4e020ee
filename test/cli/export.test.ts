/**
 * `keyflare export`: the built command against the simulator's demo logins — Terraform that names
 * its import command, a recipe written to a file that is never overwritten by accident, a share
 * link, and clear failures for unknown tokens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator } from '../support/test-simulator';
import { tempDir, type Cli } from './support/cli-harness';
import { demoFolder, removeAll } from './support/world';

const sim = await startTestSimulator({ scenario: 'demo' });
let cli: Cli;
beforeAll(async () => {
  cli = await demoFolder(sim, false);
}, 60_000);
afterAll(async () => {
  await removeAll(cli);
});

describe('keyflare export', () => {
  it('prints Terraform by default, with the import command on stderr', async () => {
    const result = await cli.run(['export', 'Edit DNS acme.com']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('resource "cloudflare_api_token" "edit_dns_acme_com" {');
    expect(result.stdout).toContain('# DNS Write (zone scope)');
    expect(result.stderr).toContain(
      "adopt into state: terraform import cloudflare_api_token.edit_dns_acme_com '",
    );
    expect(result.stdout + result.stderr).not.toContain(sim.credential('alice-dns-acme').secret);
  });

  it('writes a recipe to a new file and refuses to overwrite it without --force', async () => {
    const file = path.join(tempDir('keyflare-export-'), 'dns.keyflare.json');
    const first = await cli.run(['export', 'Edit DNS acme.com', '--format', 'recipe', '--output', file]);
    expect(first.code, first.stderr).toBe(0);
    const written = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(written)).toMatchObject({
      format: 'keyflare-recipe',
      tokens: [{ name: 'Edit DNS acme.com' }],
    });
    fs.writeFileSync(file, 'mine');
    const again = await cli.run(['export', 'Edit DNS acme.com', '--format', 'recipe', '-o', file]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('exists already');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    const forced = await cli.run([
      'export',
      'Edit DNS acme.com',
      '--format',
      'recipe',
      '-o',
      file,
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
  });

  it('prints a share-a-request link, and fails clearly for a token it does not know', async () => {
    const share = await cli.run(['export', 'Edit DNS acme.com', '--format', 'share']);
    expect(share.code, share.stderr).toBe(0);
    expect(share.stdout.trim()).toMatch(
      /^https:\/\/dash\.cloudflare\.com\/profile\/api-tokens\?permissionGroupKeys=/u,
    );
    // What the link leaves out is said on stderr, in the run's language; the link is the same.
    const english = await cli.run(['--lang', 'en', 'export', 'Office analytics', '--format', 'share']);
    expect(english.code, english.stderr).toBe(0);
    expect(english.stderr).toContain('IP filter: allow only 203.0.113.0/24 and 2001:db8::/32.');
    const chinese = await cli.run(['--lang', 'zh-CN', 'export', 'Office analytics', '--format', 'share']);
    expect(chinese.code, chinese.stderr).toBe(0);
    expect(chinese.stderr).toContain('IP 筛选：仅允许 203.0.113.0/24和2001:db8::/32。');
    expect(chinese.stderr).not.toContain('IP filter');
    expect(chinese.stdout).toBe(english.stdout);
    const unknown = await cli.run(['export', 'no such token']);
    expect(unknown.code).toBe(3);
    const badFormat = await cli.run(['export', 'Edit DNS acme.com', '--format', 'yaml']);
    expect(badFormat.code).toBe(2);
  });
});
