import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Drives the built server (dist/, made by `npm test`) the way the README's run command does:
// no DATABASE_URL, so it must bring up its own embedded PostgreSQL and keep the data.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

// Every server a test starts, so a failing test cannot leave one running (and Jest hanging).
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startServer(env: Record<string, string>): Started {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...inherited, ...env },
    stdio: 'pipe',
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(port: number, started: Started, timeoutMs: number): Promise<number> {
  const begin = Date.now();
  while (Date.now() - begin < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return Date.now() - begin;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${started.output()}`);
}

describe('npm start without DATABASE_URL', () => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'hovedbok-start-'));
    // The embedded server runs as the `postgres` user when we are root: it must reach the folder.
    chmodSync(workDir, 0o755);
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  const demoCredentials = () =>
    JSON.parse(readFileSync(path.join(workDir, 'demo-credentials.json'), 'utf8')) as {
      clientId: string;
      clientSecret: string;
    };

  // What the start-up message tells a newcomer to do: get a token with the demo credentials.
  async function demoCompanyName(port: number): Promise<string> {
    const { clientId, clientSecret } = demoCredentials();
    const tokenResponse = await fetch(`http://127.0.0.1:${port}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'company:read' }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const company = await fetch(`http://127.0.0.1:${port}/v1/company`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await company.json()) as { name: string }).name;
  }

  it('starts on an embedded PostgreSQL within 60 s, stops on SIGTERM, and keeps the data on restart', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = {
      PORT: String(port),
      EMBEDDED_POSTGRES_DIR: path.join(workDir, 'postgres'),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      LOG_LEVEL: 'info',
    };
    const first = startServer(env);
    expect(await waitUntilReady(port, first, 60_000)).toBeLessThan(60_000);
    expect(first.output()).toContain('demo-credentials.json');
    expect(first.output()).not.toContain(demoCredentials().clientSecret);
    expect(await demoCompanyName(port)).toBe('Demo AS');

    const url = `postgres://postgres:postgres@127.0.0.1:${pgPort}/hovedbok`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE TABLE keepsake (note text); INSERT INTO keepsake VALUES ('still here')`);
    await client.end();

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    await expect(new pg.Client({ connectionString: url }).connect()).rejects.toThrow();

    const second = startServer(env);
    try {
      await waitUntilReady(port, second, 60_000);
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      expect((await again.query('SELECT note FROM keepsake')).rows).toEqual([{ note: 'still here' }]);
      await again.end();
      // The demo company made on the first start still answers, with the same credentials.
      expect(await demoCompanyName(port)).toBe('Demo AS');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 150_000);

  it('refuses to start with a bad setting and names it', async () => {
    const started = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await started.exited).toBe(78);
    expect(started.output()).toContain('PORT="eighty"');
    expect(started.output()).toContain('LOG_LEVEL="loud"');
  });
});
