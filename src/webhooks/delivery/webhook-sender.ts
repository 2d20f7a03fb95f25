import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { type LookupFunction } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import {
  checkTargetUrl,
  type LookupAll,
  resolveTarget,
  type TargetPolicy,
  TargetRefusedError,
} from './target-guard.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type DeliveryOutcome =
  'succeeded' | 'http_error' | 'redirect' | 'gone' | 'timeout' | 'network_error' | 'refused_target';

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

export interface SenderOptions {
  policy: TargetPolicy;
  // One deadline for the whole exchange: name resolution, connecting, TLS, headers and body.
  timeoutMs: number;
  maxExcerptBytes: number;
  userAgent: string;
  // Replaces the system resolver in tests.
  lookup?: LookupAll;
}

type Exchange = Omit<DeliveryResult, 'durationMs'>;

// Past the excerpt, this much more of a body is read and dropped so that the keep-alive socket can
// serve the next delivery; a longer body costs the socket instead of our time and bandwidth.
const DRAIN_LIMIT_BYTES = 64 * 1024;

// The first maxBytes of a body as UTF-8; StringDecoder holds back a character cut at the limit
// rather than turning it into U+FFFD.
class BodyExcerpt {
  text = '';
  private kept = 0;
  private seen = 0;
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly maxBytes: number) {}

  // False once the body has run past what is worth draining.
  add(chunk: Buffer): boolean {
    const part = chunk.subarray(0, Math.max(0, this.maxBytes - this.kept));
    this.kept += part.length;
    this.text += this.decoder.write(part);
    this.seen += chunk.length;
    return this.seen <= this.maxBytes + DRAIN_LIMIT_BYTES;
  }
}

function readBody(response: IncomingMessage, excerpt: BodyExcerpt): Promise<void> {
  return new Promise((resolve) => {
    response.on('data', (chunk: Buffer) => {
      if (excerpt.add(chunk)) return;
      resolve();
      response.destroy();
    });
    // A body cut short still leaves the status the receiver chose, which is what counts.
    response.on('end', resolve);
    response.on('close', resolve);
    response.on('error', () => resolve());
  });
}

function answered(statusCode: number, location: string | undefined, excerpt: string): Exchange {
  const base = { statusCode, responseExcerpt: excerpt };
  if (statusCode >= 200 && statusCode < 300) return { ...base, outcome: 'succeeded', error: null };
  if (statusCode >= 300 && statusCode < 400) {
    // Following would let a public URL bounce us to a private one after the check.
    const target = location === undefined ? 'without a Location header' : `to ${location}`;
    return { ...base, outcome: 'redirect', error: `Redirected ${target}; redirects are not followed.` };
  }
  if (statusCode === 410) return { ...base, outcome: 'gone', error: 'The receiver answered 410 Gone.' };
  return { ...base, outcome: 'http_error', error: `The receiver answered HTTP ${statusCode}.` };
}

function describeNetworkError(error: unknown): string {
  // Happy Eyeballs reports one failure per address it tried.
  if (error instanceof AggregateError) return error.errors.map(describeNetworkError).join('; ');
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

function failed(error: unknown): Exchange {
  if (error instanceof TargetRefusedError) {
    return { outcome: 'refused_target', statusCode: null, responseExcerpt: null, error: error.detail };
  }
  return {
    outcome: 'network_error',
    statusCode: null,
    responseExcerpt: null,
    error: describeNetworkError(error),
  };
}

function exchange(request: ClientRequest, body: string, options: SenderOptions): Promise<Exchange> {
  return new Promise((resolve) => {
    let statusCode: number | null = null;
    let excerpt: BodyExcerpt | null = null;
    let isSettled = false;
    const settle = (result: Exchange): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const deadline = setTimeout(() => {
      const error = `No complete answer within ${options.timeoutMs} ms.`;
      settle({ outcome: 'timeout', statusCode, responseExcerpt: excerpt?.text ?? null, error });
      request.destroy();
    }, options.timeoutMs);
    // Stays attached after settling: destroying a request can still emit an error.
    request.on('error', (error) => settle(failed(error)));
    request.on('response', (response) => {
      // Node always sets the status on a client response; the type just does not know it.
      const status = response.statusCode ?? 0;
      const current = new BodyExcerpt(options.maxExcerptBytes);
      [statusCode, excerpt] = [status, current];
      void readBody(response, current).then(() =>
        settle(answered(status, response.headers.location, current.text)),
      );
    });
    request.end(body);
  });
}

// PostgreSQL text cannot hold U+0000, which a binary or UTF-16 answer may well contain; it is
// shown as U+FFFD, like any other byte that is not text.
function storableText(text: string | null): string | null {
  return text === null ? null : text.replaceAll('\u0000', '\uFFFD');
}

export class WebhookSender {
  // Created once so that deliveries to the same receiver reuse warm connections (and TLS sessions).
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(private readonly options: SenderOptions) {}

  // Resolution happens inside the connection, and the socket goes to exactly the addresses checked
  // here, so a name that answers differently the second time (DNS rebinding) gains nothing. Node
  // skips this for literal IPs, which checkTargetUrl has judged already.
  private readonly guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolveTarget(hostname, this.options.policy, this.options.lookup).then(
      (addresses) => {
        if (lookupOptions.all === true) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error, ''),
    );
  };

  // Resolves with a result for every network-level failure; it rejects only on programming errors
  // such as a header value Node refuses to send.
  async send(request: WebhookRequest): Promise<DeliveryResult> {
    const startedAt = performance.now();
    const result = await this.deliver(request);
    return {
      ...result,
      responseExcerpt: storableText(result.responseExcerpt),
      error: storableText(result.error),
      durationMs: Math.round(performance.now() - startedAt),
    };
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async deliver(request: WebhookRequest): Promise<Exchange> {
    let url: URL;
    try {
      url = checkTargetUrl(request.url, this.options.policy);
    } catch (error) {
      if (error instanceof TargetRefusedError) return failed(error);
      throw error;
    }
    const isHttps = url.protocol === 'https:';
    const outgoing = (isHttps ? https : http).request(url, {
      method: 'POST',
      agent: isHttps ? this.httpsAgent : this.httpAgent,
      lookup: this.guardedLookup,
      headers: {
        'content-type': 'application/json',
        ...request.headers,
        'user-agent': this.options.userAgent,
        'content-length': String(Buffer.byteLength(request.body)),
      },
    });
    return exchange(outgoing, request.body, this.options);
  }
}
