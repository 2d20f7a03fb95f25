import { readFileSync } from 'node:fs';

export interface MemoryFigures {
  /** Resident set size when sampling began. */
  startBytes: number;
  /** Highest resident set size seen while sampling. */
  peakBytes: number;
  /** The kernel's high-water mark for the process's whole life (VmHWM), at the end. */
  lifetimePeakBytes: number;
  samples: number;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A process's resident memory now, or undefined when it cannot be read. */
export function residentBytes(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : statusField(pid, 'VmRSS');
}

/**
 * Samples another process's resident memory from /proc (Linux) every `intervalMs`. VmHWM alone
 * would include whatever the process did before; the samples show the peak of one window.
 */
export class RssSampler {
  private peak: number;
  private samples = 1;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly pid: number,
    private readonly start: number,
    intervalMs: number,
  ) {
    this.peak = start;
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Undefined when the process's memory cannot be read (not Linux, or no such process). */
  static start(pid: number | undefined, intervalMs = 50): RssSampler | undefined {
    const rss = pid === undefined ? undefined : statusField(pid, 'VmRSS');
    return pid === undefined || rss === undefined ? undefined : new RssSampler(pid, rss, intervalMs);
  }

  stop(): MemoryFigures {
    clearInterval(this.timer);
    this.sample();
    return {
      startBytes: this.start,
      peakBytes: this.peak,
      lifetimePeakBytes: statusField(this.pid, 'VmHWM') ?? this.peak,
      samples: this.samples,
    };
  }

  private sample(): void {
    const rss = statusField(this.pid, 'VmRSS');
    if (rss === undefined) return;
    this.samples += 1;
    this.peak = Math.max(this.peak, rss);
  }
}

/** Decimal megabytes, as issue 4 states its memory target. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}
