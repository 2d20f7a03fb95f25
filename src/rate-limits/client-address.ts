import { isIP } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

// The 8 groups of an IPv6 address, "::" expanded. A trailing dotted IPv4 part counts as two
// groups; only the first four groups are used, which never contain it.
function groupsOf(address: string): string[] {
  const width = (part: string[]) => part.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const [head, tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  if (tail === undefined) return headGroups;
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: 8 - width(headGroups) - width(tailGroups) }, () => '0');
  return [...headGroups, ...zeros, ...tailGroups];
}

/**
 * The part of a client's address that names one client for per-address limits. IPv4 addresses
 * (also when mapped into IPv6) are used whole; IPv6 ones are cut to their /64 network, because
 * one subscriber usually gets a whole /64 and could otherwise take a fresh address per request.
 */
export function addressBucket(ip: string | undefined): string {
  const address = (ip ?? '').replace(/%.*$/, '');
  const mapped = IPV4_MAPPED.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address || 'unknown';
  const network = groupsOf(address.toLowerCase())
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16));
  return `${network.join(':')}::/64`;
}
