import { Controller, Get, Module } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import request from 'supertest';
import { IS_PUBLIC, REQUIRED_SCOPE } from '../../../src/common/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Nest's metadata keys for route handlers and GraphQL root fields.
const PATH_METADATA = 'path';
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

interface Handler {
  name: string;
  declares: boolean;
}

function handlersOf(app: TestApp['app']): { routes: Handler[]; graphqlFields: Handler[] } {
  const routes: Handler[] = [];
  const graphqlFields: Handler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    const classes = [...module.controllers.values(), ...module.providers.values()]
      .map((wrapper) => wrapper.metatype)
      .filter(
        (metatype): metatype is new (...args: never[]) => object =>
          typeof metatype === 'function' && metatype.prototype !== undefined,
      );
    for (const type of new Set(classes)) {
      for (const key of Object.getOwnPropertyNames(type.prototype)) {
        // Read descriptors, not properties: a getter on a service must not run here.
        const method: unknown = Object.getOwnPropertyDescriptor(type.prototype, key)?.value;
        if (key === 'constructor' || typeof method !== 'function') continue;
        const declares = [IS_PUBLIC, REQUIRED_SCOPE].some(
          (meta) =>
            Reflect.getMetadata(meta, method) !== undefined || Reflect.getMetadata(meta, type) !== undefined,
        );
        const handler = { name: `${type.name}.${key}`, declares };
        if (module.controllers.has(type) && Reflect.getMetadata(PATH_METADATA, method) !== undefined)
          routes.push(handler);
        if (ROOT_TYPES.includes(Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string))
          graphqlFields.push(handler);
      }
    }
  }
  return { routes, graphqlFields };
}

describe('every entry point declares its access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes and GraphQL fields it walks', () => {
    const { routes, graphqlFields } = handlersOf(t.app);
    expect(routes.map((r) => r.name)).toEqual(
      expect.arrayContaining(['HealthController.getLiveness', 'CompaniesController.get']),
    );
    expect(graphqlFields.map((f) => f.name)).toEqual(expect.arrayContaining(['CompaniesResolver.company']));
  });

  it('has @Public() or @RequireScope() on every REST handler and GraphQL root field', () => {
    const { routes, graphqlFields } = handlersOf(t.app);
    const undeclared = [...routes, ...graphqlFields]
      .filter((handler) => !handler.declares)
      .map((h) => h.name);
    expect(undeclared).toEqual([]);
  });

  it('answers 401 to every scoped operation of the spec called without credentials', async () => {
    const spec = (await request(t.http).get('/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const scoped = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => (operation.security?.length ?? 0) > 0)
        .map(([method]) => ({
          method,
          path: path.replaceAll(/\{[^}]+\}/g, '0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b'),
        })),
    );
    expect(scoped.length).toBeGreaterThan(3);
    for (const { method, path } of scoped) {
      const res = await request(t.http)[method as 'get'](path).send({});
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({
        method,
        path,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="hovedbok"');
    }
  });
});

@ApiExcludeController()
@Controller('forgotten')
class ForgottenController {
  @Get()
  forgotten(): string {
    return 'this should never be served';
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('a handler that declares nothing', () => {
  it('is found by the walk above and refused, not served', async () => {
    const t = await createTestApp({ extraImports: [ForgottenModule] });
    try {
      const undeclared = handlersOf(t.app).routes.filter((handler) => !handler.declares);
      expect(undeclared.map((h) => h.name)).toEqual(['ForgottenController.forgotten']);
      const res = await request(t.http).get('/v1/forgotten');
      expect(res.status).toBe(500);
      expect(res.text).not.toContain('this should never be served');
    } finally {
      await t.close();
    }
  });
});
