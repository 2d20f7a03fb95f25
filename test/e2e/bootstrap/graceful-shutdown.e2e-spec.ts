import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { shutDownGracefully } from '../../../src/bootstrap/index.js';
import { createLogger } from '../../../src/common/index.js';
import { ProbeModule } from '../../support/probe.module.js';
import { createTestApp } from '../../support/test-app.js';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('finishes requests in flight, refuses new connections, then closes', async () => {
    const t = await createTestApp({ extraImports: [ProbeModule] });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;

    const inFlight = get(port, '/v1/probe/wait?ms=400');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = shutDownGracefully(t.app, 5000, createLogger('silent'));
    await new Promise((resolve) => setTimeout(resolve, 50));

    await expect(get(port, '/health/live')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(inFlight).resolves.toEqual({ status: 200, body: '{"waitedMs":400}' });
    await stopped;
    await t.database.drop();
  });

  it('cuts connections still busy when the timeout runs out', async () => {
    const t = await createTestApp({ extraImports: [ProbeModule] });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;

    const slow = get(port, '/v1/probe/wait?ms=3000');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await shutDownGracefully(t.app, 200, createLogger('silent'));
    expect(Date.now() - started).toBeLessThan(2500);
    await expect(slow).rejects.toBeDefined();
    await t.database.drop();
  });
});
