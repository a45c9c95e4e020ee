/**
 * request_ip conditions: parsing IPv4/IPv6 addresses and CIDRs, and checking a caller.
 *
 * IPv4 must be four-part decimal (ipaddr.js alone would accept "10" or hex forms that the
 * dashboard refuses). A bare address counts as a /32 or /128.
 */
import ipaddr from 'ipaddr.js';
import type { RequestIpCondition } from './model';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses an address or CIDR; null when it is not one. */
export function parseCidr(text: string): Range | null {
  if (text.includes('%')) return null;
  if (text.includes('/')) {
    if (ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return ipaddr.IPv4.parseCIDR(text);
    if (text.includes(':') && ipaddr.IPv6.isValidCIDR(text)) return ipaddr.IPv6.parseCIDR(text);
    return null;
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return [ipaddr.IPv4.parse(text), 32];
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return [ipaddr.IPv6.parse(text), 128];
  return null;
}

/** Normalises a socket address (IPv4-mapped IPv6 becomes IPv4). */
export function normaliseIp(text: string): string {
  return ipaddr.isValid(text) ? ipaddr.process(text).toString() : text;
}

function matchesAny(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly string[]): boolean {
  return ranges.some((text) => {
    const range = parseCidr(text);
    return range !== null && range[0].kind() === address.kind() && address.match(range);
  });
}

/** Whether the condition lets this client address use the token. */
export function ipAllowed(condition: RequestIpCondition | null, clientIp: string): boolean {
  if (condition === null) return true;
  if (condition.in.length === 0 && condition.not_in.length === 0) return true;
  if (!ipaddr.isValid(clientIp)) return false;
  const address = ipaddr.process(clientIp);
  if (condition.in.length > 0 && !matchesAny(address, condition.in)) return false;
  return !matchesAny(address, condition.not_in);
}
