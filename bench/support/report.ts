import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { failuresOf, type ScenarioResult } from './load.js';
import type { LedgerSection, LedgerSettings } from '../ledger/index.js';
import type { BenchSettings } from './settings.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverage1m: number;
}

export interface BenchReport {
  generatedAt: string;
  ok: boolean;
  machine: MachineInfo;
  settings: Pick<BenchSettings, 'durationSeconds' | 'warmupSeconds' | 'connections'>;
  database: { kind: 'external' | 'embedded'; name: string };
  server: { startupMs: number };
  scenarios: ScenarioResult[];
  /** The ledger benchmarks (`bench/ledger/`), when they ran, and their settings. */
  ledger?: LedgerSection[];
  ledgerSettings?: LedgerSettings;
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage1m: os.loadavg()[0] ?? 0,
  };
}

export function machineLine(machine: MachineInfo): string {
  const gib = (machine.totalMemoryBytes / 1024 ** 3).toFixed(1);
  const load = machine.loadAverage1m.toFixed(2);
  return `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${gib} GiB RAM, Node ${machine.node}, ${machine.platform}, load ${load}`;
}

export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function table(rows: [string, string][]): string {
  const left = Math.max(...rows.map(([label]) => label.length));
  const right = Math.max(...rows.map(([, value]) => value.length));
  const rule = `+${'-'.repeat(left + 2)}+${'-'.repeat(right + 2)}+`;
  const lines = rows.map(([label, value]) => `| ${label.padEnd(left)} | ${value.padStart(right)} |`);
  return [rule, ...lines, rule].join('\n');
}

/** A table with a header row; numbers (any cell but the first column) are right-aligned. */
export function gridTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const rule = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+`;
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join(' | ')} |`;
  return [rule, line(headers), rule, ...rows.map(line), rule].join('\n');
}

/** A two-column table of one scenario's figures. */
export function scenarioTable(result: ScenarioResult): string {
  const codes = Object.entries(result.statusCodes)
    .map(([code, count]) => `${code}×${formatNumber(count)}`)
    .join(' ');
  const heading = `${result.name}  (${result.durationSeconds} s, ${result.connections} connections)`;
  return `${heading}\n${table([
    ['Requests/s (mean)', formatNumber(result.requestsPerSecond, 1)],
    ['Latency p50', `${formatNumber(result.latencyP50Ms, 2)} ms`],
    ['Latency p99', `${formatNumber(result.latencyP99Ms, 2)} ms`],
    ['Latency mean', `${formatNumber(result.latencyMeanMs, 2)} ms`],
    ['Total requests', formatNumber(result.totalRequests)],
    ['Non-2xx', formatNumber(result.non2xx)],
    ['Errors', formatNumber(result.errors)],
    ['Timeouts', formatNumber(result.timeouts)],
    ['Body mismatches', formatNumber(result.mismatches)],
    ['Status codes', codes || 'none'],
  ])}`;
}

/** One line per scenario with failures, or an empty list when every response was a good 2xx. */
export function failureLines(results: ScenarioResult[]): string[] {
  return results
    .filter((result) => failuresOf(result) > 0)
    .map(
      (r) =>
        `${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} body mismatches`,
    );
}

export async function writeReport(file: string, report: BenchReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
