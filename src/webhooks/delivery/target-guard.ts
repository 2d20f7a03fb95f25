import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, isIPv4 } from 'node:net';
import ipaddr from 'ipaddr.js';

// Webhook URLs are chosen by integrators, so every request to one is a request our servers make on
// someone else's behalf: without this guard a subscription could reach the database, the cloud
// metadata service or anything else on our private network (SSRF).

export interface TargetPolicy {
  // Plain http:// accepted (development and tests only; production needs https).
  allowHttp: boolean;
  // Addresses or CIDR ranges, IPv4 or IPv6 ('127.0.0.0/8', '::1/128', '10.1.2.3'), allowed although
  // they are not public. Development and tests only.
  allowedPrivateRanges: string[];
}

export type TargetRefusalReason =
  'invalid_url' | 'scheme_not_allowed' | 'credentials_in_url' | 'address_not_public' | 'unresolvable';

export class TargetRefusedError extends Error {
  constructor(
    readonly reason: TargetRefusalReason,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'TargetRefusedError';
  }
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const PUBLIC_ONLY = 'webhooks are delivered only to public addresses.';

// Credentials and tokens of the instance itself live here; they stay closed even to an allow-list,
// which exists so that tests and local development can reach their own receivers.
const CLOUD_METADATA = ['169.254.169.254/32', 'fd00:ec2::254/128'].map((range) => ipaddr.parseCIDR(range));

// RFC 6052's well-known NAT64 prefix: a DNS64 resolver hands these out for IPv4-only hosts, and the
// gateway forwards them to the embedded IPv4 address, so that address is what gets judged.
const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

// IPv4-compatible addresses (::/96, deprecated by RFC 4291) count as 'unicast' for ipaddr.js, yet
// some stacks route them to the embedded IPv4 address.
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

const DESCRIPTIONS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique local (private) IPv6 address',
  unspecified: 'an unspecified address',
  carrierGradeNat: 'a carrier-grade NAT address',
  reserved: 'a reserved address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  cloudMetadata: 'a cloud metadata service address',
  ipv4Compatible: 'a deprecated IPv4-compatible IPv6 address',
  invalid: 'not a valid IP address',
};

function describe(reason: string): string {
  return DESCRIPTIONS[reason] ?? `a special-purpose address (${reason})`;
}

function refuse(address: string, reason: string): TargetRefusedError {
  return new TargetRefusedError(
    'address_not_public',
    `The address ${address} is ${describe(reason)}; ${PUBLIC_ONLY}`,
  );
}

// The address as it will be reached: an IPv4-mapped or NAT64 IPv6 address ends up at the IPv4 one.
function effectiveAddress(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv4') return address;
  const ipv6 = address as ipaddr.IPv6;
  if (ipv6.isIPv4MappedAddress()) return ipv6.toIPv4Address();
  if (ipv6.match(NAT64)) return ipaddr.fromByteArray(ipv6.toByteArray().slice(12));
  return ipv6;
}

function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (entry.includes('/')) return ipaddr.parseCIDR(entry);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

// ipaddr.js throws when asked to match an IPv4 address against an IPv6 range or the reverse.
function isInRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  return address.kind() === range[0].kind() && address.match(range);
}

function isAllowListed(candidates: (ipaddr.IPv4 | ipaddr.IPv6)[], policy: TargetPolicy): boolean {
  return policy.allowedPrivateRanges.some((entry) => {
    const range = parseRange(entry);
    return candidates.some((address) => isInRange(address, range));
  });
}

function specialRangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (CLOUD_METADATA.some((range) => isInRange(address, range))) return 'cloudMetadata';
  const range = address.range();
  // ::/96 also holds :: and ::1, which keep their own, clearer names.
  return range === 'unicast' && isInRange(address, IPV4_COMPATIBLE) ? 'ipv4Compatible' : range;
}

// Why the address may not be called, or null when it may. Only what ipaddr.js calls 'unicast' is
// public; 6to4, Teredo and the other transition ranges are refused rather than decoded.
export function refusalOf(address: string, policy: TargetPolicy): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }
  const effective = effectiveAddress(parsed);
  const range = specialRangeOf(effective);
  if (range === 'unicast') return null;
  if (range === 'cloudMetadata') return range;
  return isAllowListed([effective, parsed], policy) ? null : range;
}

// Names that only ever lead to this machine or its local network. Without an allow-list (that is,
// in production) they are refused at once with a clear message. With one, they pass here and their
// resolved addresses decide, so development can use http://localhost exactly when 127.0.0.0/8 is
// allowed. Single-label names count too: the resolver completes them with local search domains.
function isLocalOnlyName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  const localSuffixes = ['.localhost', '.local', '.internal', '.home.arpa'];
  return name === 'localhost' || !name.includes('.') || localSuffixes.some((suffix) => name.endsWith(suffix));
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new TargetRefusedError('invalid_url', `"${raw}" is not a valid absolute URL.`);
  }
}

function checkScheme(url: URL, policy: TargetPolicy): void {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && policy.allowHttp)) return;
  throw new TargetRefusedError(
    'scheme_not_allowed',
    `The URL scheme ${url.protocol.replace(/:$/, '')} is not allowed; webhook URLs must use https.`,
  );
}

function checkHost(url: URL, policy: TargetPolicy): void {
  const host = url.hostname;
  if (host === '') throw new TargetRefusedError('invalid_url', 'The URL has no host.');
  // WHATWG URL has already turned every IPv4 notation (2130706433, 0177.0.0.1, 0x7f.1) into dotted
  // decimal, so a host that is not dotted IPv4 or bracketed IPv6 here is a name.
  const literal = host.startsWith('[') ? host.slice(1, -1) : isIPv4(host) ? host : null;
  if (literal !== null) {
    const reason = refusalOf(literal, policy);
    if (reason !== null) throw refuse(literal, reason);
    return;
  }
  if (policy.allowedPrivateRanges.length === 0 && isLocalOnlyName(host)) {
    throw new TargetRefusedError(
      'address_not_public',
      `The host name ${host} only reaches local or internal networks; ${PUBLIC_ONLY}`,
    );
  }
}

// The synchronous part of the check: everything that can be judged from the URL itself. Host
// names still have to go through resolveTarget (or the sender's guarded lookup).
export function checkTargetUrl(raw: string, policy: TargetPolicy): URL {
  const url = parseUrl(raw);
  checkScheme(url, policy);
  if (url.username !== '' || url.password !== '') {
    throw new TargetRefusedError(
      'credentials_in_url',
      'The URL contains a user name or password; webhook URLs must not carry credentials.',
    );
  }
  checkHost(url, policy);
  return url;
}

function familyOf(address: string): 4 | 6 {
  return isIP(address) === 6 ? 6 : 4;
}

const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true });

async function lookupOrRefuse(hostname: string, lookup: LookupAll): Promise<string[]> {
  let found: { address: string }[];
  try {
    found = await lookup(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new TargetRefusedError(
      'unresolvable',
      `The host name ${hostname} could not be resolved (${code}).`,
    );
  }
  if (found.length === 0) {
    throw new TargetRefusedError('unresolvable', `The host name ${hostname} has no addresses.`);
  }
  return found.map((entry) => entry.address);
}

// Every address must be public, not just the first: the connection may use any of them (Happy
// Eyeballs), and one private address among public ones is how rebinding attacks hide.
export async function resolveTarget(
  hostname: string,
  policy: TargetPolicy,
  lookup: LookupAll = systemLookup,
): Promise<{ address: string; family: 4 | 6 }[]> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const addresses = isIP(host) !== 0 ? [host] : await lookupOrRefuse(host, lookup);
  for (const address of addresses) {
    const reason = refusalOf(address, policy);
    if (reason === null) continue;
    if (address === host) throw refuse(address, reason);
    throw new TargetRefusedError(
      'address_not_public',
      `The host name ${host} resolves to ${address}, ${describe(reason)}; ${PUBLIC_ONLY}`,
    );
  }
  return addresses.map((address) => ({ address, family: familyOf(address) }));
}
