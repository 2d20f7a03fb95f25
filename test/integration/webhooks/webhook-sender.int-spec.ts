import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo } from 'node:net';
import { type LookupAll, type TargetPolicy } from '../../../src/webhooks/delivery/target-guard.js';
import { WebhookSender } from '../../../src/webhooks/delivery/webhook-sender.js';

// The receivers are fakes on 127.0.0.1, which the development policy allow-lists; the same
// requests under a production-like policy show what the guard keeps out.
const development: TargetPolicy = { allowHttp: true, allowedPrivateRanges: ['127.0.0.0/8', '::1/128'] };
const production: TargetPolicy = { allowHttp: true, allowedPrivateRanges: [] };
const TIMEOUT_MS = 500;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// A name whose DNS answer points at this machine, as a rebinding attacker's would.
const lookup: LookupAll = async (hostname) => {
  if (hostname === 'rebind.test') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

function answer(path: string, response: ServerResponse, landingUrl: string): void {
  if (path === '/ok') response.writeHead(200).end('a'.repeat(5000));
  else if (path === '/utf8') response.writeHead(200).end('x' + 'ø'.repeat(1000));
  else if (path === '/error') response.writeHead(500).end('boom');
  else if (path === '/redirect') response.writeHead(302, { location: landingUrl }).end();
  else if (path === '/gone') response.writeHead(410).end();
  else if (path === '/endless') {
    response.writeHead(200);
    const timer = setInterval(() => response.write(Buffer.alloc(16 * 1024, 'z')), 5);
    response.on('close', () => clearInterval(timer));
  } else if (path !== '/hang') response.writeHead(200).end('ok');
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  if (server.listening) await new Promise((resolve) => server.close(resolve));
}

describe('WebhookSender', () => {
  const received: Received[] = [];
  const landed: string[] = [];
  let connections = 0;
  let receiver: Server;
  let landing: Server;
  let base: string;
  let port: number;
  let sender: WebhookSender;
  let guarded: WebhookSender;

  function requestsTo(path: string): Received[] {
    return received.filter((request) => request.path === path);
  }

  function post(target: WebhookSender, url: string) {
    return target.send({ url, headers: { 'webhook-id': 'msg_1' }, body: '{"type":"invoice.paid"}' });
  }

  beforeAll(async () => {
    landing = createServer((request: IncomingMessage, response: ServerResponse) => {
      landed.push(request.url ?? '');
      response.end();
    });
    const landingUrl = `http://127.0.0.1:${await listen(landing)}/landing`;
    receiver = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        answer(path, response, landingUrl);
      });
    });
    receiver.on('connection', () => (connections += 1));
    port = await listen(receiver);
    base = `http://127.0.0.1:${port}`;
    const options = {
      timeoutMs: TIMEOUT_MS,
      maxExcerptBytes: 1024,
      userAgent: 'Hovedbok-Webhooks/1.0',
      lookup,
    };
    sender = new WebhookSender({ ...options, policy: development });
    guarded = new WebhookSender({ ...options, policy: production });
  });

  afterAll(async () => {
    sender.close();
    guarded.close();
    await Promise.all([stop(receiver), stop(landing)]);
  });

  it('delivers a 2xx as succeeded, with the headers and an excerpt cut at maxExcerptBytes', async () => {
    const result = await post(sender, `${base}/ok`);
    expect(result).toMatchObject({ outcome: 'succeeded', statusCode: 200, error: null });
    expect(result.responseExcerpt).toBe('a'.repeat(1024));
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = requestsTo('/ok');
    expect(request.body).toBe('{"type":"invoice.paid"}');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Hovedbok-Webhooks/1.0',
      'webhook-id': 'msg_1',
    });
  });

  it('does not split a UTF-8 character at the excerpt limit', async () => {
    const result = await post(sender, `${base}/utf8`);
    expect(result.responseExcerpt).toBe('x' + 'ø'.repeat(511));
  });

  it('reuses the keep-alive connection for deliveries to the same receiver', async () => {
    const before = connections;
    await post(sender, `${base}/ok`);
    await post(sender, `${base}/ok`);
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('stops reading a body that never ends, without waiting for the deadline', async () => {
    const result = await post(sender, `${base}/endless`);
    expect(result).toMatchObject({ outcome: 'succeeded', statusCode: 200 });
    expect(result.responseExcerpt).toBe('z'.repeat(1024));
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS);
  });

  it('reports a 500 as http_error', async () => {
    const result = await post(sender, `${base}/error`);
    expect(result).toMatchObject({ outcome: 'http_error', statusCode: 500, responseExcerpt: 'boom' });
  });

  it('reports a 302 as redirect with its Location, and does not follow it', async () => {
    const result = await post(sender, `${base}/redirect`);
    expect(result).toMatchObject({ outcome: 'redirect', statusCode: 302 });
    expect(result.error).toContain(`http://127.0.0.1:${(landing.address() as AddressInfo).port}/landing`);
    expect(landed).toEqual([]);
  });

  it('reports a 410 as gone', async () => {
    expect(await post(sender, `${base}/gone`)).toMatchObject({ outcome: 'gone', statusCode: 410 });
  });

  it('gives up on a receiver that never answers after about timeoutMs', async () => {
    const result = await post(sender, `${base}/hang`);
    expect(result).toMatchObject({ outcome: 'timeout', statusCode: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + 1000);
  });

  it('reports a closed port as network_error', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await stop(closed);
    const result = await post(sender, `http://127.0.0.1:${closedPort}/hook`);
    expect(result).toMatchObject({ outcome: 'network_error', statusCode: null });
    expect(result.error).toContain('ECONNREFUSED');
  });

  it('refuses a private address without the allow-list, before any request is made', async () => {
    const result = await post(guarded, `${base}/refused`);
    expect(result).toMatchObject({ outcome: 'refused_target', statusCode: null });
    expect(result.error).toContain('127.0.0.1 is a loopback address');
    expect(requestsTo('/refused')).toEqual([]);
  });

  it('refuses a name that resolves to a private address at connection time (DNS rebinding)', async () => {
    const result = await post(guarded, `http://rebind.test:${port}/rebind-refused`);
    expect(result).toMatchObject({ outcome: 'refused_target', statusCode: null });
    expect(result.error).toContain('rebind.test resolves to 127.0.0.1');
    expect(requestsTo('/rebind-refused')).toEqual([]);
  });

  it('delivers to that name when its address is allow-listed', async () => {
    const result = await post(sender, `http://rebind.test:${port}/rebind-allowed`);
    expect(result).toMatchObject({ outcome: 'succeeded', statusCode: 200 });
    expect(requestsTo('/rebind-allowed')[0].headers.host).toBe(`rebind.test:${port}`);
  });

  it('reports a name that does not resolve as refused_target', async () => {
    const result = await post(sender, `http://nowhere.test:${port}/hook`);
    expect(result).toMatchObject({ outcome: 'refused_target', statusCode: null });
    expect(result.error).toContain('ENOTFOUND');
  });
});
