import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { checkCidr as checkCidrMessage, type CidrCheck } from '../../../src/shared/policy/cidr';

/** The check with its problem in English, as a log says it. */
function checkCidr(input: string): Exclude<CidrCheck, { ok: false }> | { ok: false; message: string } {
  const check = checkCidrMessage(input);
  return check.ok ? check : { ok: false, message: englishMessage(check.message) };
}

describe('checkCidr', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.0/24', 'ipv4'],
    [' 198.51.100.7/32 ', '198.51.100.7/32', 'ipv4'],
    ['0.0.0.0/0', '0.0.0.0/0', 'ipv4'],
    ['2001:db8::/32', '2001:db8::/32', 'ipv6'],
    ['2606:4700:4700::1111/128', '2606:4700:4700::1111/128', 'ipv6'],
    ['::ffff:203.0.113.9/128', '::ffff:203.0.113.9/128', 'ipv6'],
    // Cloudflare's own schema example keeps host bits after the prefix.
    ['123.123.123.100/24', '123.123.123.100/24', 'ipv4'],
  ] as const)('accepts %s', (input, cidr, family) => {
    expect(checkCidr(input)).toEqual({ ok: true, cidr, family });
  });

  it('writes a bare address as exactly that one address', () => {
    expect(checkCidr('198.51.100.7')).toEqual({ ok: true, cidr: '198.51.100.7/32', family: 'ipv4' });
    expect(checkCidr('2001:db8::1')).toEqual({ ok: true, cidr: '2001:db8::1/128', family: 'ipv6' });
  });

  it.each([
    '10.0.0.256/8',
    '10.0.0/8',
    '127.1',
    '0x7f.0.0.1',
    '010.0.0.1',
    'example.com',
    '2001:db8:::1/64',
    'fe80::1%eth0',
    '10.0.0.0/8/8',
    '1.2.3.4/ 8',
  ])('refuses %s and names it', (input) => {
    const check = checkCidr(input);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ message: expect.stringContaining(`"${input.trim()}"`) });
  });

  it('says which prefix lengths the family allows', () => {
    expect(checkCidr('10.0.0.0/33')).toEqual({
      ok: false,
      message: '"10.0.0.0/33" has prefix /33, but an IPv4 range is /0 to /32',
    });
    expect(checkCidr('2001:db8::/129')).toEqual({
      ok: false,
      message: '"2001:db8::/129" has prefix /129, but an IPv6 range is /0 to /128',
    });
    expect(checkCidr('10.0.0.0/08').ok).toBe(false);
  });

  it('refuses an empty entry', () => {
    expect(checkCidr('   ')).toEqual({ ok: false, message: 'an IP address or range is empty' });
  });
});
