interface Entry<T> {
  value: T;
  /** The key that verified the token. */
  kid: string;
  /** Until when the token's lifetime check passes (its expiry plus the clock tolerance). */
  validUntilMs: number;
}

/**
 * Remembers, per process, the access tokens whose signature and claims verified, so a client
 * that sends the same token on every request pays for the signature check once. Safe across
 * processes because nothing about a verified token string changes: its signature and claims
 * are fixed, and each entry ends when the lifetime check would fail. The caller uses an entry
 * only while its key is still one it verifies with, and checks revocation on every request.
 * Bounded: when full, expired entries go first, then the oldest.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries: number) {}

  get(token: string, nowMs: number): Entry<T> | undefined {
    const entry = this.entries.get(token);
    if (!entry || entry.validUntilMs > nowMs) return entry;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, entry: Entry<T>, nowMs: number): void {
    if (entry.validUntilMs <= nowMs) return;
    if (this.entries.size >= this.maxEntries) {
      for (const [key, { validUntilMs }] of this.entries) if (validUntilMs <= nowMs) this.entries.delete(key);
    }
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, entry);
  }
}
