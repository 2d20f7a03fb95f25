import { BadRequestException, NotFoundException } from '@nestjs/common';
import { NotFoundError, RequestValidationError } from './domain-error.js';
import { ERROR_CATALOG, ERROR_CODES, codeFromSlug, problemSlug } from './error-catalog.js';
import { toProblem } from './problem.js';

const context = {
  instance: '/v1/x',
  requestId: 'req_1',
  publicBaseUrl: 'https://api.example',
  bodyLimitBytes: 1000,
};

describe('toProblem', () => {
  it('maps a domain error through the catalogue', () => {
    const { problem, isInternal } = toProblem(new NotFoundError('voucher', 'abc'), context);
    expect(problem).toEqual({
      type: 'https://api.example/v1/problems/not-found',
      title: 'Resource not found',
      status: 404,
      detail: 'No voucher with id abc was found.',
      instance: '/v1/x',
      code: 'NOT_FOUND',
      requestId: 'req_1',
    });
    expect(isInternal).toBe(false);
  });

  it('keeps the field errors of a validation error', () => {
    const errors = [{ pointer: '/a', detail: 'must be a string', rule: 'isString' }];
    const { problem } = toProblem(new RequestValidationError(errors), context);
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors });
    expect(problem.detail).toBe('1 field is not valid: /a must be a string.');
  });

  it('recognises body parser errors', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(toProblem(tooLarge, context).problem).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const malformed = Object.assign(new SyntaxError('Unexpected end'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    expect(toProblem(malformed, context).problem).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it("labels Nest's route miss as ROUTE_NOT_FOUND", () => {
    const { problem } = toProblem(new NotFoundException('Cannot GET /v1/x'), context);
    expect(problem).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'No operation for GET /v1/x.' });
  });

  it('never shows the message of an unexpected error', () => {
    const { problem, isInternal } = toProblem(new Error('password=hunter2'), context);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(problem.detail).not.toContain('hunter2');
    expect(problem.detail).toContain('req_1');
    expect(isInternal).toBe(true);
  });

  it('treats an HTTP exception with no catalogue code as internal', () => {
    expect(toProblem(new BadRequestException('raw'), context)).toMatchObject({
      isInternal: true,
      problem: { status: 500 },
    });
  });
});

describe('error catalogue', () => {
  it('turns every code into a slug and back', () => {
    for (const code of ERROR_CODES) expect(codeFromSlug(problemSlug(code))).toBe(code);
    expect(codeFromSlug('no-such-problem')).toBeUndefined();
  });

  it('gives every code a 4xx or 5xx status and a description', () => {
    for (const entry of Object.values(ERROR_CATALOG)) {
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.description.length).toBeGreaterThan(20);
    }
  });
});
