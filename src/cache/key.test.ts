import { createHash } from 'crypto';
import { canonicalQuery, etagMatches, etagOf, graphqlGetKey, graphqlKey, isAnonymous, registersPersistedQuery, restKey } from './key';
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

  it('lets a POST that registers a persisted query reach Apollo', () => {
    expect(registersPersistedQuery({ query: '{ a }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } })).toBe(true);
    expect(registersPersistedQuery({ query: '{ a }' })).toBe(false);
    expect(registersPersistedQuery({ query: '{ a }', extensions: null })).toBe(false);
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

describe('GraphQL GET keys', () => {
  const query = 'query Story($slug: String!) { articles(filters: { slug: { eq: $slug } }) { headline } }';
  const hash = createHash('sha256').update(query).digest('hex');
  const persisted = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  const get = (params: Record<string, string>, accept?: string) => graphqlGetKey('/graphql', new URLSearchParams(params).toString(), accept);

  it('keys a persisted query by its hash, variables and operation name, in any parameter or key order', () => {
    const a = get({ extensions: persisted, variables: '{"slug":"x","locale":"en"}', operationName: 'Story' });
    expect(a).toMatch(/^GQL GET \/graphql /);
    expect(get({ operationName: 'Story', variables: '{ "locale": "en", "slug": "x" }', extensions: persisted })).toBe(a);
    expect(get({ extensions: persisted, variables: '{"slug":"y","locale":"en"}', operationName: 'Story' })).not.toBe(a);
    expect(get({ extensions: persisted, variables: '{"slug":"x","locale":"en"}' })).not.toBe(a);
    expect(get({ extensions: persisted, variables: '{"slug":"x","locale":"en"}', operationName: 'Story' }, 'application/graphql-response+json')).not.toBe(a);
    expect(graphqlGetKey('/other', new URLSearchParams({ extensions: persisted }).toString(), undefined)).not.toBe(get({ extensions: persisted }));
  });

  it('gives the hash alone and the hash with its own query the same key, and a plain query its own', () => {
    expect(get({ extensions: persisted, query })).toBe(get({ extensions: persisted }));
    expect(get({ query })).not.toBeNull();
    expect(get({ query })).not.toBe(get({ extensions: persisted }));
    // No layout folding: whitespace inside a string argument changes the answer.
    expect(get({ query: '{ search(q: "a  b") { total } }' })).not.toBe(get({ query: '{ search(q: "a b") { total } }' }));
  });

  it('keys nothing Apollo answers with an error', () => {
    expect(get({})).toBeNull();
    expect(get({ query: '' })).toBeNull();
    expect(get({ query: 'mutation { deleteArticle(documentId: "x") { documentId } }' })).toBeNull();
    expect(get({ query: '{ a } subscription S { b }' })).toBeNull();
    // The hash does not match the query sent with it: "provided sha does not match query".
    expect(get({ extensions: persisted, query: '{ people { name } }' })).toBeNull();
    expect(get({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash.toUpperCase() } }) })).toBeNull();
    expect(get({ extensions: JSON.stringify({ persistedQuery: { version: 2, sha256Hash: hash } }) })).toBeNull();
    expect(get({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash }, other: true }) })).toBeNull();
    expect(get({ extensions: '{not json' })).toBeNull();
    expect(get({ extensions: persisted, variables: '{not json' })).toBeNull();
    expect(get({ extensions: persisted, variables: '[1]' })).toBeNull();
    expect(graphqlGetKey('/graphql', `${new URLSearchParams({ extensions: persisted })}&operationName=A&operationName=B`, undefined)).toBeNull();
  });
});
