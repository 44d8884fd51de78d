import fc from 'fast-check';
import { api, bearer, graphql, tokens, type ErrorBody } from '../helpers/http';
import { STORY_SLUG } from '../fixtures/story-000';

/**
 * Whatever a client sends, the answer is never a 5xx: a refusal is a 4xx with a JSON
 * error body that says what was wrong, and the server keeps serving afterwards.
 * Property-based: fast-check generates the queries, a fixed seed keeps a failure
 * reproducible (FC_SEED=<n> to explore other inputs), and it shrinks a failure to
 * the smallest query that still breaks, which is what the report prints.
 */

const SEED = Number(process.env.FC_SEED ?? 20261130);
const RUNS = Number(process.env.FC_RUNS ?? 1000);

const FIELDS = [
  'headline',
  'slug',
  'publishedDate',
  'section',
  'name',
  'kind',
  'text',
  'id',
  'documentId',
  'locale',
  'createdAt',
  'publishedAt',
  'nope',
  '__proto__',
  'constructor',
];
const RELATIONS = ['people', 'organizations', 'sources', 'quotes', 'publisher', 'speaker', 'affiliation', 'figures', 'localizations', 'createdBy', 'nope'];
const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$in',
  '$notIn',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$between',
  '$contains',
  '$containsi',
  '$startsWith',
  '$null',
  '$notNull',
  '$or',
  '$and',
  '$not',
  '$regex',
  '$raw',
  '$foo',
];
const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE articles; --",
  '") UNION SELECT password FROM admin_users --',
  '%',
  '_',
  '\\',
  '\u0000',
  '\u202e',
  '\ud83d\ude00',
  'العراق',
  '١٢٣',
  '\uFEFF',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999999999',
  '-9223372036854775809',
  '0x1F',
  '[object Object]',
  '*',
  '**',
  '.',
  '..',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'a'.repeat(5000),
];

const value = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.fullUnicodeString({ maxLength: 20 }),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
);
const field = fc.constantFrom(...FIELDS);
const relation = fc.constantFrom(...RELATIONS);
const operator = fc.constantFrom(...OPERATORS);

/** A filter path: filters[a][b][$op] or nested logical operators, up to several levels deep. */
const filterKey = fc
  .array(fc.oneof(field, relation, operator, fc.integer({ min: 0, max: 3 }).map(String)), { minLength: 1, maxLength: 12 })
  .map((parts) => `filters${parts.map((p) => `[${p}]`).join('')}`);
const populateKey = fc.oneof(
  fc.constant('populate'),
  fc
    .array(fc.oneof(relation, fc.constantFrom('populate', 'fields', 'filters', 'sort', 'on', '0')), { minLength: 1, maxLength: 10 })
    .map((parts) => `populate${parts.map((p) => `[${p}]`).join('')}`),
);
const parameter: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(filterKey, value),
  fc.tuple(populateKey, fc.oneof(value, fc.constantFrom('*', 'true', 'false', 'people,quotes', 'quotes.speaker.affiliation'))),
  fc.tuple(
    fc.constantFrom('sort', 'sort[0]', 'sort[1]', 'sort[field]'),
    fc.oneof(
      value,
      field.map((f) => `${f}:desc`),
      field.map((f) => `${f}:sideways`),
    ),
  ),
  fc.tuple(fc.constantFrom('fields', 'fields[0]', 'fields[1]', 'fields[nope]'), fc.oneof(value, field)),
  fc.tuple(fc.constantFrom('pagination[page]', 'pagination[pageSize]', 'pagination[start]', 'pagination[limit]', 'pagination[withCount]', 'pagination'), value),
  fc.tuple(
    fc.constantFrom('locale', 'locale[0]', 'status', 'q', 'type', 'limit', 'publicationFilter'),
    fc.oneof(value, fc.constantFrom('ar', 'en', 'draft', 'published', '*')),
  ),
  // Unknown parameters, including prototype-looking ones: a 400, never silently ignored.
  fc.tuple(
    fc.oneof(
      fc.constantFrom('__proto__[x]', 'constructor[prototype][x]', 'foo', 'filter[slug]', '_q', 'populate]['),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
    value,
  ),
);

const paths = fc.constantFrom(
  '/api/articles',
  '/api/articles/%ID%',
  '/api/people',
  '/api/organizations',
  '/api/sources',
  '/api/quotes',
  '/api/quotes/%ID%',
  '/api/search',
  `/api/articles/slug/${STORY_SLUG}`,
  '/api/articles/%ID%/jsonld',
  '/api/articles/%ID%/ninjs',
  '/api/articles/%RANDOM%',
  '/api/articles/slug/%RANDOM%',
);

/** Query strings as a client could really send them, including broken percent-encoding. */
const queryString = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.array(parameter, { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%E0%A4%A',
      'a=%ZZ',
      '&&&',
      '=',
      'filters=1&filters[a]=2',
      'populate[quotes][populate][speaker][populate][affiliation][populate][people]=*',
    ),
  },
);

let storyId = '';
beforeAll(async () => {
  const res = await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200);
  storyId = res.body.data.documentId;
});

async function stillServing(): Promise<void> {
  await api().get('/_health').expect(204);
  const res = await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200);
  expect(res.body.data).toMatchObject({ slug: STORY_SLUG });
}

function expectWellFormedRest(res: { status: number; headers: Record<string, string>; body: ErrorBody; text: string }, url: string): void {
  expect({ url, serverError: res.status >= 500 }).toEqual({ url, serverError: false });
  if (res.status >= 400) {
    expect({ url, type: res.headers['content-type'] }).toMatchObject({ url, type: expect.stringMatching(/application\/json/) });
    expect({ url, body: res.body }).toMatchObject({ url, body: { error: { status: res.status, message: expect.any(String) } } });
    // No stack trace or generated SQL in a refusal (the client's own text may be echoed back, naming a bad key).
    expect({ url, leak: /\n\s+at |from "public"\.|"t0"\.|knex|sqlite_|pg_catalog/i.test(res.text) }).toEqual({ url, leak: false });
  }
}

describe('hostile REST queries', () => {
  it.each([
    ['anonymously', () => ({})],
    ['with a read-only token', () => bearer(tokens.readOnly())],
  ])('never get a 5xx, %s', async (_label, headers) => {
    await fc.assert(
      fc.asyncProperty(paths, queryString, fc.string({ minLength: 1, maxLength: 30 }), async (template, query, random) => {
        const path = template.replace('%ID%', storyId).replace('%RANDOM%', encodeURIComponent(random));
        const url = query ? `${path}?${query}` : path;
        const res = await api().get(url).set(headers());
        expectWellFormedRest(res, url);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    await stillServing();
  });

  it('rejects unknown query parameters with a 400 that names them', async () => {
    for (const path of ['/api/articles', `/api/articles/${storyId}`, '/api/people', '/api/search', `/api/articles/slug/${STORY_SLUG}`]) {
      const res = await api()
        .get(path)
        .query({ ...(path === '/api/search' && { q: 'العراق' }), locale: 'ar', colour: 'blue' });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body).toMatchObject({ error: { status: 400, name: 'ValidationError', message: expect.stringContaining('colour') } });
    }
    // A typo of a real parameter is the case that matters: it must not return the unfiltered archive.
    const typo = await api().get('/api/articles').query({ 'filter[slug][$eq]': STORY_SLUG }).expect(400);
    expect(typo.body.error.message).toContain('filter');
  });
});

/** GraphQL documents: deep, wide, aliased, with fragments, wrong types, or plain garbage. */
const SELECTIONS = ['headline', 'slug', 'documentId', 'locale', 'publishedAt', 'nope', '__typename'];
const NESTED: Record<string, string[]> = {
  articles: ['quotes', 'people', 'organizations', 'sources', 'publisher'],
  quotes: ['speaker', 'speakerOrganization', 'source', 'article'],
  people: ['affiliation', 'articles'],
  speaker: ['affiliation', 'articles'],
  affiliation: ['people', 'articles'],
  organizations: ['people', 'articles'],
  sources: ['articles'],
  publisher: ['articles'],
  article: ['quotes', 'people'],
  source: ['articles'],
  speakerOrganization: ['people'],
};

const nested = (root: string, depth: number, pick: (options: string[]) => string): string => {
  if (depth === 0) return '__typename';
  const child = pick(NESTED[root] ?? ['articles']);
  return `__typename ${child} { ${nested(child, depth - 1, pick)} }`;
};

const graphqlDocument = fc.oneof(
  // Deep: some within the depth limit, some far beyond it.
  fc.tuple(fc.integer({ min: 1, max: 25 }), fc.array(fc.nat(), { minLength: 25, maxLength: 25 })).map(([depth, choices]) => {
    let i = 0;
    return `{ articles { ${nested('articles', depth, (o) => o[choices[i++ % choices.length]! % o.length]!)} } }`;
  }),
  // Wide: many aliases of the same list.
  fc
    .integer({ min: 1, max: 60 })
    .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: articles(pagination: { pageSize: 100 }) { headline }`).join(' ')} }`),
  // Fragments: valid, unknown, on the wrong type, and cycles.
  fc.constantFrom(
    'query { articles { ...A } } fragment A on Article { headline quotes { text } }',
    'query { articles { ...Missing } }',
    'query { articles { ...P } } fragment P on Person { name }',
    'query { articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }',
    '{ articles { ... on Article { headline ... on Article { slug } } } }',
  ),
  // Wrong types and unknown arguments or fields.
  fc
    .tuple(fc.constantFrom('articles', 'people', 'quotes', 'search', 'article'), fc.constantFrom(...HOSTILE_STRINGS), fc.integer())
    .map(([root, text, n]) =>
      root === 'search'
        ? `{ search(q: ${JSON.stringify(text)}, limit: ${n}) { __typename } }`
        : root === 'article'
          ? `{ article(documentId: ${n}) { headline } }`
          : `{ ${root}(pagination: { pageSize: ${JSON.stringify(text)}, page: ${n} }, sort: ${JSON.stringify(text)}, filters: { slug: { eq: ${n} } }, locale: ${JSON.stringify(text)}) { __typename } }`,
    ),
  fc
    .tuple(fc.constantFrom('articles', 'people', 'quotes'), fc.constantFrom(...SELECTIONS), fc.integer({ min: -5, max: 100000 }))
    .map(([root, selection, size]) => `{ ${root}(pagination: { pageSize: ${size} }) { ${selection} } }`),
  // Garbage.
  fc.string({ maxLength: 200 }),
  fc.fullUnicodeString({ maxLength: 100 }).map((s) => `{ ${s} }`),
);

/** Declared variables sent with the wrong type, or not at all. */
const wrongVariables = fc.record({
  query: fc.constantFrom(
    'query ($id: ID!) { article(documentId: $id) { headline } }',
    'query ($size: Int) { articles(pagination: { pageSize: $size }) { headline } }',
    'query ($q: String!, $limit: Int) { search(q: $q, limit: $limit) { hits { title } } }',
    'query ($locale: I18NLocaleCode) { people(locale: $locale) { name } }',
  ),
  variables: fc.dictionary(fc.constantFrom('id', 'size', 'q', 'limit', 'locale', 'extra'), fc.oneof(fc.jsonValue(), fc.constantFrom(...HOSTILE_STRINGS))),
});

const graphqlBody = fc.oneof(
  { weight: 2, arbitrary: wrongVariables },
  { weight: 6, arbitrary: fc.record({ query: graphqlDocument }) },
  {
    weight: 1,
    arbitrary: fc.record({ query: graphqlDocument, variables: fc.oneof(fc.constant('not-an-object'), fc.dictionary(fc.string(), fc.jsonValue())) }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant({}),
      fc.constant({ query: 42 }),
      fc.constant([]),
      fc.constant({ query: '{ articles { headline } }', operationName: 'Nope' }),
    ),
  },
);

describe('hostile GraphQL documents', () => {
  it.each([
    ['anonymously', () => ({})],
    ['with a read-only token', () => bearer(tokens.readOnly())],
  ])('never get a 5xx, %s', async (_label, headers) => {
    await fc.assert(
      fc.asyncProperty(graphqlBody, async (body) => {
        const res = await api()
          .post('/graphql')
          .set(headers())
          .send(body as object);
        const label = JSON.stringify(body).slice(0, 300);
        expect({ label, serverError: res.status >= 500 }).toEqual({ label, serverError: false });
        expect({ label, json: /application\/json/.test(res.headers['content-type'] ?? '') }).toEqual({ label, json: true });
        if (res.status >= 400) expect({ label, errors: Array.isArray(res.body.errors) && res.body.errors.length > 0 }).toEqual({ label, errors: true });
        else expect({ label, answered: 'data' in res.body || 'errors' in res.body }).toEqual({ label, answered: true });
        expect({ label, stack: JSON.stringify(res.body).includes('stacktrace') }).toEqual({ label, stack: false });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    await stillServing();
  });

  it('refuses a query deeper than the depth limit, before running it', async () => {
    let i = 0;
    const deep = `{ articles { ${nested('articles', 14, (o) => o[i++ % o.length]!)} } }`;
    const res = await graphql(deep).expect(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth of 10/);
  });

  it('refuses an operation selecting more fields than the amount limit', async () => {
    const wide = `{ ${Array.from({ length: 130 }, (_, i) => `a${i}: articles { headline }`).join(' ')} }`;
    const res = await graphql(wide).expect(400);
    expect(res.body.errors[0].message).toMatch(/selects 260 fields .* the limit is 250/);
  });

  it('caps a page at the configured maximum', async () => {
    const res = await graphql('{ articles_connection(pagination: { pageSize: 100000 }) { pageInfo { pageSize } } }').expect(200);
    expect(res.body.data.articles_connection.pageInfo.pageSize).toBe(100);
  });

  it('refuses unknown and cyclic fragments with a 400, before they reach the plugin', async () => {
    const missing = await graphql('{ articles { ...Missing } }').expect(400);
    expect(missing.body.errors[0].message).toBe('Unknown fragment "Missing".');
    const cycle = await graphql(
      '{ articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }',
      undefined,
      bearer(tokens.readOnly()),
    ).expect(400);
    expect(cycle.body.errors[0].message).toMatch(/within itself/);
  });
});

describe('request bodies over the configured limit', () => {
  // REQUEST_BODY_LIMIT defaults to 1mb; 2 MB of Arabic text is over it whatever the encoding.
  const huge = 'ع'.repeat(1024 * 1024);

  it('are a 413 on REST writes, and nothing is stored', async () => {
    const slug = 'body-limit-test';
    const res = await api()
      .post('/api/articles')
      .query({ locale: 'ar' })
      .set(bearer(tokens.fullAccess()))
      .send({ data: { headline: 'x', slug, body: huge } });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      error: { status: 413, name: 'PayloadTooLargeError', message: 'Request body too large: the limit is 1mb (REQUEST_BODY_LIMIT).' },
    });
    const stored = await api().get('/api/articles').query({ 'filters[slug][$eq]': slug, status: 'draft' }).set(bearer(tokens.readOnly())).expect(200);
    expect(stored.body.data).toEqual([]);
  });

  it.each([
    ['anonymously', () => ({})],
    ['with a token', () => bearer(tokens.readOnly())],
  ])('are a 413 on GraphQL, %s', async (_label, headers) => {
    const res = await api()
      .post('/graphql')
      .set(headers())
      .send({ query: `{ articles { headline } } # ${huge}` });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.stringify(res.body)).toMatch(/too large/i);
  });

  it('leave the server serving', stillServing);
});

describe('malformed request bodies', () => {
  it('are a 400 naming the problem, on REST and GraphQL', async () => {
    const rest = await api().post('/api/articles').set(bearer(tokens.fullAccess())).set('Content-Type', 'application/json').send('{"data": {"headline": ');
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ error: { status: 400, message: expect.any(String) } });
    const gql = await api().post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expect(gql.status).toBe(400);
    expect(gql.body).toMatchObject({ errors: [{ message: 'Request body is not valid JSON.' }] });
  });
});
