import type { Scenario } from './scenario.js';

const QUERY = '{ health { status database migrations } }';

// GraphQL reports most failures with status 200 and an `errors` member: count those as mismatches.
function hasDataWithoutErrors(body: string): boolean {
  return body.includes('"data"') && !body.includes('"errors"');
}

/** The same readiness check through Apollo: parsing, validation, limits and the resolver. */
export const graphqlHealth: Scenario = {
  name: 'POST /graphql { health }',
  path: '/graphql',
  request: {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    verifyBody: hasDataWithoutErrors,
  },
};
