import { api, bearer, graphql, tokens, type ErrorBody } from '../helpers/http';
import { openTestDb, type TestDb } from '../helpers/test-database';
import { leakIn } from '../helpers/leaks';

/**
 * The bad requests that used to reach the database, each refused now with a 400 that
 * names it, on every path: REST, GraphQL and the admin panel. The generated property
 * tests (query-validation.test.ts) cover the rest of the space; these pin the
 * examples that were 500s, internal errors or silent losses.
 */

const PERSON_ADMIN = '/content-manager/collection-types/api::person.person';

function expectRefusal(res: { status: number; body: ErrorBody; text: string }, message: string): void {
  expect({ status: res.status, message: res.body.error?.message, leak: leakIn(res.text) }).toEqual({ status: 400, message, leak: null });
}

describe('REST queries that were 500s', () => {
  it.each([
    ['/api/quotes?filters[position][$eq]=x', 'filters[position][$eq]: expected an integer, got "x"'],
    ['/api/people?filters[name][$between]=a', 'filters[name][$between]: expected exactly 2 values, got "a"'],
    [
      '/api/people?filters[name][$between][0]=a&filters[name][$between][1]=b&filters[name][$between][2]=c',
      'filters[name][$between]: expected exactly 2 values, got a list of 3',
    ],
    ['/api/quotes?filters[position][$eq]=99999999999', 'filters[position][$eq]: expected an integer from -2147483648 to 2147483647, got "99999999999"'],
    [
      '/api/people?filters[aliases][$eq]=x',
      'filters[aliases][$eq]: $eq applies to fields with a value (not JSON or blocks); aliases is a JSON field; only $null and $notNull apply',
    ],
    ['/api/articles?filters[headline][$eq]=a%00b', 'filters[headline][$eq]: expected text without NUL characters, got "a\\u0000b"'],
    ['/api/articles?filters[publishedDate][$eq]=2026-02-30', 'filters[publishedDate][$eq]: expected a calendar date as YYYY-MM-DD, got "2026-02-30"'],
    [
      '/api/organizations?filters[kind][$eq]=nonsense',
      'filters[kind][$eq]: expected one of "government", "military", "security_forces", "coalition", "armed_group", "political_party", "international_organization", "media", "company", "ngo", "other", got "nonsense"',
    ],
    ['/api/articles?sort=body:asc', 'sort: body is a blocks field, which cannot be sorted'],
    ['/api/articles?pagination[page]=0', 'pagination[page]: expected an integer from 1 to 2147483647, got "0"'],
  ])('%s', async (url, message) => {
    for (const headers of [{}, bearer(tokens.readOnly())]) expectRefusal(await api().get(url).set(headers), message);
  });
});

describe('GraphQL queries that were internal errors', () => {
  it.each([
    ['{ people(filters: { name: { between: ["a"] } }) { name } }', 'people(filters.name.between): expected exactly 2 values, got a list of 1'],
    ['{ people(filters: { name: { between: ["a", "b", "c"] } }) { name } }', 'people(filters.name.between): expected exactly 2 values, got a list of 3'],
    ['{ people(filters: { name: { between: null } }) { name } }', 'people(filters.name.between): expected exactly 2 values, got null'],
    [
      '{ articles(filters: { publishedDate: { contains: "2024-04-28" } }) { slug } }',
      'articles(filters.publishedDate.contains): contains applies to text fields; publishedDate is a date',
    ],
    [
      '{ quotes(filters: { position: { startsWith: 1 } }) { slug } }',
      'quotes(filters.position.startsWith): startsWith applies to text fields; position is an integer',
    ],
    [
      '{ articles { slug people(filters: { name: { between: ["a"] } }) { name } } }',
      'articles.people(filters.name.between): expected exactly 2 values, got a list of 1',
    ],
    [
      '{ people(filters: { aliases: { eq: "x" } }) { slug } }',
      'people(filters.aliases.eq): eq applies to fields with a value (not JSON or blocks); aliases is a JSON field; only null and notNull apply',
    ],
    ['{ articles(locale: "fr") { slug } }', 'articles(locale): Unknown locale "fr". Available locales: ar, en.'],
  ])('%s', async (query, message) => {
    const res = await graphql(query);
    expect(res.status).toBe(400);
    expect({ leak: leakIn(res.text), data: res.body.data }).toEqual({ leak: null, data: undefined });
    expect(res.body.errors).toMatchObject([{ message, extensions: { code: 'BAD_USER_INPUT' } }]);
  });
});

describe('writes that were 500s or silent losses', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  const stored = async (table: string, slug: string) => (await db.rows(`select id from ${table} where slug = '${slug}'`)).length;
  const full = () => bearer(tokens.fullAccess());

  it.each([
    [
      'aliases that are not a list',
      'people',
      { name: 'X', slug: 'bad-aliases', aliases: 'not a list' },
      'data.aliases: expected a list of up to 100 names (non-empty strings of at most 200 characters), got "not a list"',
    ],
    [
      'a body that is not blocks',
      'articles',
      { headline: 'X', slug: 'bad-body-text', body: 'not blocks' },
      'data.body: expected a list of blocks, such as [{ "type": "paragraph", "children": [{ "type": "text", "text": "…" }] }], got "not blocks"',
    ],
    [
      'a single block object',
      'articles',
      { headline: 'X', slug: 'bad-body-object', body: { type: 'paragraph', children: [{ type: 'text', text: 'x' }] } },
      'data.body: expected a list of blocks, such as [{ "type": "paragraph", "children": [{ "type": "text", "text": "…" }] }], got an object',
    ],
    [
      'a headline over its column',
      'articles',
      { headline: 'x'.repeat(256), slug: 'bad-headline' },
      'data.headline: expected text of at most 255 characters, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"',
    ],
    [
      'a figure the column would round',
      'articles',
      { headline: 'X', slug: 'bad-figure', figures: [{ value: 1.005, label: 'l' }] },
      'data.figures[0].value: expected a number with at most 2 decimals, got 1.005',
    ],
    [
      'a date with a time',
      'articles',
      { headline: 'X', slug: 'bad-date', publishedDate: '2026-11-30T10:00:00Z' },
      'data.publishedDate: expected a calendar date as YYYY-MM-DD, got "2026-11-30T10:00:00Z"',
    ],
    ['a position as text', 'quotes', { text: 'X', slug: 'bad-position', position: '3' }, 'data.position: expected an integer, got "3"'],
    [
      'a locale in data',
      'articles',
      { headline: 'X', slug: 'bad-locale', locale: 'en' },
      'data.locale: the locale of a write is the locale query parameter (?locale=en), not a field of data',
    ],
    [
      'publishedAt in data',
      'articles',
      { headline: 'X', slug: 'bad-published-at', publishedAt: null },
      'data.publishedAt: publishing is not a field: write with ?status=published (the default) or ?status=draft',
    ],
    [
      'a private field',
      'articles',
      { headline: 'X', slug: 'bad-private', translationGaps: [] },
      'data.translationGaps: "translationGaps" is not a field of Article',
    ],
    [
      'a related document that does not exist',
      'articles',
      { headline: 'X', slug: 'bad-person', people: ['nosuchdocumentid'] },
      'data.people[0]: no Person with documentId "nosuchdocumentid" in locale ar',
    ],
  ])('REST: %s is a 400 naming the field, and nothing is stored', async (_label, table, data, message) => {
    expectRefusal(await api().post(`/api/${table}`).query({ status: 'draft' }).set(full()).send({ data }), message);
    expect(await stored(table, data.slug)).toBe(0);
  });

  it('GraphQL: the same refusals, as BAD_USER_INPUT, and private fields and publishedAt are not in the input types', async () => {
    const res = await graphql(
      'mutation { createPerson(status: DRAFT, data: { name: "X", slug: "bad-aliases-graphql", aliases: "not a list" }) { documentId } }',
      undefined,
      full(),
    );
    expect(res.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^data\.aliases: expected a list/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await stored('people', 'bad-aliases-graphql')).toBe(0);
    for (const field of ['translationGaps: []', 'publishedAt: null']) {
      const dropped = await graphql(
        `mutation { createArticle(status: DRAFT, data: { headline: "X", slug: "bad-graphql", ${field} }) { documentId } }`,
        undefined,
        full(),
      );
      expect(dropped.status).toBe(400);
      expect(dropped.body.errors[0].message).toContain(`Field "${field.split(':')[0]}" is not defined by type "ArticleInput"`);
    }
    expect(await stored('articles', 'bad-graphql')).toBe(0);
  });

  it('the admin panel: the same refusal from the Content Manager, and the person is unchanged', async () => {
    const created = await api()
      .post(PERSON_ADMIN)
      .query({ locale: 'ar' })
      .set(bearer(tokens.editorSession()))
      .send({ name: 'شخص للتحقق', slug: 'bad-input-admin-person', aliases: ['أ'] })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    const res = await api().put(`${PERSON_ADMIN}/${documentId}`).query({ locale: 'ar' }).set(bearer(tokens.editorSession())).send({ aliases: 'not a list' });
    expectRefusal(res, 'data.aliases: expected a list of up to 100 names (non-empty strings of at most 200 characters), got "not a list"');
    const rows = await db.rows<{ aliases: unknown }>(`select aliases from people where document_id = '${documentId}'`);
    expect(rows.map((r) => (typeof r.aliases === 'string' ? JSON.parse(r.aliases) : r.aliases))).toEqual([['أ']]);
    await api().delete(`${PERSON_ADMIN}/${documentId}`).query({ locale: 'ar' }).set(bearer(tokens.editorSession())).expect(200);
  });
});
