/** Sessions keep a network prefix, never the full address (GDPR data minimisation). */
import { describe, expect, it } from 'vitest';
import { ipPrefix } from './ip-prefix.js';

describe('ipPrefix()', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:0001:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (address, prefix) => {
    expect(ipPrefix(address)).toBe(prefix);
  });
  it.each([undefined, null, '', 'not-an-ip', '999.1.1.1'])('%s → null', (address) => {
    expect(ipPrefix(address)).toBeNull();
  });
});
