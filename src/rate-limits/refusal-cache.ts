// Remembers, per process, until when a key is certainly refused, so a client that keeps calling
// while limited costs no database round trip. This is safe with any number of processes: only
// accepted requests are counted and counts only fade with time, so nothing another process does
// can make a request possible earlier than the moment the database last named (rounded up to
// the whole second the client was told in Retry-After).

const PRUNE_ABOVE = 10_000;

export class RefusalCache {
  private readonly refusedUntil = new Map<string, number>();

  /** Milliseconds until `key` may be asked about again, or 0 when the database must decide. */
  remainingMs(key: string, now: number): number {
    const until = this.refusedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    this.refusedUntil.delete(key);
    return 0;
  }

  remember(key: string, until: number, now: number): void {
    if (this.refusedUntil.size >= PRUNE_ABOVE) this.prune(now);
    this.refusedUntil.set(key, until);
  }

  private prune(now: number): void {
    for (const [key, until] of this.refusedUntil) if (until <= now) this.refusedUntil.delete(key);
  }
}
