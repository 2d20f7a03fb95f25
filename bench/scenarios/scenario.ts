import type autocannon from 'autocannon';

/**
 * One load scenario: a name and the autocannon request options that describe the traffic.
 * The harness adds the URL, duration and connection count; add a file to this folder and
 * list it in `index.ts` to measure something new.
 */
export interface Scenario {
  /** Short name shown in the report, e.g. `GET /health/ready`. */
  name: string;
  /** Path on the server under test, e.g. `/health/ready`. */
  path: string;
  /** Request options passed to autocannon as they are. */
  request: ScenarioRequest;
  /** Runs once against the server before the scenario (e.g. to get a token); adds request options. */
  prepare?: (baseUrl: string) => Promise<ScenarioRequest>;
}

export type ScenarioRequest = Pick<
  autocannon.Options,
  'method' | 'headers' | 'body' | 'requests' | 'idReplacement' | 'verifyBody' | 'expectBody'
>;
