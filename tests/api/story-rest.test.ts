import { api } from '../helpers/http';
import type { Article } from '../helpers/documents';
import { EXPECTED, ORGANIZATION_SLUGS, PUBLISHER_SLUG, SOURCE_SLUGS, STORY_SLUG } from '../fixtures/story-000';

const slugOf = (doc: { slug: string } | null | undefined) => (doc ? doc.slug : null);

describe.each(['ar', 'en'] as const)('the story over REST in %s', (locale) => {
  const expected = EXPECTED[locale];
  let article: Article;

  beforeAll(async () => {
    const res = await api().get('/api/articles').query({ locale, 'filters[slug][$eq]': STORY_SLUG }).expect(200);
    expect(res.body.data).toHaveLength(1);
    article = res.body.data[0];
  });

  it('has the headline, section, caption, date and body in this locale', () => {
    expect(article).toMatchObject({
      locale,
      slug: STORY_SLUG,
      headline: expected.headline,
      section: expected.section,
      coverCaption: expected.coverCaption,
      publishedDate: '2024-04-28',
    });
    expect(article.body).toHaveLength(8);
    expect(article.body[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text' }] });
  });

  it('populates every person with the role the story gives them', () => {
    expect(article.people).toMatchObject(expected.people);
    expect(article.people.find((p) => p.slug === 'tahseen-al-khafaji')?.affiliation).toMatchObject({
      slug: 'joint-operations-command-iraq',
      locale,
    });
  });

  it('populates every quote, in order, with its speaker and the source it came through', () => {
    expect(article.quotes).toHaveLength(expected.quotes.length);
    article.quotes.forEach((quote, i) => {
      const want = expected.quotes[i]!;
      expect(quote).toMatchObject({ position: want.position, kind: want.kind, locale });
      expect(quote.text).toContain(want.excerpt);
      expect(slugOf(quote.speaker)).toBe(want.speaker);
      expect(slugOf(quote.speakerOrganization)).toBe(want.speakerOrganization);
      expect(slugOf(quote.source)).toBe(want.source);
      if (quote.speaker) expect(quote.speaker.locale).toBe(locale);
      if (quote.source) expect(quote.source.locale).toBe(locale);
    });
  });

  it('populates figures, organizations, sources, publisher and cover', () => {
    expect(article.figures).toMatchObject(expected.figures);
    expect(article.organizations.map(slugOf)).toEqual(ORGANIZATION_SLUGS);
    expect(article.sources.map(slugOf)).toEqual(SOURCE_SLUGS);
    expect(article.sources.map((s) => s.shortName)).toEqual(expect.arrayContaining(expected.sourceShortNames));
    expect(article.publisher).toMatchObject({ slug: PUBLISHER_SLUG, kind: 'media', locale });
    expect(article).toHaveProperty('cover', null);
  });

  it('returns the same populated article by documentId', async () => {
    const res = await api().get(`/api/articles/${article.documentId}`).query({ locale }).expect(200);
    expect(res.body.data).toMatchObject({ documentId: article.documentId, headline: expected.headline, locale });
    expect(res.body.data.quotes).toHaveLength(9);
    expect(res.body.data.people).toHaveLength(3);
  });
});

describe('default populate', () => {
  it('yields to an explicit populate', async () => {
    const res = await api().get('/api/articles').query({ locale: 'en', populate: 'publisher' }).expect(200);
    const [article] = res.body.data;
    expect(article.publisher).toMatchObject({ slug: PUBLISHER_SLUG });
    expect(article).not.toHaveProperty('quotes');
    expect(article).not.toHaveProperty('people');
  });

  it('serves the Arabic version when no locale is given', async () => {
    const res = await api().get('/api/articles').expect(200);
    expect(res.body.data[0]).toMatchObject({ locale: 'ar', headline: EXPECTED.ar.headline });
  });
});

describe('the other types over REST', () => {
  it.each([
    ['people', 'john-brennan', { name: 'John Brennan', jobTitle: EXPECTED.en.people[2]!.jobTitle }],
    ['organizations', 'isis', { kind: 'armed_group', shortName: 'ISIS' }],
    ['sources', 'ina', { kind: 'news_agency', shortName: 'INA', url: 'https://www.ina.iq', country: 'IQ' }],
  ])('/api/%s finds %s in English', async (collection, slug, fields) => {
    const res = await api().get(`/api/${collection}`).query({ locale: 'en', 'filters[slug][$eq]': slug }).expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ slug, locale: 'en', ...fields });
  });

  it('lists the quotes of the story with their attribution when asked to populate', async () => {
    const res = await api()
      .get('/api/quotes')
      .query({
        locale: 'ar',
        sort: 'position:asc',
        'filters[article][slug][$eq]': STORY_SLUG,
        populate: ['speaker', 'speakerOrganization', 'source', 'article'],
      })
      .expect(200);
    expect(res.body.data).toHaveLength(9);
    expect(res.body.data[1]).toMatchObject({
      kind: 'direct',
      speaker: { slug: 'qasim-al-araji', name: 'قاسم الأعرجي' },
      source: { slug: 'nina', shortName: 'نينا' },
      article: { slug: STORY_SLUG },
    });
  });

  it('keeps aliases in both locales for matching and search', async () => {
    const res = await api().get('/api/people').query({ locale: 'en', 'filters[slug][$eq]': 'tahseen-al-khafaji' }).expect(200);
    expect(res.body.data[0].aliases).toEqual(expect.arrayContaining(['تحسين الخفاجي', 'Tahsin al-Khafaji']));
  });
});

describe('locale validation', () => {
  it.each([
    ['/api/articles', { locale: 'xx' }],
    ['/api/articles', { locale: 'fr' }],
    ['/api/people', { locale: 'EN-us' }],
    ['/api/quotes', { locale: '' }],
    ['/api/articles/some-document', { locale: 'xx' }],
  ])('%s with %p is a 400 that names the available locales', async (path, query) => {
    const res = await api().get(path).query(query).expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'BadRequestError' } });
    expect(res.body.error.message).toMatch(/locale/);
    expect(res.body.error.message).toContain('ar, en');
  });

  it('rejects a repeated locale parameter', async () => {
    const res = await api().get('/api/articles?locale=ar&locale=en').expect(400);
    expect(res.body.error.message).toMatch(/given once, as a single locale code/);
  });
});
