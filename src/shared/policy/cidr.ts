/**
 * IP filter entries: checks an IPv4/IPv6 CIDR range or a bare address, with ipaddr.js.
 *
 * Choices, and why:
 * - A bare address is accepted and written with its full-length prefix (/32 for IPv4, /128 for
 *   IPv6). Cloudflare's schema (iam_cidr_list) documents the list as "IPv4/IPv6 CIDR" and its
 *   docs say to "define ranges with CIDR notation", while the dashboard invites "IP addresses or
 *   ranges". Sending the explicit prefix follows the documented format instead of relying on the
 *   API to accept a bare address, and means exactly the one address the user typed.
 * - Host bits after the prefix are allowed (203.0.113.7/24): Cloudflare's own schema example
 *   uses "123.123.123.100/24", and the range it covers is unambiguous.
 * - IPv4 must be four plain decimal parts. ipaddr.js also parses legacy forms ("127.1",
 *   "0x7f.0.0.1", octal), which a person almost never means and which no documented Cloudflare
 *   example uses.
 * - IPv6 zone ids ("fe80::1%eth0") are refused: they name an interface on one machine, which means
 *   nothing to Cloudflare.
 */
import ipaddr from 'ipaddr.js';
import { msg, type Message } from '../i18n/message';

export type IpFamily = 'ipv4' | 'ipv6';

/**
 * The outcome of checking one entry: the CIDR to send, or a message naming the bad value
 * (`validation.ip.*`, the value as typed in its parameters; `englishMessage` for a log).
 */
export type CidrCheck = { ok: true; cidr: string; family: IpFamily } | { ok: false; message: Message };

const PREFIX_PATTERN = /^(0|[1-9][0-9]{0,2})$/u;
const MAX_PREFIX: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

function notAnAddress(value: string): CidrCheck {
  return { ok: false, message: msg('validation.ip.notAddress', { value }) };
}

function familyOf(address: string): IpFamily | null {
  if (address.includes(':')) {
    return !address.includes('%') && ipaddr.IPv6.isValid(address) ? 'ipv6' : null;
  }
  return ipaddr.IPv4.isValidFourPartDecimal(address) ? 'ipv4' : null;
}

/** Checks one IP filter entry and gives the CIDR form Keyflare sends to Cloudflare. */
export function checkCidr(input: string): CidrCheck {
  const value = input.trim();
  if (value === '') return { ok: false, message: msg('validation.ip.empty') };

  const parts = value.split('/');
  if (parts.length > 2) return notAnAddress(value);
  const [address = '', prefixText] = parts;

  const family = familyOf(address);
  if (family === null) return notAnAddress(value);

  if (prefixText === undefined) return { ok: true, cidr: `${address}/${MAX_PREFIX[family]}`, family };

  const max = MAX_PREFIX[family];
  if (!PREFIX_PATTERN.test(prefixText) || Number(prefixText) > max) {
    return {
      ok: false,
      message: msg('validation.ip.badPrefix', { value, prefix: prefixText, family, max }),
    };
  }
  return { ok: true, cidr: `${address}/${prefixText}`, family };
}
