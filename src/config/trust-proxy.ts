import { isIP } from 'node:net';
import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

// Express's own names for address ranges, accepted in TRUST_PROXY next to addresses and CIDRs.
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

@ValidatorConstraint({ name: 'isTrustProxy' })
export class IsTrustProxy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    if (value === 'false' || /^[1-9]$/.test(value)) return true;
    return value.split(',').every((entry) => {
      const [address, bits, ...rest] = entry.trim().split('/');
      const family = isIP(address);
      const maxBits = family === 6 ? 128 : 32;
      if (bits === undefined) return family !== 0 || PROXY_RANGES.includes(address);
      return family !== 0 && rest.length === 0 && /^\d+$/.test(bits) && Number(bits) <= maxBits;
    });
  }

  defaultMessage(): string {
    return 'TRUST_PROXY must be false, a hop count from 1 to 9, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal';
  }
}

/** TRUST_PROXY as Express's "trust proxy" setting takes it. */
export function trustProxy(value: string): false | number | string {
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
