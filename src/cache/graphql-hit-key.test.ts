import { graphqlGetHitKey, graphqlPostHitKey, KeyMemo } from './graphql-hit-key';
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

describe('KeyMemo', () => {
  it('computes a key once per input, stays within its bounds, and skips inputs too long to keep', () => {
    const memo = new KeyMemo(2, 10);
    let computed = 0;
    const key = (input: string) => memo.get(input, () => `key of ${input} #${(computed += 1)}`);
    expect(key('a')).toBe('key of a #1');
    expect(key('a')).toBe('key of a #1');
    expect(key('b')).toBe('key of b #2');
    expect(key('c')).toBe('key of c #3');
    expect(memo.size).toBeLessThanOrEqual(2);
    expect(key('x'.repeat(11))).toBe(`key of ${'x'.repeat(11)} #4`);
    expect(key('x'.repeat(11))).toBe(`key of ${'x'.repeat(11)} #5`);
    // A null key (not cacheable) is remembered too.
    expect(memo.get('m', () => null)).toBeNull();
    expect(memo.get('m', () => 'never')).toBeNull();
  });
});
