import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane): ~60 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
const DUMMY_HASH_PROMISE = hash('not a real password', OPTIONS);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await DUMMY_HASH_PROMISE);
  const matches = await verify(target, password).catch(() => false);
  return passwordHash !== undefined && matches;
}
