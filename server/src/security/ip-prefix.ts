/** @module Coarsens an IP address to its network prefix, so sessions record a device, not a person. */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * `/24` of an IPv4 address (`203.0.113.0/24`) or `/64` of an IPv6 one (`2001:db8:1:2::/64`);
 * IPv4-mapped IPv6 counts as IPv4. `null` for anything unparseable.
 *
 * @example
 * ipPrefix('203.0.113.77') // '203.0.113.0/24'
 */
export function ipPrefix(address: string | undefined | null): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const candidate = mapped?.[1] ?? address;
  if (isIPv4(candidate)) {
    const [a, b, c] = candidate.split('.');
    return `${a}.${b}.${c}.0/24`;
  }
  const withoutZone = candidate.split('%')[0] ?? candidate;
  if (isIPv6(withoutZone)) {
    const groups = expandIPv6(withoutZone);
    if (!groups) return null;
    return `${groups
      .slice(0, 4)
      .map((group) => group.replace(/^0+(?=.)/, ''))
      .join(':')}::/64`;
  }
  return null;
}

function expandIPv6(address: string): string[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  if (tail === undefined) return headGroups.length === 8 ? headGroups : null;
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  return missing < 0 ? null : [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
}
