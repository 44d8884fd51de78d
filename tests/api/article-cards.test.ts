import fc from 'fast-check';
import { api, bearer, tokens } from '../helpers/http';
import { openTestDb } from '../helpers/test-database';
import { STORY_SLUG } from '../fixtures/story-000';
import { ARTICLE_DEFAULT_POPULATE } from '../../src/api/article/middlewares/default-populate';

/**
 * Answers served from the article read model must be the core answers byte for byte.
 * The core answer is forced by an explicit populate equal to the default (the read model
 * answers only the route's own default), so both go through the same server, data and auth;
 * reads with a token are never cached, so each comparison is two computations.
 */

const RUN = `cards${Date.now().toString(36)}`;
const asTool = () => bearer(tokens.fullAccess());
const asReader = () => bearer(tokens.readOnly());
const CM = '/content-manager/collection-types/api::article.article';
const SECTIONS = [`${RUN}-a`, `${RUN}-b`] as const;

/** `populate[people][populate][affiliation]=true`… for a populate object, in its key order. */
function flatten(value: unknown, prefix: string, into: Array<[string, string]>): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, into));
  else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}[${key}]`, into);
  else into.push([prefix, String(value)]);
  return into;
}
const EXPLICIT_DEFAULT_POPULATE = flatten(ARTICLE_DEFAULT_POPULATE, 'populate', [])
  .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  .join('&');

type Query = Record<string, string>;
type Who = 'public' | 'reader';

async function list(query: Query, who: Who, explicitPopulate: boolean): Promise<string> {
  const search = new URLSearchParams(query).toString();
  const path = `/api/articles?${[search, explicitPopulate ? EXPLICIT_DEFAULT_POPULATE : ''].filter(Boolean).join('&')}`;
  const request = api().get(path);
  const res = await (who === 'reader' ? request.set(asReader()) : request);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.text;
}

/** The benchmark's GraphQL story (scripts/lib/bench-reads.js) plus what else the views hold; `@include(if: true)` forces the resolvers. */
function storyQuery(forceResolvers: boolean): string {
  const force = forceResolvers ? ' @include(if: true)' : '';
  return `query Story($slug: String!, $locale: I18NLocaleCode) {
    articles(locale: $locale, filters: { slug: { eq: $slug } }) {
      documentId headline${force} summary publishedDate section
      quotes(sort: "position:asc") { position kind text speaker { name jobTitle } speakerOrganization { name } source { name shortName } }
      people { name jobTitle affiliation { name } } sources { name shortName } organizations { name }
      figures { value unit label } corrections { text } publisher { name } cover { url }
    }
  }`;
}

function latestQuery(forceResolvers: boolean): string {
  const force = forceResolvers ? ' @include(if: true)' : '';
  return `query Latest($locale: I18NLocaleCode, $status: PublicationStatus) {
    articles(locale: $locale, status: $status, sort: "publishedDate:desc", pagination: { pageSize: 4 }) {
      documentId slug${force} headline publishedAt people { documentId name slug } quotes(sort: ["position:asc"]) { documentId text speaker { name } }
    }
  }`;
}

async function graphql(query: string, variables: Record<string, unknown>, who: Who): Promise<string> {
  const request = api().post('/graphql').send({ query, variables });
  const res = await (who === 'reader' ? request.set(asReader()) : request);
  expect({ status: res.status, errors: (res.body as { errors?: unknown }).errors }).toEqual({ status: 200, errors: undefined });
  return res.text;
}

async function expectGraphqlEqualCore(fixture: Fixture, context: Record<string, unknown> = {}): Promise<void> {
  const cases: Array<{ label: string; query: (force: boolean) => string; variables: Record<string, unknown>; who: Who[] }> = [
    ...[STORY_SLUG, ...fixture.articles.slice(0, 3).map((a) => a.slug)].flatMap((slug) =>
      (['ar', 'en'] as const).map((locale) => ({
        label: `story ${slug} ${locale}`,
        query: storyQuery,
        variables: { slug, locale },
        who: ['public', 'reader'] as Who[],
      })),
    ),
    { label: 'latest ar', query: latestQuery, variables: { locale: 'ar' }, who: ['public', 'reader'] },
    { label: 'latest drafts', query: latestQuery, variables: { locale: 'ar', status: 'DRAFT' }, who: ['reader'] },
  ];
  for (const { label, query, variables, who } of cases) {
    for (const caller of who) {
      const served = await graphql(query(false), variables, caller);
      const core = await graphql(query(true), variables, caller);
      expect({ ...context, label, caller, body: around(served, core) }).toEqual({ ...context, label, caller, body: around(core, served) });
    }
  }
}

/** Hides every view row (renames its locale) while a read runs, so the read takes the core path; then restores them. */
async function withoutViews<T>(read: () => Promise<T>): Promise<T> {
  const db = await openTestDb();
  try {
    await db.rows(`UPDATE newsroom_article_views SET locale = 'hidden-' || locale WHERE locale NOT LIKE 'hidden-%'`);
    return await read();
  } finally {
    await db.rows(`UPDATE newsroom_article_views SET locale = SUBSTR(locale, 8) WHERE locale LIKE 'hidden-%'`);
    await db.close();
  }
}

async function search(query: Query): Promise<string> {
  // With a token: never cached, so each read is computed.
  const res = await api().get('/api/search').query(query).set(asReader());
  expect({ query, status: res.status }).toEqual({ query, status: 200 });
  return res.text;
}

async function expectSearchesEqualCore(context: Record<string, unknown> = {}): Promise<void> {
  const queries: Query[] = [
    { q: RUN, locale: 'ar' },
    { q: RUN, locale: 'ar', type: 'article', pageSize: '3', page: '2' },
    { q: RUN, locale: 'en' },
    { q: RUN, locale: 'ar', status: 'draft' },
    { q: 'الاعرجي', locale: 'ar' },
    { q: 'Khafaji', locale: 'en' },
  ];
  const served: string[] = [];
  for (const query of queries) served.push(await search(query));
  const core = await withoutViews(async () => {
    const answers: string[] = [];
    for (const query of queries) answers.push(await search(query));
    return answers;
  });
  queries.forEach((query, i) =>
    expect({ ...context, query, body: around(served[i], core[i]) }).toEqual({ ...context, query, body: around(core[i], served[i]) }),
  );
}

interface Fixture {
  people: Array<{ documentId: string; slug: string }>;
  articles: Array<{ documentId: string; slug: string; quotes: string[]; published: boolean }>;
}

function listQueries(fixture: Fixture): Array<{ label: string; query: Query; who: Who[] }> {
  const both: Who[] = ['public', 'reader'];
  return [
    { label: 'default locale', query: {}, who: both },
    { label: 'latest ar', query: { locale: 'ar', sort: 'publishedDate:desc', 'pagination[pageSize]': '3' }, who: both },
    { label: 'latest ar page 2', query: { locale: 'ar', sort: 'publishedDate:desc', 'pagination[pageSize]': '3', 'pagination[page]': '2' }, who: both },
    { label: 'past the end', query: { locale: 'ar', sort: 'publishedDate:desc', 'pagination[pageSize]': '3', 'pagination[page]': '400' }, who: both },
    { label: 'latest en', query: { locale: 'en', sort: 'publishedDate:desc', 'pagination[pageSize]': '4' }, who: both },
    { label: 'drafts', query: { locale: 'ar', status: 'draft', sort: 'headline:asc', 'filters[slug][$startsWith]': RUN }, who: ['reader'] },
    { label: 'section', query: { locale: 'ar', 'filters[section][$eq]': SECTIONS[0], sort: 'publishedDate:desc' }, who: both },
    { label: 'person', query: { locale: 'ar', 'filters[people][slug][$eq]': fixture.people[0].slug, sort: 'slug:asc' }, who: both },
    {
      label: 'person, newest first',
      query: { locale: 'ar', 'filters[people][documentId][$eq]': fixture.people[1].documentId, sort: 'publishedDate:desc', 'pagination[pageSize]': '2' },
      who: both,
    },
    { label: 'story by slug', query: { locale: 'ar', 'filters[slug][$eq]': STORY_SLUG }, who: both },
    { label: 'story by slug en', query: { locale: 'en', 'filters[slug][$eq]': STORY_SLUG }, who: both },
    {
      label: 'offsets, no count',
      query: { locale: 'ar', sort: 'slug:desc', 'pagination[start]': '1', 'pagination[limit]': '2', 'pagination[withCount]': 'false' },
      who: both,
    },
    { label: 'with count', query: { locale: 'ar', 'filters[slug][$startsWith]': RUN, 'pagination[withCount]': 'true', sort: 'headline:desc' }, who: both },
  ];
}

/** The text around the first byte where two answers part, so a failure shows the difference rather than two pages of JSON. */
function around(text: string, other: string): string {
  let i = 0;
  while (i < text.length && text[i] === other[i]) i += 1;
  return i === text.length && text.length === other.length ? text : `…${text.slice(Math.max(0, i - 300), i + 300)}…`;
}

async function expectListsEqualCore(fixture: Fixture, context: Record<string, unknown> = {}): Promise<void> {
  for (const { label, query, who } of listQueries(fixture)) {
    for (const caller of who) {
      const served = await list(query, caller, false);
      const core = await list(query, caller, true);
      expect({ ...context, label, caller, body: around(served, core) }).toEqual({ ...context, label, caller, body: around(core, served) });
    }
  }
}

let serial = 0;
async function createArticle(fixture: Fixture, withEnglish: boolean): Promise<void> {
  serial += 1;
  const slug = `${RUN}-${serial}`;
  const res = await api()
    .post('/api/articles')
    .query({ locale: 'ar' })
    .set(asTool())
    .send({
      data: {
        headline: `خبر ${RUN} ${serial}`,
        slug,
        summary: `ملخص ${serial}`,
        publishedDate: `2031-01-${String((serial % 27) + 1).padStart(2, '0')}`,
        section: SECTIONS[serial % 2],
        people: fixture.people.slice(0, (serial % 2) + 1).map((p) => p.documentId),
      },
    })
    .expect(201);
  const article = { documentId: (res.body as { data: { documentId: string } }).data.documentId, slug, quotes: [], published: true };
  fixture.articles.push(article);
  if (withEnglish) {
    await api()
      .put(`/api/articles/${article.documentId}`)
      .query({ locale: 'en' })
      .set(asTool())
      .send({ data: { headline: `Story ${RUN} ${serial}`, slug: `${slug}-en`, section: SECTIONS[serial % 2] } })
      .expect(200);
  }
  await addQuote(fixture, fixture.articles.length - 1);
}

async function addQuote(fixture: Fixture, index: number): Promise<void> {
  serial += 1;
  const article = fixture.articles[index % fixture.articles.length];
  const res = await api()
    .post('/api/quotes')
    .query({ locale: 'ar' })
    .set(asTool())
    .send({
      data: {
        text: `قال ${RUN} ${serial}`,
        slug: `${RUN}-quote-${serial}`,
        kind: 'direct',
        // Unique positions: quotes whose positions tie are left to the GraphQL resolvers (another query may order a tie otherwise).
        position: serial,
        speaker: fixture.people[serial % fixture.people.length].documentId,
        article: article.documentId,
      },
    });
  expect({ status: res.status, error: res.status === 201 ? undefined : res.text }).toEqual({ status: 201 });
  article.quotes.push((res.body as { data: { documentId: string } }).data.documentId);
}

type Write =
  | { kind: 'rename'; person: number }
  | { kind: 'headline'; article: number }
  | { kind: 'addQuote'; article: number }
  | { kind: 'removeQuote'; article: number }
  | { kind: 'unpublish'; article: number }
  | { kind: 'publish'; article: number }
  | { kind: 'delete'; article: number }
  | { kind: 'create'; english: boolean };

const writeArbitrary: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), person: fc.nat(1) }),
  fc.record({ kind: fc.constant('headline' as const), article: fc.nat(20) }),
  fc.record({ kind: fc.constant('addQuote' as const), article: fc.nat(20) }),
  fc.record({ kind: fc.constant('removeQuote' as const), article: fc.nat(20) }),
  fc.record({ kind: fc.constant('unpublish' as const), article: fc.nat(20) }),
  fc.record({ kind: fc.constant('publish' as const), article: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), article: fc.nat(20) }),
  fc.record({ kind: fc.constant('create' as const), english: fc.boolean() }),
);

async function apply(fixture: Fixture, write: Write): Promise<void> {
  const pick = (n: number) => fixture.articles[n % fixture.articles.length];
  serial += 1;
  switch (write.kind) {
    case 'rename':
      await api()
        .put(`/api/people/${fixture.people[write.person].documentId}`)
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { name: `شخص ${RUN} ${serial}` } })
        .expect(200);
      return;
    case 'headline':
      await api()
        .put(`/api/articles/${pick(write.article).documentId}`)
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { headline: `عنوان ${RUN} ${serial}` } })
        .expect(200);
      return;
    case 'addQuote':
      return addQuote(fixture, write.article);
    case 'removeQuote': {
      const article = pick(write.article);
      const quote = article.quotes.shift();
      if (quote) await api().delete(`/api/quotes/${quote}`).query({ locale: '*' }).set(asTool()).expect(204);
      return;
    }
    case 'unpublish': {
      // The content API has no unpublish; editors unpublish through the admin's API (a 404 for an article not published).
      const article = pick(write.article);
      if (!article.published) return;
      article.published = false;
      const res = await api().post(`${CM}/${article.documentId}/actions/unpublish`).query({ locale: 'ar' }).set(bearer(tokens.editorSession())).send({});
      expect({ status: res.status, body: res.status === 200 ? undefined : res.text }).toEqual({ status: 200 });
      return;
    }
    case 'publish':
      // A REST PUT without status=draft publishes the draft.
      pick(write.article).published = true;
      await api()
        .put(`/api/articles/${pick(write.article).documentId}`)
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { summary: `ملخص ${serial}` } })
        .expect(200);
      return;
    case 'delete': {
      if (fixture.articles.length <= 3) return;
      const [article] = fixture.articles.splice(write.article % fixture.articles.length, 1);
      await api().delete(`/api/articles/${article.documentId}`).query({ locale: '*' }).set(asTool()).expect(204);
      return;
    }
    case 'create':
      return createArticle(fixture, write.english);
  }
}

describe('article cards from the read model', () => {
  const fixture: Fixture = { people: [], articles: [] };

  beforeAll(async () => {
    for (const n of [1, 2]) {
      const slug = `${RUN}-person-${n}`;
      const res = await api()
        .post('/api/people')
        .query({ locale: 'ar' })
        .set(asTool())
        .send({ data: { name: `شخص ${RUN} ${n}`, slug, jobTitle: `وظيفة ${n}` } })
        .expect(201);
      fixture.people.push({ documentId: (res.body as { data: { documentId: string } }).data.documentId, slug });
    }
    for (let i = 0; i < 5; i += 1) await createArticle(fixture, i % 2 === 0);
    // A draft that was never published, and one with no slug yet (no view row: the core path answers).
    await api()
      .post('/api/articles')
      .query({ status: 'draft', locale: 'ar' })
      .set(asTool())
      .send({ data: { headline: `مسودة ${RUN}`, slug: `${RUN}-draft` } })
      .expect(201);
  }, 60_000);

  afterAll(async () => {
    const drafts = await api().get('/api/articles').query({ status: 'draft', 'filters[slug][$startsWith]': RUN, 'fields[0]': 'slug' }).set(asReader());
    const ids = new Set([
      ...fixture.articles.map((a) => a.documentId),
      ...(drafts.body as { data: Array<{ documentId: string }> }).data.map((d) => d.documentId),
    ]);
    for (const documentId of ids) await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool());
    for (const person of fixture.people) await api().delete(`/api/people/${person.documentId}`).query({ locale: '*' }).set(asTool());
  });

  it('GET /api/articles lists equal the core answers byte for byte', async () => {
    await expectListsEqualCore(fixture);
  }, 60_000);

  it('the GraphQL story and lists equal the resolvers’ answers byte for byte', async () => {
    await expectGraphqlEqualCore(fixture);
  }, 60_000);

  it('search answers equal those read through the Document Service byte for byte', async () => {
    await expectSearchesEqualCore();
  }, 60_000);

  it('really reads the stored rows, and takes the core path when a row is missing', async () => {
    const db = await openTestDb();
    const query = { locale: 'ar', 'filters[slug][$eq]': STORY_SLUG };
    try {
      // A view tampered with behind Strapi's back shows in the list: the rows are what is served.
      await db.rows(
        `UPDATE newsroom_article_views SET body = REPLACE(body, '"headline":"', '"headline":"TAMPERED ') WHERE slug = '${STORY_SLUG}' AND locale = 'ar'`,
      );
      expect(await list(query, 'reader', false)).toContain('TAMPERED');
      expect(await list(query, 'reader', true)).not.toContain('TAMPERED');
      // GraphQL takes the article's relations from the row (its own fields from the article).
      await db.rows(`UPDATE newsroom_article_views SET body = REPLACE(body, '"text":"', '"text":"TAMPERED ') WHERE slug = '${STORY_SLUG}' AND locale = 'ar'`);
      const variables = { slug: STORY_SLUG, locale: 'ar' };
      expect(await graphql(storyQuery(false), variables, 'reader')).toContain('TAMPERED');
      expect(await graphql(storyQuery(true), variables, 'reader')).not.toContain('TAMPERED');
      // Search takes its article hits from the rows.
      await db.rows(
        `UPDATE newsroom_article_views SET body = REPLACE(body, '"slug":"${STORY_SLUG}"', '"slug":"tampered"') WHERE slug = '${STORY_SLUG}' AND locale = 'ar'`,
      );
      expect(await search({ q: 'الاعرجي', locale: 'ar', type: 'article' })).toContain('"slug":"tampered"');
      // No row at all: the core path, the same answer.
      await db.rows(`DELETE FROM newsroom_article_views WHERE slug = '${STORY_SLUG}' AND locale = 'ar'`);
      expect(await list(query, 'reader', false)).toBe(await list(query, 'reader', true));
    } finally {
      await db.close();
      // The by-slug read model builds a missing row again.
      await api().get(`/api/articles/slug/${STORY_SLUG}`).query({ locale: 'ar' }).expect(200);
    }
    expect(await list(query, 'reader', false)).toBe(await list(query, 'reader', true));
  });

  it('takes the core path for a caller who may not find a populated type (core drops that relation)', async () => {
    const db = await openTestDb();
    const linkOf = `SELECT l.id, l.permission_id, l.role_id, l.permission_ord FROM up_permissions_role_lnk l
      JOIN up_permissions p ON p.id = l.permission_id JOIN up_roles r ON r.id = l.role_id
      WHERE r.type = 'public' AND p.action = 'api::source.source.find'`;
    const [link] = await db.rows<{ id: number; permission_id: number; role_id: number; permission_ord: number | null }>(linkOf);
    // A page size no other test asks for: the public answer is not in the cache (a grant removed by SQL flushes nothing).
    const query = { locale: 'ar', 'filters[slug][$eq]': STORY_SLUG, 'pagination[pageSize]': '7' };
    try {
      await db.rows(`DELETE FROM up_permissions_role_lnk WHERE id = ${link.id}`);
      const served = await list(query, 'public', false);
      expect(Object.keys((JSON.parse(served) as { data: Array<Record<string, unknown>> }).data[0])).not.toContain('sources');
      expect(served).toBe(await list(query, 'public', true));
    } finally {
      await db.rows(
        `INSERT INTO up_permissions_role_lnk (id, permission_id, role_id, permission_ord) VALUES (${link.id}, ${link.permission_id}, ${link.role_id}, ${link.permission_ord ?? 'NULL'})`,
      );
      await db.close();
    }
  });

  it('keeps the core behaviour for what it does not serve: fields, bad input, drafts without a token', async () => {
    const fields = await api().get('/api/articles').query({ locale: 'ar', 'fields[0]': 'headline', 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    const [article] = (fields.body as { data: Array<Record<string, unknown>> }).data;
    expect(article).toHaveProperty('headline');
    expect(article).not.toHaveProperty('summary');
    await api().get('/api/articles').query({ locale: 'fr' }).expect(400);
    await api().get('/api/articles').query({ status: 'draft' }).expect(403);
    await api().get('/api/articles').query({ 'filters[position][$eq]': 'x' }).expect(400);
  });

  it('stays equal to the core answers over random writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArbitrary, { minLength: 3, maxLength: 5 }), async (writes) => {
        for (const [step, write] of writes.entries()) {
          await apply(fixture, write);
          await expectListsEqualCore(fixture, { step, write });
          await expectGraphqlEqualCore(fixture, { step, write });
          await expectSearchesEqualCore({ step, write });
        }
      }),
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
