/**
 * A curl command copied in the sandbox says it is a sample and names the sandbox's address; a
 * real profile's command is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { buildVerifyCurl, SANDBOX_CURL_NOTE } from '../../../src/shared/curl';
import { isSandboxBaseUrl, SANDBOX_BASE_URL } from '../../../src/shared/sandbox/sandbox-address';

describe('the sandbox curl command', () => {
  it('opens with a line saying it is a sample, then the call to the sandbox address', () => {
    const text = buildVerifyCurl({ baseUrl: SANDBOX_BASE_URL, kind: 'user', accountId: null, secret: null });
    const [note, command] = text.split('\n');
    expect(note).toBe(SANDBOX_CURL_NOTE);
    expect(note).toMatch(/^# Sample from Keyflare's sandbox/u);
    expect(command).toBe(
      'curl "https://sandbox.keyflare.invalid/client/v4/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"',
    );
    expect(text).not.toContain('api.cloudflare.com');
  });

  it('names the account for an account-owned token there too', () => {
    const text = buildVerifyCurl({
      baseUrl: `${SANDBOX_BASE_URL}/`,
      kind: 'account',
      accountId: 'acc00000000000000000000000000002',
      secret: 'cfat_sample',
    });
    expect(text.split('\n')[1]).toBe(
      'curl "https://sandbox.keyflare.invalid/client/v4/accounts/acc00000000000000000000000000002/tokens/verify" -H "Authorization: Bearer cfat_sample"',
    );
  });

  it('leaves a real profile’s command as one line without a note', () => {
    const text = buildVerifyCurl({
      baseUrl: 'https://api.cloudflare.com/client/v4',
      kind: 'user',
      accountId: null,
      secret: null,
    });
    expect(text).not.toContain('\n');
    expect(text).not.toContain('sandbox');
  });

  it('tells the sandbox address apart from look-alikes', () => {
    expect(isSandboxBaseUrl('https://sandbox.keyflare.invalid/client/v4')).toBe(true);
    expect(isSandboxBaseUrl('https://sandbox.keyflare.invalid.example.com/client/v4')).toBe(false);
    expect(isSandboxBaseUrl('http://sandbox.keyflare.invalid/client/v4')).toBe(false);
    expect(isSandboxBaseUrl('not a url')).toBe(false);
  });
});
