import knexFactory from 'knex';
import { searchPageQuery } from '../../src/search/query';
import type { SearchHit } from '../../src/api/search/services/search';
import { api, bearer, graphql, tokens } from '../helpers/http';
import { databaseClient, openTestDb, type TestDb } from '../helpers/test-database';
import { STORY_SLUG } from '../fixtures/story-000';

/** A hit as the API serializes it (the service's SearchHit, documents as JSON). */
type Hit = SearchHit;

const asTool = () => bearer(tokens.fullAccess());

async function search(query: Record<string, string | number>, headers: Record<string, string> = {}) {
  return api().get('/api/search').query(query).set(headers);
}

async function hits(query: Record<string, string | number>): Promise<Hit[]> {
  const res = await search(query);
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('search: every spelling finds the right document', () => {
  // Each query is spelled differently from the stored text in one way the normalization folds.
  it.each([
    ['hamza on alef (أ stored, ا typed)', 'الامن القومي', 'article'],
    ['teh marbuta (ة stored, ه typed)', 'قياده العمليات المشتركه', 'article'],
    ['yeh with hamza (ئ stored, ي typed)', 'القايد العام', 'article'],
    ['tashkeel typed, none stored', 'العِرَاقُ يُعْلِنُ', 'article'],
    ['tatweel typed', 'انسحـــابها', 'article'],
    ['Arabic-Indic digits typed', '٢١٠٠ شحنه', 'article'],
  ])('%s: "%s" finds the article', async (_kind, q, type) => {
    const found = await hits({ q, type });
    expect(found.map((h) => h.slug)).toContain(STORY_SLUG);
    expect(found[0]).toMatchObject({ type: 'article', slug: STORY_SLUG, locale: 'ar' });
    expect(found[0].snippet.length).toBeGreaterThan(0);
  });

  it.each([
    ['no hamza, ه for ة', 'انهينا اليوم جوله الحوار الاخيره', 2, 'qasim-al-araji', 'nina'],
    ['ي typed where the text has ى (فى)', 'سيستمر في مجالات الاستشاره', 4, 'tahseen-al-khafaji', 'ina'],
    ['hamza below dropped, Arabic-Indic digits', 'اجلاء اكثر من ٢١٠٠ شحنه', 6, null, 'joint-operations-command-statement'],
  ])('%s: "%s" finds quote %i with its speaker and source', async (_kind, q, position, speaker, source) => {
    const found = await hits({ q, type: 'quote' });
    expect(found.length).toBeGreaterThanOrEqual(1);
    const [top] = found;
    expect(top).toMatchObject({ type: 'quote', slug: `${STORY_SLUG}-q${position}` });
    expect(top.speaker?.slug ?? null).toBe(speaker);
    expect(top.source).toMatchObject({ slug: source });
    expect(top.article).toMatchObject({ slug: STORY_SLUG });
  });

  it.each([
    ['hamza dropped', 'الاعرجي', 'qasim-al-araji'],
    ['ى typed for ي', 'الأعرجى', 'qasim-al-araji'],
    ['ي typed where the name has ى', 'تحسين الخفاجي', 'tahseen-al-khafaji'],
    ['an alias, in capitals', 'QASSIM AL-ARAJI', 'qasim-al-araji'],
    ['tashkeel', 'بْرِينَان', 'john-brennan'],
  ])('%s: "%s" finds %s', async (_kind, q, slug) => {
    const found = await hits({ q, type: 'person' });
    expect(found[0]).toMatchObject({ type: 'person', slug });
  });

  it('ranks the person above the article for a name, and finds the name’s quotes', async () => {
    const found = await hits({ q: 'الأعرجي' });
    expect(found[0]).toMatchObject({ type: 'person', slug: 'qasim-al-araji' });
    expect(found.map((h) => h.type)).toEqual(expect.arrayContaining(['person', 'article', 'quote']));
    const quotes = await hits({ q: 'الأعرجي', type: 'quote' });
    expect(quotes.map((q) => q.slug).sort()).toEqual([`${STORY_SLUG}-q1`, `${STORY_SLUG}-q2`]);
    for (const quote of quotes) expect(quote.speaker).toMatchObject({ slug: 'qasim-al-araji', name: 'قاسم الأعرجي' });
  });

  it.each([
    ['Khafaji', 'person', 'tahseen-al-khafaji', 'Tahseen al-Khafaji'],
    ['combat missions withdrawal', 'article', STORY_SLUG, 'Iraq officially announces the end of the coalition forces’ combat missions and their withdrawal'],
    ['training, advising and enabling', 'quote', `${STORY_SLUG}-q2`, undefined],
  ])('English: "%s" finds the English %s', async (q, type, slug, title) => {
    const found = await hits({ q, type, locale: 'en' });
    expect(found[0]).toMatchObject({ type, slug, locale: 'en', ...(title && { title }) });
  });

  it('does not find Arabic words in the English index', async () => {
    expect(await hits({ q: 'الاعرجي', locale: 'en', type: 'article' })).toEqual([]);
  });

  it('quotes the original spelling in snippets', async () => {
    const [article] = await hits({ q: 'تحسين الخفاجي', type: 'article' });
    expect(article.snippet).toContain('تحسين الخفاجى');
  });

  it('pages results', async () => {
    const all = await search({ q: 'التحالف' });
    expect(all.body.meta.pagination).toMatchObject({ page: 1, pageSize: 10 });
    const total = all.body.meta.pagination.total as number;
    expect(total).toBeGreaterThan(3);
    const second = await search({ q: 'التحالف', page: 2, pageSize: 2 });
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: Math.ceil(total / 2), total });
    expect((second.body.data as Hit[]).map((h) => h.documentId)).toEqual((all.body.data as Hit[]).slice(2, 4).map((h) => h.documentId));
  });
});

describe('search: each spelling variant finds the article, the quote and the person', () => {
  // [what varies, as stored, as typed]
  const VARIANTS: Array<[string, string, string]> = [
    ['alef with hamza above', 'أسرار', 'اسرار'],
    ['alef with hamza below', 'إعمار', 'اعمار'],
    ['alef with madda', 'آثار', 'اثار'],
    ['alef wasla', 'ٱستقرار', 'استقرار'],
    ['teh marbuta', 'مبادرة', 'مبادره'],
    ['alef maksura', 'مستشفى', 'مستشفي'],
    ['waw with hamza', 'مسؤولية', 'مسووليه'],
    ['yeh with hamza', 'رئاسة', 'رياسه'],
    ['tashkeel stored', 'تَعَاوُنٌ', 'تعاون'],
    ['tashkeel typed', 'تحالفات', 'تَحَالُفَات'],
    ['tatweel', 'تنـــمية', 'تنميه'],
    ['Arabic-Indic digits', '٣٥٠٠', '3500'],
    ['ASCII digits typed as Arabic-Indic', '4200', '٤٢٠٠'],
    ['Latin case', 'Mosul', 'MOSUL'],
  ];
  const stored = VARIANTS.map(([, word]) => word).join(' ');
  const ids: Record<'article' | 'quote' | 'person', string> = { article: '', quote: '', person: '' };

  beforeAll(async () => {
    const person = await api()
      .post('/api/people')
      .set(asTool())
      .send({ data: { name: 'شخص تجربة التهجئة', slug: 'spelling-probe-person', aliases: VARIANTS.map(([, word]) => word) } })
      .expect(201);
    ids.person = person.body.data.documentId;
    const article = await api()
      .post('/api/articles')
      .set(asTool())
      .send({
        data: { headline: 'مقال تجربة التهجئة', slug: 'spelling-probe-article', body: [{ type: 'paragraph', children: [{ type: 'text', text: stored }] }] },
      })
      .expect(201);
    ids.article = article.body.data.documentId;
    const quote = await api()
      .post('/api/quotes')
      .set(asTool())
      .send({ data: { text: `قال: ${stored}`, slug: 'spelling-probe-quote', kind: 'direct', speaker: ids.person } })
      .expect(201);
    ids.quote = quote.body.data.documentId;
  });

  afterAll(async () => {
    await api().delete(`/api/quotes/${ids.quote}`).query({ locale: '*' }).set(asTool());
    await api().delete(`/api/articles/${ids.article}`).query({ locale: '*' }).set(asTool());
    await api().delete(`/api/people/${ids.person}`).query({ locale: '*' }).set(asTool());
  });

  it.each(VARIANTS)('%s: stored "%s", typed "%s"', async (_kind, _stored, typed) => {
    for (const type of ['article', 'quote', 'person'] as const) {
      const found = await hits({ q: typed, type });
      // Contained, not equal: some words also occur in the story (تعاون in التعاون), as they should.
      expect({ type, found: found.map((h) => h.documentId) }).toEqual({ type, found: expect.arrayContaining([ids[type]]) });
    }
  });
});

describe('search: bad input is a 400 that says why', () => {
  it.each([
    [{}, 'q is required'],
    [{ q: '' }, 'q must not be empty'],
    [{ q: 'ع'.repeat(201) }, 'q must be at most 200 characters'],
    [{ q: '؟؟' }, 'q has no letters or digits to search for'],
    [{ q: 'x', type: 'video' }, 'type must be one of article, quote, person'],
    [{ q: 'x', pageSize: 500 }, 'pageSize must be a whole number from 1 to 50'],
    [{ q: 'x', sort: 'date' }, 'unknown parameter(s): sort'],
    [{ q: 'x', locale: 'fr' }, 'Unknown locale "fr". Available locales: ar, en.'],
  ])('%p', async (query, message) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400 } });
    expect(res.body.error.message).toContain(message);
  });

  it.each([
    ['q: ""', '{ search(q: "") { hits { type } } }', 'q must not be empty'],
    ['type', '{ search(q: "x", type: video) { hits { type } } }', 'SearchHitType'],
    ['locale', '{ search(q: "x", locale: "fr") { hits { type } } }', 'Unknown locale'],
  ])('GraphQL rejects a bad %s with a message and no data', async (_name, query, message) => {
    const res = await graphql(query);
    expect(res.body.data?.search ?? null).toBeNull();
    expect(res.body.errors[0].message).toContain(message);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });
});

describe('search over GraphQL', () => {
  it('returns the same hits as REST', async () => {
    const rest = await hits({ q: 'الاعرجي' });
    const res = await graphql(
      `
        query ($q: String!) {
          search(q: $q) {
            hits {
              type
              documentId
              slug
              title
              snippet
              score
              speaker {
                slug
                name
              }
              source {
                slug
                shortName
              }
              article {
                slug
              }
            }
            pagination {
              page
              pageSize
              total
            }
          }
        }
      `,
      { q: 'الاعرجي' },
    ).expect(200);
    expect(res.body.errors).toBeUndefined();
    const gql: { hits: Hit[] } = res.body.data.search;
    expect(gql.hits.map((h) => [h.type, h.documentId, h.score])).toEqual(rest.map((h) => [h.type, h.documentId, h.score]));
    expect(gql.hits.find((h) => h.type === 'quote')).toMatchObject({ speaker: { slug: 'qasim-al-araji' }, source: { slug: 'nina' } });
  });
});

describe('search shows what the content API shows', () => {
  const word = 'كلمةاختبارفريدة';
  let draftId: string;

  beforeAll(async () => {
    const res = await api()
      .post('/api/articles')
      .query({ status: 'draft' })
      .set(asTool())
      .send({ data: { headline: `مسودة ${word}`, slug: 'search-draft-probe' } })
      .expect(201);
    draftId = res.body.data.documentId;
  });

  afterAll(async () => {
    await api().delete(`/api/articles/${draftId}`).query({ locale: '*' }).set(asTool());
  });

  it('never shows drafts to the public', async () => {
    expect(await hits({ q: word })).toEqual([]);
    const res = await search({ q: word, status: 'draft' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Drafts are not public/);
  });

  it('shows drafts with status=draft to a token that may read them', async () => {
    const res = await search({ q: word, status: 'draft' }, bearer(tokens.readOnly()));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject([{ type: 'article', documentId: draftId, slug: 'search-draft-probe' }]);
  });

  it('follows every write: publish, edit, rename of a speaker, unpublish, delete', async () => {
    // Publishing (REST PUT publishes) makes it public.
    await api()
      .put(`/api/articles/${draftId}`)
      .set(asTool())
      .send({ data: { summary: 'ملخص' } })
      .expect(200);
    expect((await hits({ q: word })).map((h) => h.documentId)).toEqual([draftId]);

    // An edit is searchable at once, and the old words are gone.
    await api()
      .put(`/api/articles/${draftId}`)
      .set(asTool())
      .send({ data: { headline: 'عنوان مختلف تماما' } })
      .expect(200);
    expect(await hits({ q: word })).toEqual([]);
    expect((await hits({ q: 'مختلف تماما' })).map((h) => h.documentId)).toEqual([draftId]);

    // Deleting removes it from the index.
    await api().delete(`/api/articles/${draftId}`).query({ locale: '*' }).set(asTool()).expect(204);
    expect(await hits({ q: 'مختلف تماما' })).toEqual([]);
  });

  it('finds a new person by a ؤ spelling, and their quotes under a new name after a rename', async () => {
    const person = await api()
      .post('/api/people')
      .set(asTool())
      .send({ data: { name: 'مسؤول الاختبار', slug: 'search-probe-official' } })
      .expect(201);
    const personId = person.body.data.documentId;
    const quote = await api()
      .post('/api/quotes')
      .set(asTool())
      .send({ data: { text: 'تصريح للبحث', slug: 'search-probe-quote', kind: 'direct', speaker: personId } })
      .expect(201);
    try {
      expect((await hits({ q: 'مسوول', type: 'person' })).map((h) => h.slug)).toEqual(['search-probe-official']);
      expect((await hits({ q: 'مسوول', type: 'quote' })).map((h) => h.slug)).toEqual(['search-probe-quote']);
      await api()
        .put(`/api/people/${personId}`)
        .set(asTool())
        .send({ data: { name: 'ناطق الاختبار' } })
        .expect(200);
      expect((await hits({ q: 'ناطق الاختبار', type: 'quote' })).map((h) => h.slug)).toEqual(['search-probe-quote']);
      expect(await hits({ q: 'مسوول', type: 'quote' })).toEqual([]);
    } finally {
      await api().delete(`/api/quotes/${quote.body.data.documentId}`).query({ locale: '*' }).set(asTool());
      await api().delete(`/api/people/${personId}`).query({ locale: '*' }).set(asTool());
    }
  });
});

describe('the search index', () => {
  let db: TestDb;
  const GENERATED = 4000;

  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.rows(`delete from newsroom_search where document_id like 'generated-%'`);
    await db.close();
  });

  it(`serves the search query from its index on ${databaseClient() === 'postgres' ? 'PostgreSQL' : 'SQLite'} with ${GENERATED} generated rows`, async () => {
    // Generated rows in the shape the app writes: article-length text from the story's
    // vocabulary, plus one made-up name per row, as a search for a person would look for.
    const letters = 'بتثجحخدذرز';
    const nameOf = (i: number) =>
      String((i * 7919) % 100000)
        .padStart(5, '0')
        .split('')
        .map((d) => letters[Number(d)])
        .join('');
    const vocabulary = ['العراق', 'التحالف', 'الدولي', 'قياده', 'العمليات', 'المشتركه', 'القوات', 'الامنيه', 'بيان', 'انسحاب', 'التدريب', 'الاستشاره'];
    const values = Array.from({ length: GENERATED }, (_, i) => {
      const text = [...Array.from({ length: 300 }, (_u, j) => vocabulary[(i * 7 + j * 3 + ((j * j) % 5)) % vocabulary.length]), nameOf(i)];
      const words = [...new Set(text)].join(' ');
      const published = databaseClient() === 'postgres' ? String(i % 10 !== 0) : i % 10 !== 0 ? '1' : '0';
      return `('article', 'generated-${i}', '${i % 2 ? 'ar' : 'en'}', ${published}, 'عنوان', '${words}', '${text.join(' ')}', '2024-01-01')`;
    });
    for (let i = 0; i < values.length; i += 500) {
      await db.rows(
        `insert into newsroom_search (type, document_id, locale, published, title, words, body, sort_date) values ${values.slice(i, i + 500).join(', ')}`,
      );
    }
    // The app's own query builder makes the SQL, so the plan is the one production gets.
    const knex = knexFactory({ client: databaseClient() === 'postgres' ? 'pg' : 'better-sqlite3', useNullAsDefault: true });
    const sql = searchPageQuery(knex, {
      terms: [nameOf(1235)],
      types: ['article', 'quote', 'person'],
      locale: 'ar',
      published: true,
      limit: 10,
      offset: 0,
    }).toString();

    if (databaseClient() === 'postgres') {
      await db.rows('analyze newsroom_search');
      const plan = (await db.rows<{ 'QUERY PLAN': string }>(`explain ${sql}`)).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Bitmap Index Scan on newsroom_search_words_trgm/);
      expect(plan).not.toMatch(/Seq Scan on newsroom_search/);
    } else {
      // SQLite has no trigram index; it scans, and must still find exactly the row.
      const plan = (await db.rows<{ detail: string }>(`explain query plan ${sql}`)).map((r) => r.detail).join('\n');
      expect(plan).toMatch(/newsroom_search/);
    }
    const rows = await db.rows<{ document_id: string }>(sql);
    // generated-1235 is Arabic (odd) and published (not a multiple of 10): the one match.
    expect(rows.map((r) => r.document_id)).toEqual(['generated-1235']);
  });
});
