import qs from 'qs';
import { api, graphql } from '../helpers/http';
import { EXPECTED, STORY_SLUG } from '../fixtures/story-000';
import type { AnyDocument, Article, ListBody, Quote } from '../helpers/documents';

/**
 * The Strapi query conventions frontends rely on, each with the answer it gives on
 * the seeded story. The validator (src/validation/) must refuse only what is wrong:
 * every documented operator, both pagination styles, sort arrays, fields and
 * populate in all their forms keep working exactly as before it existed (this file
 * passes unchanged on the code before the validator).
 */

const QUOTES = EXPECTED.en.quotes.map((q, i) => ({ ...q, slug: `${STORY_SLUG}-q${i + 1}` }));
const quoteSlugs = (predicate: (q: (typeof QUOTES)[number]) => boolean) => QUOTES.filter(predicate).map((q) => q.slug);
/** Only the story's quotes: other tests add quotes of their own to the same database. */
const OF_STORY = { article: { slug: { $eq: STORY_SLUG } } };

async function rest<T extends AnyDocument = Quote>(path: string, query: Record<string, unknown>): Promise<ListBody<T>> {
  const res = await api().get(`${path}?${qs.stringify({ locale: 'en', ...query }, { encodeValuesOnly: true })}`);
  expect({ path, query, status: res.status, error: res.body?.error?.message }).toEqual({ path, query, status: 200, error: undefined });
  return res.body as ListBody<T>;
}
const slugs = (body: ListBody<AnyDocument>) => body.data.map((d) => d.slug);

interface FilterConvention {
  name: string;
  filters: Record<string, unknown>;
  /** The story matches, or not. */
  matches: boolean;
}

/** Filters on the story article, alone or with the operator under test. */
const ARTICLE_FILTERS: FilterConvention[] = [
  { name: '$eq', filters: { slug: { $eq: STORY_SLUG } }, matches: true },
  { name: 'a bare value (implicit $eq)', filters: { slug: STORY_SLUG }, matches: true },
  { name: 'a bare list (implicit $in)', filters: { slug: [STORY_SLUG, 'other'] }, matches: true },
  { name: '$eqi', filters: { slug: { $eqi: STORY_SLUG.toUpperCase() } }, matches: true },
  { name: '$ne', filters: { slug: { $eq: STORY_SLUG, $ne: STORY_SLUG } }, matches: false },
  { name: '$nei', filters: { slug: { $eq: STORY_SLUG, $nei: STORY_SLUG.toUpperCase() } }, matches: false },
  { name: '$in', filters: { slug: { $in: [STORY_SLUG, 'other'] } }, matches: true },
  { name: '$in with one value', filters: { slug: { $in: STORY_SLUG } }, matches: true },
  { name: '$notIn', filters: { slug: { $eq: STORY_SLUG, $notIn: [STORY_SLUG] } }, matches: false },
  { name: '$contains', filters: { slug: { $eq: STORY_SLUG, $contains: 'coalition' } }, matches: true },
  { name: '$containsi', filters: { slug: { $eq: STORY_SLUG, $containsi: 'COALITION' } }, matches: true },
  { name: '$notContains', filters: { slug: { $eq: STORY_SLUG, $notContains: 'coalition' } }, matches: false },
  { name: '$notContainsi', filters: { slug: { $eq: STORY_SLUG, $notContainsi: 'COALITION' } }, matches: false },
  { name: '$startsWith', filters: { slug: { $eq: STORY_SLUG, $startsWith: 'iraq-' } }, matches: true },
  { name: '$startsWithi', filters: { slug: { $eq: STORY_SLUG, $startsWithi: 'IRAQ-' } }, matches: true },
  { name: '$endsWith', filters: { slug: { $eq: STORY_SLUG, $endsWith: '-mission' } }, matches: true },
  { name: '$endsWithi', filters: { slug: { $eq: STORY_SLUG, $endsWithi: '-MISSION' } }, matches: true },
  { name: '$gt, $lt on a date', filters: { slug: STORY_SLUG, publishedDate: { $gt: '2024-04-27', $lt: '2024-04-29' } }, matches: true },
  { name: '$gte, $lte on a date', filters: { slug: STORY_SLUG, publishedDate: { $gte: '2024-04-29', $lte: '2030-01-01' } }, matches: false },
  { name: '$between on a date', filters: { slug: STORY_SLUG, publishedDate: { $between: ['2024-01-01', '2024-12-31'] } }, matches: true },
  { name: '$gt on a datetime', filters: { slug: STORY_SLUG, createdAt: { $gt: '2020-01-01T00:00:00.000Z' } }, matches: true },
  { name: '$lt on a datetime given as a date', filters: { slug: STORY_SLUG, publishedAt: { $lt: '2020-01-01' } }, matches: false },
  { name: '$null', filters: { slug: STORY_SLUG, section: { $null: true } }, matches: false },
  { name: '$notNull', filters: { slug: STORY_SLUG, section: { $notNull: 'true' } }, matches: true },
  { name: '$null false', filters: { slug: STORY_SLUG, summary: { $null: 'false' } }, matches: true },
  { name: '$not on a field', filters: { slug: { $eq: STORY_SLUG, $not: { $eq: STORY_SLUG } } }, matches: false },
  { name: '$not on filters', filters: { slug: STORY_SLUG, $not: { section: { $null: true } } }, matches: true },
  { name: '$or', filters: { $or: [{ slug: 'nothing' }, { slug: STORY_SLUG }] }, matches: true },
  { name: '$and', filters: { $and: [{ slug: STORY_SLUG }, { section: { $null: true } }] }, matches: false },
  { name: 'a relation field', filters: { slug: STORY_SLUG, people: { slug: { $eq: 'qasim-al-araji' } } }, matches: true },
  { name: 'a relation of a relation', filters: { slug: STORY_SLUG, quotes: { speaker: { slug: 'tahseen-al-khafaji' } } }, matches: true },
  { name: 'a relation with $null', filters: { slug: STORY_SLUG, publisher: { $null: true } }, matches: false },
  { name: 'a relation with $or inside', filters: { slug: STORY_SLUG, people: { $or: [{ slug: 'nobody' }, { slug: 'john-brennan' }] } }, matches: true },
  { name: 'a component field', filters: { slug: STORY_SLUG, figures: { value: { $gt: 2000 } } }, matches: true },
  { name: 'a component enumeration', filters: { slug: STORY_SLUG, figures: { qualifier: { $eq: 'exact' } } }, matches: false },
  { name: 'documentId and id', filters: { slug: STORY_SLUG, id: { $gt: 0 }, documentId: { $notNull: true } }, matches: true },
];

describe('REST filters: every documented operator and form', () => {
  it.each(ARTICLE_FILTERS.map((c) => [c.name, c] as const))('%s', async (_name, { filters, matches }) => {
    expect(slugs(await rest('/api/articles', { filters, fields: ['slug'] }))).toEqual(matches ? [STORY_SLUG] : []);
  });

  it('integers: $between, $in and comparisons on quote positions', async () => {
    const body = await rest('/api/quotes', { filters: { ...OF_STORY, position: { $between: [2, 4] } }, sort: 'position:asc', fields: ['slug'] });
    expect(slugs(body)).toEqual(quoteSlugs((q) => q.position >= 2 && q.position <= 4));
    const listed = await rest('/api/quotes', {
      filters: { ...OF_STORY, position: { $in: ['1', '9'] }, kind: { $eq: 'indirect' } },
      sort: 'position',
      fields: ['slug'],
    });
    expect(slugs(listed)).toEqual(quoteSlugs((q) => [1, 9].includes(q.position) && q.kind === 'indirect'));
  });
});

describe('REST sort, pagination, fields and populate', () => {
  it('sorts by a string, a list, and a descending key', async () => {
    const byKind = [...QUOTES].sort((a, b) => a.kind.localeCompare(b.kind) || b.position - a.position).map((q) => q.slug);
    expect(slugs(await rest('/api/quotes', { filters: OF_STORY, sort: ['kind:asc', 'position:desc'], fields: ['slug'] }))).toEqual(byKind);
    expect(slugs(await rest('/api/quotes', { filters: OF_STORY, sort: 'kind:ASC,position:DESC', fields: ['slug'] }))).toEqual(byKind);
    expect(slugs(await rest('/api/quotes', { filters: OF_STORY, sort: { position: 'desc' }, fields: ['slug'] }))).toEqual(QUOTES.map((q) => q.slug).reverse());
  });

  it('pages by page and pageSize, and by start and limit', async () => {
    const page = await rest('/api/quotes', { filters: OF_STORY, sort: 'position', fields: ['slug'], pagination: { page: 2, pageSize: 3 } });
    expect(slugs(page)).toEqual(QUOTES.slice(3, 6).map((q) => q.slug));
    expect(page.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 3, total: 9 });
    const offset = await rest('/api/quotes', { filters: OF_STORY, sort: 'position', fields: ['slug'], pagination: { start: 6, limit: 2 } });
    expect(slugs(offset)).toEqual(QUOTES.slice(6, 8).map((q) => q.slug));
    expect(offset.meta.pagination).toEqual({ start: 6, limit: 2, total: 9 });
    const uncounted = await rest('/api/quotes', { filters: OF_STORY, fields: ['slug'], pagination: { pageSize: 2, withCount: false } });
    expect(uncounted.meta.pagination).toEqual({ page: 1, pageSize: 2 });
  });

  it('selects fields as a list or a comma-separated string', async () => {
    const [listed] = (await rest('/api/quotes', { filters: { ...OF_STORY, position: 1 }, fields: ['slug', 'position'] })).data;
    expect(Object.keys(listed!).sort()).toEqual(['documentId', 'id', 'position', 'slug']);
    const [joined] = (await rest('/api/quotes', { filters: { ...OF_STORY, position: 1 }, fields: 'slug,kind' })).data;
    expect(Object.keys(joined!).sort()).toEqual(['documentId', 'id', 'kind', 'slug']);
  });

  it('populates with *, names, lists, dotted paths and objects', async () => {
    const where = { filters: { ...OF_STORY, position: 3 }, fields: ['slug'] };
    const all = (await rest('/api/quotes', { ...where, populate: '*' })).data[0]!;
    expect(all.speaker.slug).toBe('tahseen-al-khafaji');
    expect(all.source.slug).toBe('ina');
    const named = (await rest('/api/quotes', { ...where, populate: 'speaker,source' })).data[0]!;
    expect([named.speaker.slug, named.source.slug, named.article]).toEqual(['tahseen-al-khafaji', 'ina', undefined]);
    const dotted = (await rest('/api/quotes', { ...where, populate: ['speaker.affiliation'] })).data[0]!;
    expect(dotted.speaker.affiliation.slug).toBe('joint-operations-command-iraq');
    const object = (await rest('/api/quotes', { ...where, populate: { speaker: { fields: ['name'], populate: { affiliation: { fields: ['slug'] } } } } }))
      .data[0]!;
    expect(object.speaker).toEqual({
      id: expect.any(Number),
      documentId: expect.any(String),
      name: 'Tahseen al-Khafaji',
      affiliation: { id: expect.any(Number), documentId: expect.any(String), slug: 'joint-operations-command-iraq' },
    });
  });

  it('filters and sorts populated relations', async () => {
    const [article] = (
      await rest<Article>('/api/articles', {
        filters: { slug: STORY_SLUG },
        fields: ['slug'],
        populate: { quotes: { fields: ['position'], filters: { kind: { $eq: 'direct' } }, sort: ['position:desc'] }, figures: true },
      })
    ).data;
    expect(article!.quotes.map((q) => q.position)).toEqual(
      QUOTES.filter((q) => q.kind === 'direct')
        .map((q) => q.position)
        .reverse(),
    );
    expect(article!.figures).toHaveLength(2);
  });
});

describe('GraphQL arguments: the same conventions', () => {
  const quoteList = async (args: string, sortAndPage = 'sort: "position:asc"') => {
    const res = await graphql(`{ quotes(locale: "en", filters: { and: [{ article: { slug: { eq: "${STORY_SLUG}" } } }, ${args}] }, ${sortAndPage}) { slug } }`);
    expect({ args, errors: res.body.errors }).toEqual({ args, errors: undefined });
    return (res.body.data.quotes as Quote[]).map((q) => q.slug);
  };

  it('filters with every operator family', async () => {
    expect(await quoteList('{ position: { between: [2, 4] } }')).toEqual(quoteSlugs((q) => q.position >= 2 && q.position <= 4));
    expect(await quoteList('{ position: { in: [1, 9] }, kind: { eq: "indirect" } }')).toEqual(
      quoteSlugs((q) => [1, 9].includes(q.position) && q.kind === 'indirect'),
    );
    expect(await quoteList('{ or: [{ position: { lt: 2 } }, { position: { gte: 9 } }] }')).toEqual(quoteSlugs((q) => q.position < 2 || q.position >= 9));
    expect(await quoteList('{ not: { kind: { eq: "direct" } } }')).toEqual(quoteSlugs((q) => q.kind !== 'direct'));
    expect(await quoteList('{ speaker: { slug: { containsi: "KHAFAJI" } } }')).toEqual(quoteSlugs((q) => q.speaker === 'tahseen-al-khafaji'));
    expect(await quoteList('{ speakerOrganization: { slug: { notNull: true } }, text: { contains: "no international coalition" } }')).toEqual([
      QUOTES[6]!.slug,
    ]);
  });

  it('sorts with a list and pages both ways', async () => {
    const byKind = [...QUOTES].sort((a, b) => a.kind.localeCompare(b.kind) || b.position - a.position).map((q) => q.slug);
    expect(await quoteList('{}', 'sort: ["kind:asc", "position:desc"]')).toEqual(byKind);
    expect(await quoteList('{}', 'sort: "position", pagination: { page: 2, pageSize: 3 }')).toEqual(QUOTES.slice(3, 6).map((q) => q.slug));
    expect(await quoteList('{}', 'sort: "position", pagination: { start: 6, limit: 2 }')).toEqual(QUOTES.slice(6, 8).map((q) => q.slug));
  });

  it('takes arguments on nested relations', async () => {
    const res = await graphql(
      `{ articles(locale: "en", filters: { slug: { eq: "${STORY_SLUG}" } }) { quotes(sort: "position:desc", filters: { kind: { eq: "direct" } }, pagination: { limit: 2 }) { position } figures(filters: { value: { gt: 2000 } }) { value } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data.articles as Article[])[0]!.quotes.map((q) => q.position)).toEqual(
      QUOTES.filter((q) => q.kind === 'direct')
        .map((q) => q.position)
        .reverse()
        .slice(0, 2),
    );
    expect(res.body.data.articles[0].figures).toEqual([{ value: 2100 }]);
    const all = await graphql(`{ quotes(locale: "en", filters: { article: { slug: { eq: "${STORY_SLUG}" } } }) { slug } }`);
    expect({ errors: all.body.errors, count: all.body.data?.quotes?.length }).toEqual({ errors: undefined, count: 9 });
  });
});
