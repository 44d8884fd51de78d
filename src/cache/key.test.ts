import { canonicalQuery, etagMatches, etagOf, graphqlKey, isAnonymous, restKey } from './key';
import { collectDocumentTags } from './tags';

describe('cache keys', () => {
  it('orders query parameters so equivalent URLs share an entry', () => {
    expect(restKey('/api/articles', 'locale=ar&filters%5Bslug%5D%5B%24eq%5D=x')).toBe(restKey('/api/articles', 'filters[slug][$eq]=x&locale=ar'));
    expect(canonicalQuery('b=2&a=1&a=0')).toBe('a=1&a=0&b=2');
    expect(restKey('/api/articles', '')).toBe('GET /api/articles');
  });

  it('keeps everything that changes the response in the key', () => {
    expect(restKey('/api/articles', 'locale=ar')).not.toBe(restKey('/api/articles', 'locale=en'));
    expect(restKey('/api/articles', 'locale=ar')).not.toBe(restKey('/api/people', 'locale=ar'));
  });

  it('keys GraphQL queries by operation and variables, ignoring layout and key order', () => {
    const a = graphqlKey('/graphql', { query: '{ articles { headline } }', variables: { a: 1, b: 2 } });
    const b = graphqlKey('/graphql', { query: '{\n  articles {\n    headline\n  }\n}', variables: { b: 2, a: 1 } });
    expect(a).toBe(b);
    expect(a).not.toBe(graphqlKey('/graphql', { query: '{ articles { headline } }', variables: { a: 1, b: 3 } }));
  });

  it('never keys mutations, subscriptions or malformed bodies', () => {
    expect(graphqlKey('/graphql', { query: 'mutation { deleteArticle(documentId: "x") { documentId } }' })).toBeNull();
    expect(graphqlKey('/graphql', { query: '{ a } mutation M { b }' })).toBeNull();
    expect(graphqlKey('/graphql', { query: 'subscription { x }' })).toBeNull();
    expect(graphqlKey('/graphql', {})).toBeNull();
    // The word inside a string argument is not an operation.
    expect(graphqlKey('/graphql', { query: '{ search(q: "mutation") { hits { type } } }' })).not.toBeNull();
  });

  it('shares only anonymous requests', () => {
    expect(isAnonymous({})).toBe(true);
    expect(isAnonymous({ authorization: 'Bearer x' })).toBe(false);
  });
});

describe('ETags', () => {
  it('are strong, stable and matched through lists and weak prefixes', () => {
    const etag = etagOf('{"data":[]}');
    expect(etag).toBe(etagOf(Buffer.from('{"data":[]}')));
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`"other", W/${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});

describe('collectDocumentTags', () => {
  it('finds every documentId, populated relations included', () => {
    const tags = new Set<string>();
    collectDocumentTags({ data: [{ documentId: 'a', people: [{ documentId: 'p', affiliation: { documentId: 'o' } }], cover: null }] }, tags);
    expect([...tags].sort()).toEqual(['doc:a', 'doc:o', 'doc:p']);
  });
});
