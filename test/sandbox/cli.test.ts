/**
 * The `npm run sim` entry: starts, prints the base URL and fixture credentials, serves, stops.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../scripts/sim.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

describe('cli', () => {
  it('prints the base URL and demo credentials, serves the API, and exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [TSX, CLI, '--scenario', 'demo', '--port', '0', '--latency', '5', '--jitter', '1'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl+C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`cli exited early (${String(code)}):\n${output}`)));
    });
    const baseUrl = /base URL:\s+(\S+)/u.exec(output)?.[1] ?? '';
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/u);
    expect(output).toMatch(/alice-manager\s+user_token\s+cfut_demoAliceManager0+/u);
    expect(output).toMatch(/acme-account-manager\s+account_token\s+cfat_/u);
    expect(output).toMatch(/alice-global-key\s+global_key\s+a11ce0+d email=alice@example\.com/u);
    const verify = await fetch(`${baseUrl}/user/tokens/verify`, {
      headers: { authorization: 'Bearer cfut_demoAliceManager000000000000000000000000' },
    });
    expect(verify.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('fails with a readable message for a broken scenario file', async () => {
    const child = spawn(
      process.execPath,
      [TSX, CLI, '--scenario', '/nonexistent/scenario.json', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot read scenario file /nonexistent/scenario.json');
  });
});
