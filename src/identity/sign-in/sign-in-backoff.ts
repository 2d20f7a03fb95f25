/** Consecutive failed sign-ins an account gets before each further attempt has to wait. */
export const FREE_SIGN_IN_ATTEMPTS = 5;
const FIRST_BLOCK_MINUTES = 1;
const LONGEST_BLOCK_MINUTES = 60;

/**
 * Until when an account refuses sign-in after `failedSignIns` consecutive failures: nothing
 * before the fifth, then one minute, doubling with each further failure, at most an hour.
 * Slows a password guesser to a few dozen guesses a day while the owner is locked out briefly.
 */
export function signInBlockedUntil(failedSignIns: number, now: Date): Date | null {
  if (failedSignIns < FREE_SIGN_IN_ATTEMPTS) return null;
  const minutes = Math.min(
    LONGEST_BLOCK_MINUTES,
    FIRST_BLOCK_MINUTES * 2 ** (failedSignIns - FREE_SIGN_IN_ATTEMPTS),
  );
  return new Date(now.getTime() + minutes * 60_000);
}
