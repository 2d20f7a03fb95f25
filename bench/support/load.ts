import autocannon from 'autocannon';
import type { Scenario } from '../scenarios/index.js';
import type { BenchSettings } from './settings.js';

const REQUEST_TIMEOUT_SECONDS = 10;

export interface ScenarioResult {
  name: string;
  method: string;
  path: string;
  durationSeconds: number;
  connections: number;
  requestsPerSecond: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  statusCodes: Record<string, number>;
}

export function failuresOf(result: ScenarioResult): number {
  return result.non2xx + result.errors + result.timeouts + result.mismatches;
}

function describeBody(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

// One request before the load, so a broken scenario fails with its status and body in view.
async function preflight(baseUrl: string, scenario: Scenario): Promise<void> {
  const { method = 'GET', headers, body, verifyBody, expectBody } = scenario.request;
  const response = await fetch(`${baseUrl}${scenario.path}`, {
    method,
    headers,
    body: typeof body === 'string' ? body : body && new Uint8Array(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_SECONDS * 1000),
  });
  const text = await response.text();
  const bodyOk = verifyBody ? verifyBody(text) : expectBody === undefined || text === expectBody;
  if (response.status >= 200 && response.status < 300 && bodyOk) return;
  throw new Error(`${scenario.name}: the first request got ${response.status}: ${describeBody(text)}`);
}

function fire(
  baseUrl: string,
  scenario: Scenario,
  durationSeconds: number,
  connections: number,
): autocannon.Instance {
  return autocannon({
    ...scenario.request,
    title: scenario.name,
    url: `${baseUrl}${scenario.path}`,
    connections,
    duration: durationSeconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
  });
}

function summarise(scenario: Scenario, result: autocannon.Result): ScenarioResult {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
  );
  return {
    name: scenario.name,
    method: scenario.request.method ?? 'GET',
    path: scenario.path,
    durationSeconds: result.duration,
    connections: result.connections,
    requestsPerSecond: result.requests.average,
    latencyMeanMs: result.latency.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    statusCodes,
  };
}

/** Checks one request, warms up (not counted), then measures the scenario for the set duration. */
export async function runScenario(
  baseUrl: string,
  declared: Scenario,
  settings: Pick<BenchSettings, 'warmupSeconds' | 'durationSeconds' | 'connections'>,
): Promise<ScenarioResult> {
  const extra = declared.prepare ? await declared.prepare(baseUrl) : {};
  const scenario = { ...declared, request: { ...declared.request, ...extra } };
  await preflight(baseUrl, scenario);
  await fire(baseUrl, scenario, settings.warmupSeconds, settings.connections);
  const measured = await fire(baseUrl, scenario, settings.durationSeconds, settings.connections);
  return summarise(scenario, measured);
}
