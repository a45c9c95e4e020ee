import { describe, expect, it } from 'vitest';
import { buildVerifyCurl } from '../../src/shared/curl';
import { AppError } from '../../src/shared/errors';

const BASE = 'https://api.cloudflare.com/client/v4';
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const SECRET = 'cfut_8M7wS6hCpXVc-DoRnPPY_UCWPgy8aea4Wy6kCe5T';

describe('buildVerifyCurl', () => {
  it('verifies a user token at /user/tokens/verify', () => {
    expect(buildVerifyCurl({ baseUrl: BASE, kind: 'user', accountId: null, secret: SECRET })).toBe(
      `curl "https://api.cloudflare.com/client/v4/user/tokens/verify" -H "Authorization: Bearer ${SECRET}"`,
    );
  });

  it('verifies an account-owned token only at its account', () => {
    expect(
      buildVerifyCurl({
        baseUrl: BASE,
        kind: 'account',
        accountId: ACCOUNT,
        secret: 'cfat_abcDEF123-_.~+/=',
      }),
    ).toBe(
      `curl "https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/tokens/verify" -H "Authorization: Bearer cfat_abcDEF123-_.~+/="`,
    );
  });

  it('refers to $CLOUDFLARE_API_TOKEN in double quotes when the secret is not to be copied', () => {
    expect(buildVerifyCurl({ baseUrl: BASE, kind: 'user', accountId: null, secret: null })).toBe(
      'curl "https://api.cloudflare.com/client/v4/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"',
    );
  });

  it('trims trailing slashes from the base URL and keeps a loopback simulator URL', () => {
    expect(buildVerifyCurl({ baseUrl: `${BASE}///`, kind: 'user', accountId: null, secret: null })).toBe(
      'curl "https://api.cloudflare.com/client/v4/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"',
    );
    expect(
      buildVerifyCurl({
        baseUrl: 'http://127.0.0.1:8787/client/v4/',
        kind: 'account',
        accountId: ACCOUNT,
        secret: null,
      }),
    ).toBe(
      `curl "http://127.0.0.1:8787/client/v4/accounts/${ACCOUNT}/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`,
    );
  });

  it('refuses an account-owned token without its account id', () => {
    expect(() =>
      buildVerifyCurl({ baseUrl: BASE, kind: 'account', accountId: null, secret: SECRET }),
    ).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringContaining('account id is missing'),
      }),
    );
  });

  it.each([
    'abc"; rm -rf ~; echo "',
    'abc$(touch /tmp/pwned)',
    'abc`id`',
    'abc\\"',
    'abc!!',
    'abc def',
    'abc\nid',
    "abc'x",
    '',
  ])('refuses a secret that could break out of the quotes: %j', (secret) => {
    const build = () => buildVerifyCurl({ baseUrl: BASE, kind: 'user', accountId: null, secret });
    expect(build).toThrow(AppError);
    expect(build).toThrow('The token secret has characters that cannot go into a shell command.');
  });

  it('never repeats the refused secret in the error', () => {
    const secret = 'cfut_canary"$(whoami)';
    expect(() => buildVerifyCurl({ baseUrl: BASE, kind: 'user', accountId: null, secret })).toThrowError(
      expect.objectContaining({ message: expect.not.stringContaining('canary') }),
    );
  });

  it.each([`${ACCOUNT}"; id; "`, '$(id)', '../../user', `${ACCOUNT}/x`])(
    'refuses the account id %j',
    (accountId) => {
      expect(() => buildVerifyCurl({ baseUrl: BASE, kind: 'account', accountId, secret: null })).toThrow(
        'The account id has characters that cannot go into a shell command.',
      );
    },
  );

  it.each([
    'https://api.cloudflare.com/client/v4"; id; "',
    'https://$(id).example',
    'ftp://api.cloudflare.com',
    'https://x.test/`id`',
  ])('refuses the base URL %j', (baseUrl) => {
    expect(() => buildVerifyCurl({ baseUrl, kind: 'user', accountId: null, secret: null })).toThrow(
      'The API base URL has characters that cannot go into a shell command.',
    );
  });
});
