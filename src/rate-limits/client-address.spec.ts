import { addressBucket } from './client-address.js';

describe('addressBucket', () => {
  it('uses an IPv4 address whole, also when it comes mapped into IPv6', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('puts every IPv6 address of one /64 network in one bucket', () => {
    expect(addressBucket('2001:db8:85a3:12::8a2e:370:7334')).toBe('2001:db8:85a3:12::/64');
    expect(addressBucket('2001:0DB8:85A3:0012:ffff::1')).toBe('2001:db8:85a3:12::/64');
  });

  it('expands "::" before cutting to the network', () => {
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps IPv6 networks apart', () => {
    expect(addressBucket('2001:db8:0:1::1')).not.toBe(addressBucket('2001:db8:0:2::1'));
  });

  it('names an unknown address rather than failing', () => {
    expect(addressBucket(undefined)).toBe('unknown');
  });
});
