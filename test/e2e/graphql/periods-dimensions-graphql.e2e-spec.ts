import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { countQueries, graphql } from '../../support/graphql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GraphQL fiscal years, periods and dimensions', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    token = await clientToken(t.http, company);
  });
  afterAll(() => t.close());

  it('adds a fiscal year, and closes, locks and reopens a period with version checks', async () => {
    const years = await graphql(
      t.http,
      token,
      `
        {
          fiscalYears {
            startDate
            endDate
          }
        }
      `,
    );
    const last = years.data?.fiscalYears.at(-1);
    const nextStart = `${Number(last.endDate.slice(0, 4)) + 1}-01-01`;
    const added = await graphql(
      t.http,
      token,
      `
        mutation ($start: String!) {
          createFiscalYear(startDate: $start) {
            id
            startDate
            endDate
          }
        }
      `,
      { start: nextStart },
    );
    expect(added.errors).toBeUndefined();
    const yearId = added.data?.createFiscalYear.id;
    const periods = await graphql(
      t.http,
      token,
      `
        query ($y: ID) {
          periods(fiscalYearId: $y) {
            id
            number
            status
            version
          }
        }
      `,
      { y: yearId },
    );
    expect(periods.data?.periods).toHaveLength(12);
    const { id, version } = periods.data.periods[0];

    const transition = (name: string, v: number) =>
      graphql(
        t.http,
        token,
        `mutation ($id: ID!, $v: Int) { ${name}(id: $id, expectedVersion: $v) { status version } }`,
        {
          id,
          v,
        },
      );
    const closed = await transition('closePeriod', version);
    expect(closed.data?.closePeriod).toEqual({ status: 'closed', version: version + 1 });
    const locked = await transition('lockPeriod', version + 1);
    expect(locked.data?.lockPeriod.status).toBe('locked');
    const withoutReopen = await clientToken(t.http, company, ['ledger:read', 'periods:write']);
    const refused = await graphql(
      t.http,
      withoutReopen,
      `
        mutation ($id: ID!) {
          reopenPeriod(id: $id) {
            status
          }
        }
      `,
      {
        id,
      },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', status: 403 });
    const reopened = await transition('reopenPeriod', version + 2);
    expect(reopened.data?.reopenPeriod.status).toBe('open');
  });

  it('refuses a period filter that is not a calendar date', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        {
          periods(from: "2026-13-01") {
            id
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('creates and changes dimensions and values, and lists them with their values in one query each', async () => {
    const dimension = await graphql(
      t.http,
      token,
      `
        mutation {
          createDimension(name: "Region") {
            id
            version
          }
        }
      `,
    );
    expect(dimension.errors).toBeUndefined();
    const dimensionId = dimension.data?.createDimension.id;
    const value = await graphql(
      t.http,
      token,
      `
        mutation ($d: ID!) {
          createDimensionValue(dimensionId: $d, input: { code: "N", name: "Nord" }) {
            id
            version
          }
        }
      `,
      { d: dimensionId },
    );
    expect(value.errors).toBeUndefined();
    const renamed = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!, $v: Int) {
          updateDimensionValue(id: $id, expectedVersion: $v, input: { name: "Nord-Norge" }) {
            name
          }
        }
      `,
      { id: value.data?.createDimensionValue.id, v: value.data?.createDimensionValue.version },
    );
    expect(renamed.data?.updateDimensionValue.name).toBe('Nord-Norge');
    const dimensionRenamed = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!) {
          updateDimension(id: $id, input: { name: "Landsdel" }) {
            name
          }
        }
      `,
      { id: dimensionId },
    );
    expect(dimensionRenamed.data?.updateDimension.name).toBe('Landsdel');

    let listed: Awaited<ReturnType<typeof graphql>> | undefined;
    const counted = await countQueries(async () => {
      listed = await graphql(
        t.http,
        token,
        `
          {
            dimensions {
              name
              values {
                code
                name
              }
            }
          }
        `,
      );
    });
    const dimensions = listed?.data?.dimensions as { name: string; values: unknown[] }[];
    expect(dimensions.length).toBeGreaterThanOrEqual(3);
    expect(dimensions.find((d) => d.name === 'Landsdel')?.values).toEqual([
      { code: 'N', name: 'Nord-Norge' },
    ]);
    // One transaction for the dimensions and one for all their values, whatever their number.
    const valueQueries = counted.sql.filter((sql) => sql.includes('dimension_values'));
    expect(valueQueries).toHaveLength(1);
  });

  it('refuses a dimension without the scope', async () => {
    const accountsOnly = await clientToken(t.http, company, ['accounts:read']);
    const res = await graphql(
      t.http,
      accountsOnly,
      `
        {
          dimensions {
            id
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
  });
});
