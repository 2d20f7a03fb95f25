import {
  checkTargetUrl,
  type LookupAll,
  refusalOf,
  resolveTarget,
  type TargetPolicy,
  TargetRefusedError,
  type TargetRefusalReason,
} from './target-guard.js';

const production: TargetPolicy = { allowHttp: false, allowedPrivateRanges: [] };
const development: TargetPolicy = { allowHttp: true, allowedPrivateRanges: ['127.0.0.0/8', '::1/128'] };

function refusal(act: () => unknown): TargetRefusedError {
  try {
    act();
  } catch (error) {
    if (error instanceof TargetRefusedError) return error;
    throw error;
  }
  throw new Error('expected a TargetRefusedError');
}

async function asyncRefusal(act: () => Promise<unknown>): Promise<TargetRefusedError> {
  const error: unknown = await act().then(
    () => new Error('expected a TargetRefusedError'),
    (thrown: unknown) => thrown,
  );
  if (error instanceof TargetRefusedError) return error;
  throw error;
}

function lookupOf(table: Record<string, string[]>): LookupAll {
  return async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('checkTargetUrl', () => {
  it.each<[string, TargetRefusalReason]>([
    ['http://127.0.0.1', 'scheme_not_allowed'],
    ['https://127.0.0.1', 'address_not_public'],
    ['https://[::1]', 'address_not_public'],
    ['https://169.254.169.254/latest/meta-data', 'address_not_public'],
    ['https://10.0.0.5', 'address_not_public'],
    ['https://172.16.0.1', 'address_not_public'],
    ['https://192.168.1.1', 'address_not_public'],
    ['https://100.64.0.1', 'address_not_public'],
    ['https://0.0.0.0', 'address_not_public'],
    ['https://[::ffff:127.0.0.1]', 'address_not_public'],
    ['https://[::ffff:7f00:1]', 'address_not_public'],
    ['https://2130706433', 'address_not_public'],
    ['https://0177.0.0.1', 'address_not_public'],
    ['https://0x7f.0.0.1', 'address_not_public'],
    ['https://127.1', 'address_not_public'],
    ['https://[fe80::1]', 'address_not_public'],
    ['https://[fc00::1]', 'address_not_public'],
    ['https://[fd00:ec2::254]', 'address_not_public'],
    ['https://[64:ff9b::a00:5]', 'address_not_public'],
    ['https://[2002:7f00:1::]', 'address_not_public'],
    ['https://[::7f00:1]', 'address_not_public'],
    ['https://localhost', 'address_not_public'],
    ['https://api.localhost/hook', 'address_not_public'],
    ['https://metadata.google.internal', 'address_not_public'],
    ['https://printer.local', 'address_not_public'],
    ['https://intranet/hook', 'address_not_public'],
    ['https://user:pw@example.com', 'credentials_in_url'],
    ['ftp://example.com', 'scheme_not_allowed'],
    ['not a url', 'invalid_url'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(refusal(() => checkTargetUrl(url, production)).reason).toBe(reason);
  });

  it.each(['https://93.184.215.14/hook', 'https://[2606:4700::1111]/x', 'https://example.com/hook'])(
    'accepts %s',
    (url) => {
      expect(checkTargetUrl(url, production).href).toBe(new URL(url).href);
    },
  );

  it('explains a refused address in words an integrator understands', () => {
    expect(refusal(() => checkTargetUrl('https://0x7f.1/hook', production)).detail).toBe(
      'The address 127.0.0.1 is a loopback address; webhooks are delivered only to public addresses.',
    );
  });

  it('accepts http:// only when the policy allows it', () => {
    expect(refusal(() => checkTargetUrl('http://example.com/hook', production)).reason).toBe(
      'scheme_not_allowed',
    );
    expect(checkTargetUrl('http://example.com/hook', { ...production, allowHttp: true }).protocol).toBe(
      'http:',
    );
  });

  it('lets an allow-listed private address through, and no other', () => {
    const policy = { allowHttp: false, allowedPrivateRanges: ['127.0.0.0/8'] };
    expect(checkTargetUrl('https://127.0.0.1/hook', policy).hostname).toBe('127.0.0.1');
    expect(checkTargetUrl('https://[::ffff:127.0.0.1]/hook', policy).hostname).toBe('[::ffff:7f00:1]');
    expect(refusal(() => checkTargetUrl('https://10.0.0.5/hook', policy)).reason).toBe('address_not_public');
  });

  it('leaves local names to address resolution once an allow-list is configured', () => {
    expect(checkTargetUrl('http://localhost:3000/hook', development).hostname).toBe('localhost');
  });
});

describe('refusalOf', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['169.254.10.1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['192.0.2.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['169.254.169.254', 'cloudMetadata'],
    ['fd00:ec2::254', 'cloudMetadata'],
    ['::ffff:10.0.0.5', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', '6to4'],
    ['not an address', 'invalid'],
  ])('names %s as %s', (address, reason) => {
    expect(refusalOf(address, production)).toBe(reason);
  });

  it.each(['93.184.215.14', '2606:4700::1111', '::ffff:93.184.215.14', '64:ff9b::5db8:d70e'])(
    'finds %s public',
    (address) => {
      expect(refusalOf(address, production)).toBeNull();
    },
  );

  it('lets allow-listed addresses through, IPv4-mapped ones judged as their IPv4 address', () => {
    const policy = { allowHttp: false, allowedPrivateRanges: ['127.0.0.0/8', '::1/128', '10.1.2.3'] };
    expect(refusalOf('127.0.0.1', policy)).toBeNull();
    expect(refusalOf('::ffff:127.0.0.1', policy)).toBeNull();
    expect(refusalOf('::1', policy)).toBeNull();
    expect(refusalOf('10.1.2.3', policy)).toBeNull();
    expect(refusalOf('10.1.2.4', policy)).toBe('private');
  });

  it('never lets the cloud metadata service through, even when its range is allow-listed', () => {
    const policy = { allowHttp: false, allowedPrivateRanges: ['169.254.0.0/16', 'fd00::/8'] };
    expect(refusalOf('169.254.169.254', policy)).toBe('cloudMetadata');
    expect(refusalOf('fd00:ec2::254', policy)).toBe('cloudMetadata');
    expect(refusalOf('169.254.10.1', policy)).toBeNull();
  });
});

describe('resolveTarget', () => {
  const lookup = lookupOf({
    'hooks.example.com': ['93.184.215.14', '2606:4700::1111'],
    'private.example.com': ['10.0.0.5'],
    'mixed.example.com': ['93.184.215.14', '192.168.1.1'],
    localhost: ['127.0.0.1', '::1'],
  });

  it('returns every address of a name that resolves to public addresses only', async () => {
    await expect(resolveTarget('hooks.example.com', production, lookup)).resolves.toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:4700::1111', family: 6 },
    ]);
  });

  it('refuses a name that resolves to a private address', async () => {
    const error = await asyncRefusal(() => resolveTarget('private.example.com', production, lookup));
    expect(error.reason).toBe('address_not_public');
    expect(error.detail).toBe(
      'The host name private.example.com resolves to 10.0.0.5, a private network address; ' +
        'webhooks are delivered only to public addresses.',
    );
  });

  it('refuses a name with one private address among public ones', async () => {
    const error = await asyncRefusal(() => resolveTarget('mixed.example.com', production, lookup));
    expect(error.reason).toBe('address_not_public');
  });

  it('refuses a name that does not resolve as unresolvable', async () => {
    const error = await asyncRefusal(() => resolveTarget('nowhere.example.com', production, lookup));
    expect(error.reason).toBe('unresolvable');
    expect(error.detail).toContain('ENOTFOUND');
  });

  it('checks a literal IP without looking it up', async () => {
    const failingLookup: LookupAll = () => Promise.reject(new Error('must not be called'));
    await expect(resolveTarget('[2606:4700::1111]', production, failingLookup)).resolves.toEqual([
      { address: '2606:4700::1111', family: 6 },
    ]);
    expect((await asyncRefusal(() => resolveTarget('127.0.0.1', production, failingLookup))).reason).toBe(
      'address_not_public',
    );
  });

  it('resolves local names to allow-listed addresses only', async () => {
    await expect(resolveTarget('localhost', development, lookup)).resolves.toHaveLength(2);
    const onlyIpv4 = { allowHttp: true, allowedPrivateRanges: ['127.0.0.0/8'] };
    expect((await asyncRefusal(() => resolveTarget('localhost', onlyIpv4, lookup))).reason).toBe(
      'address_not_public',
    );
  });
});
