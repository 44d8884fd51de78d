import { graphqlGetHitKey, graphqlPostHitKey } from './graphql-hit-key';
import { graphqlKey } from './key';

describe('GraphQL requests the fast path may answer from the cache', () => {
  it('keys a POSTed query as the cache middleware stores it', () => {
    const body = { query: '{ articles { headline } }', variables: { a: 1 } };
    expect(graphqlPostHitKey('/graphql', body)).toBe(graphqlKey('/graphql', body));
  });

  it('leaves to Apollo a registration, a mutation, a batch and anything that is not a query', () => {
    const query = '{ articles { headline } }';
    expect(graphqlPostHitKey('/graphql', { query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })).toBeNull();
    expect(graphqlPostHitKey('/graphql', { query: 'mutation { deletePerson(documentId: "x") { documentId } }' })).toBeNull();
    expect(graphqlPostHitKey('/graphql', [{ query }])).toBeNull();
    expect(graphqlPostHitKey('/graphql', null)).toBeNull();
    expect(graphqlPostHitKey('/graphql', { query: 42 })).toBeNull();
  });

  it('keys a GET only when Apollo’s CSRF prevention would let it run', () => {
    const qs = `query=${encodeURIComponent('{ articles { headline } }')}`;
    expect(graphqlGetHitKey('/graphql', qs, { 'apollo-require-preflight': 'true' })).toMatch(/^GQL GET /);
    expect(graphqlGetHitKey('/graphql', qs, {})).toBeNull();
    expect(graphqlGetHitKey('/graphql', qs, { 'content-type': 'text/plain' })).toBeNull();
  });
});
