import {
  lookupTags,
  orderValue,
  populatesNestedLists,
  readPlan,
  relinkedDocuments,
  shapeFromAttributes,
  windowMark,
  writeEvictions,
  type TypeShape,
} from './list-rules';

const ARTICLE = 'api::article.article';
const PERSON = 'api::person.person';
const shapes: Record<string, TypeShape> = {
  [ARTICLE]: shapeFromAttributes({
    headline: { type: 'string' },
    slug: { type: 'uid' },
    section: { type: 'string' },
    body: { type: 'blocks' },
    publishedDate: { type: 'date' },
    publishedAt: { type: 'datetime' },
    people: { type: 'relation', target: PERSON },
    createdBy: { type: 'relation', target: 'admin::user' },
  }),
  [PERSON]: shapeFromAttributes({ name: { type: 'string' }, slug: { type: 'uid' } }),
};
const shapeOf = (uid: string) => shapes[uid];

describe('list rules: reads', () => {
  it('tags a list filtered by a field with that field’s value, in its locale and status', () => {
    const plan = readPlan(shapeOf, ARTICLE, { action: 'findMany', locale: 'ar', status: 'published', filters: { section: { $eq: 'politics' } } });
    expect(plan).toEqual({ tags: [`eq:${ARTICLE}@ar/published:section=politics`], window: null, lookups: [] });
  });

  it('tags a list of a related document by that document, looking it up when filtered by its slug', () => {
    const byId = readPlan(shapeOf, ARTICLE, {
      action: 'findMany',
      locale: 'ar',
      status: 'published',
      filters: { people: { documentId: { $in: ['p1', 'p2'] } } },
    });
    expect(byId.tags).toEqual([
      `rel:${ARTICLE}@ar/published:people=p1`,
      `eq:${PERSON}@*/*:documentId=p1`,
      `rel:${ARTICLE}@ar/published:people=p2`,
      `eq:${PERSON}@*/*:documentId=p2`,
    ]);
    const bySlug = readPlan(shapeOf, ARTICLE, {
      action: 'findMany',
      locale: 'ar',
      status: 'published',
      filters: { $and: [{ people: { slug: { $eq: 'qasim' } } }] },
    });
    expect(bySlug.tags).toEqual([]);
    expect(bySlug.lookups).toEqual([{ scope: `${ARTICLE}@ar/published`, field: 'people', target: PERSON, targetField: 'slug', values: ['qasim'] }]);
    expect(lookupTags(bySlug.lookups[0], ['p1'])).toEqual([`rel:${ARTICLE}@ar/published:people=p1`, `eq:${PERSON}@*/*:slug=qasim`]);
  });

  it('prefers a condition that needs no lookup, and falls back to the whole scope for what it cannot read', () => {
    expect(readPlan(shapeOf, ARTICLE, { action: 'findMany', filters: { people: { slug: 'x' }, slug: 'story' } }).tags).toEqual([
      `eq:${ARTICLE}@*/*:slug=story`,
    ]);
    for (const filters of [
      { $or: [{ slug: 'a' }, { slug: 'b' }] },
      { headline: { $containsi: 'x' } },
      { publishedDate: { $gt: '2024-01-01' } },
      { people: { name: { $startsWith: 'a' } } },
    ]) {
      expect(readPlan(shapeOf, ARTICLE, { action: 'findMany', locale: 'en', status: 'published', filters }).tags).toEqual([`set:${ARTICLE}@en/published`]);
    }
  });

  it('gives an unfiltered sorted page a window, an unfiltered count its membership, and an unsorted list the scope', () => {
    const latest = readPlan(shapeOf, ARTICLE, { action: 'findMany', locale: 'ar', status: 'published', sort: ['publishedDate:desc'] });
    expect(latest.window).toEqual({ tag: `win:${ARTICLE}@ar/published:publishedDate:desc`, field: 'publishedDate', kind: 'time', direction: 'desc' });
    expect(readPlan(shapeOf, ARTICLE, { action: 'findMany', sort: { publishedDate: 'asc' } }).window?.direction).toBe('asc');
    expect(readPlan(shapeOf, ARTICLE, { action: 'count', locale: 'ar', status: 'published' }).tags).toEqual([`member:${ARTICLE}@ar/published`]);
    expect(readPlan(shapeOf, ARTICLE, { action: 'findMany', sort: 'headline:asc' }).tags).toEqual([`set:${ARTICLE}@*/*`]);
    expect(readPlan(shapeOf, ARTICLE, { action: 'findMany', sort: ['publishedDate:desc', 'headline:asc'] }).tags).toEqual([`set:${ARTICLE}@*/*`]);
  });

  it('marks a full page with its last value, and a short page or a missing value as reachable by any write', () => {
    const window = readPlan(shapeOf, ARTICLE, { action: 'findMany', sort: 'publishedDate:desc' }).window!;
    const page = [{ publishedDate: '2024-03-02' }, { publishedDate: '2024-03-01' }];
    expect(windowMark(window, page, 2)).toEqual({ tag: window.tag, score: Date.parse('2024-03-01') });
    expect(windowMark(window, page, 3).score).toBe(-Infinity);
    expect(windowMark(window, [{ publishedDate: null }], 1).score).toBe(-Infinity);
    expect(windowMark({ ...window, direction: 'asc' }, page, 2).score).toBe(-Date.parse('2024-03-01'));
  });
});

describe('list rules: writes', () => {
  const row = (over: Record<string, unknown>) => ({
    locale: 'ar',
    publishedAt: '2024-03-01T10:00:00.000Z',
    documentId: 'a1',
    section: 'politics',
    publishedDate: '2024-03-01',
    people: [{ documentId: 'p1' }],
    ...over,
  });

  it('evicts what the rows before and after name, in every scope they are in', () => {
    const { tags } = writeEvictions(shapes[ARTICLE], ARTICLE, [row({})], [row({ section: 'economy', people: [{ documentId: 'p2' }] })]);
    for (const tag of [
      `eq:${ARTICLE}@ar/published:section=politics`,
      `eq:${ARTICLE}@ar/published:section=economy`,
      `eq:${ARTICLE}@*/*:section=economy`,
      `rel:${ARTICLE}@ar/published:people=p1`,
      `rel:${ARTICLE}@ar/published:people=p2`,
      `set:${ARTICLE}@ar/published`,
    ])
      expect(tags).toContain(tag);
    expect(tags).not.toContain(`member:${ARTICLE}@ar/published`);
    expect(tags.some((t) => t.includes('@en/'))).toBe(false);
  });

  it('evicts membership when a version appears or disappears in a scope', () => {
    const { tags } = writeEvictions(shapes[ARTICLE], ARTICLE, [row({ publishedAt: null })], [row({ publishedAt: null }), row({})]);
    expect(tags).toContain(`member:${ARTICLE}@ar/published`);
    expect(tags).toContain(`member:${ARTICLE}@*/published`);
    expect(tags).not.toContain(`member:${ARTICLE}@ar/draft`);
  });

  it('sends its place in each order, the later of before and after, and no place as reaching every page', () => {
    const { windows } = writeEvictions(shapes[ARTICLE], ARTICLE, [row({ publishedDate: '2020-01-01' })], [row({ publishedDate: '2024-01-01' })]);
    const at = (tag: string) => windows.find((w) => w.tag === tag)?.value;
    expect(at(`win:${ARTICLE}@ar/published:publishedDate:desc`)).toBe(Date.parse('2024-01-01'));
    expect(at(`win:${ARTICLE}@ar/published:publishedDate:asc`)).toBe(-Date.parse('2020-01-01'));
    const undated = writeEvictions(shapes[ARTICLE], ARTICLE, [], [row({ publishedDate: null })]).windows;
    expect(undated.find((w) => w.tag === `win:${ARTICLE}@ar/published:publishedDate:desc`)?.value).toBe(Infinity);
  });

  it('reads values the same way on both sides', () => {
    expect(orderValue('2024-01-01', 'time')).toBe(Date.parse('2024-01-01'));
    expect(orderValue(new Date('2024-01-01'), 'time')).toBe(Date.parse('2024-01-01'));
    expect(orderValue('1.5', 'number')).toBe(1.5);
    expect(orderValue(null, 'number')).toBeNull();
  });
});

describe('list rules: linked documents', () => {
  const row = (locale: string, people: string[], publishedAt: string | null = '2024-01-01') => ({
    locale,
    publishedAt,
    people: people.map((documentId) => ({ documentId })),
  });

  it('finds the documents linked or unlinked in some locale and status, and not the unchanged ones', () => {
    expect(relinkedDocuments('a1', [row('ar', ['p1', 'p2'])], [row('ar', ['p1', 'p3'])]).sort()).toEqual(['p2', 'p3']);
    expect(relinkedDocuments('a1', [row('ar', ['p1'])], [row('ar', ['p1'])])).toEqual([]);
    expect(relinkedDocuments('a1', [row('ar', ['p1']), row('en', [])], [row('ar', ['p1']), row('en', ['p1'])])).toEqual(['p1']);
  });

  it('notices REST populates that filter or page a relation list', () => {
    expect(populatesNestedLists({ quotes: { sort: ['position:asc'], populate: { speaker: true } } })).toBe(false);
    expect(populatesNestedLists({ quotes: { populate: { speaker: { filters: { slug: 'x' } } } } })).toBe(true);
    expect(populatesNestedLists({ articles: { limit: 5 } })).toBe(true);
  });
});
