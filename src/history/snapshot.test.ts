import { changedFields, snapshotOf, snapshotPopulate } from './snapshot';

const ARTICLE = 'api::article.article';

/** An article draft as the query engine answers it with snapshotPopulate(). */
const row = {
  id: 7,
  documentId: 'doc1',
  locale: 'ar',
  publishedAt: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  headline: 'خبر',
  slug: 'khabar',
  summary: null,
  section: 'سياسة',
  publishAt: 1796076030215,
  people: [
    { id: 3, documentId: 'p1' },
    { id: 4, documentId: 'p2' },
  ],
  publisher: { id: 9, documentId: 'o1' },
  cover: { id: 12, url: '/uploads/x.jpg' },
  figures: [{ id: 40, value: '2100.50', label: 'قتيل', unit: null, qualifier: 'more_than' }],
  corrections: [],
  translationGaps: [{ field: 'people', documentId: 'p9' }],
};

describe('snapshotOf', () => {
  const snapshot = snapshotOf(ARTICLE, row);

  it('keeps what editors write: relations as documentIds, media as ids, components without row ids', () => {
    expect(snapshot).toMatchObject({
      headline: 'خبر',
      summary: null,
      people: ['p1', 'p2'],
      publisher: 'o1',
      cover: 12,
      figures: [{ value: 2100.5, label: 'قتيل', unit: null, qualifier: 'more_than' }],
      corrections: [],
    });
  });

  it('writes datetimes as ISO text, whichever form the database answered', () => {
    expect(snapshot.publishAt).toBe(new Date(1796076030215).toISOString());
    expect(snapshotOf(ARTICLE, { ...row, publishAt: new Date(1796076030215) }).publishAt).toBe(snapshot.publishAt);
  });

  it('leaves out ids, timestamps, status and private bookkeeping', () => {
    for (const key of ['id', 'documentId', 'locale', 'publishedAt', 'createdAt', 'updatedAt', 'translationGaps']) expect(snapshot).not.toHaveProperty(key);
  });

  it('has every attribute, empty ones as null or []', () => {
    expect(snapshot.unpublishAt).toBeNull();
    expect(snapshot.sources).toEqual([]);
  });

  it('leaves out links the other side owns: an article’s quotes are in each quote’s history', () => {
    expect(snapshotOf(ARTICLE, { ...row, quotes: [{ documentId: 'q1' }] })).not.toHaveProperty('quotes');
    expect(snapshotOf('api::quote.quote', { article: { documentId: 'doc1' } })).toMatchObject({ article: 'doc1' });
  });
});

describe('changedFields', () => {
  const before = snapshotOf(ARTICLE, row);

  it('names the attributes whose values differ, relations included', () => {
    const after = snapshotOf(ARTICLE, { ...row, summary: 'ملخص', people: [{ documentId: 'p2' }, { documentId: 'p1' }] });
    expect(changedFields(ARTICLE, before, after)).toEqual(['summary', 'people']);
  });

  it('names nothing when nothing changed', () => {
    expect(changedFields(ARTICLE, before, snapshotOf(ARTICLE, { ...row, id: 8, updatedAt: 'later' }))).toEqual([]);
  });

  it('against nothing (a first revision, a deletion), names the attributes that hold a value', () => {
    const filled = ['headline', 'slug', 'section', 'cover', 'people', 'publisher', 'figures', 'publishAt'];
    expect(changedFields(ARTICLE, null, before).sort()).toEqual(filled.sort());
    expect(changedFields(ARTICLE, before, null).sort()).toEqual(filled.sort());
  });
});

describe('snapshotPopulate', () => {
  it('populates exactly the relations the document owns, its media and its components', () => {
    expect(Object.keys(snapshotPopulate(ARTICLE)).sort()).toEqual(
      ['corrections', 'cover', 'figures', 'organizations', 'people', 'publisher', 'sources'].sort(),
    );
  });
});
