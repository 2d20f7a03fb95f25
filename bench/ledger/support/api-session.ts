import { performance } from 'node:perf_hooks';
import { clientToken, signUpCompany, type BenchCompany } from '../../support/company.js';

// Access tokens live 15 minutes by default; a run at full size takes longer than that.
const TOKEN_REFRESH_MS = 10 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 120_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function excerpt(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** One company's API client: a token renewed before it expires, and checked requests. */
export class ApiSession {
  private token: { value: string; at: number } | undefined;

  private constructor(
    readonly baseUrl: string,
    readonly company: BenchCompany,
  ) {}

  /** Signs up a new company (default chart, VAT codes, last, this and next fiscal year). */
  static async signUp(baseUrl: string, name: string): Promise<ApiSession> {
    return new ApiSession(baseUrl, await signUpCompany(baseUrl, name));
  }

  get companyId(): string {
    return this.company.companyId;
  }

  async headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    if (!this.token || performance.now() - this.token.at > TOKEN_REFRESH_MS) {
      this.token = { value: await clientToken(this.baseUrl, this.company), at: performance.now() };
    }
    return { authorization: `Bearer ${this.token.value}`, ...extra };
  }

  /** Sends a request and reads the whole body; throws an `ApiError` unless the status is `expected`. */
  async request(path: string, init: RequestInit & { expected: number }): Promise<string> {
    const { expected, ...rest } = init;
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...rest,
      headers: await this.headers(rest.headers as Record<string, string> | undefined),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.status !== expected) {
      throw new ApiError(
        response.status,
        `${rest.method ?? 'GET'} ${path} answered ${response.status}: ${excerpt(text)}`,
      );
    }
    return text;
  }

  postJson(path: string, body: string, expected = 201): Promise<string> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      expected,
    });
  }
}
