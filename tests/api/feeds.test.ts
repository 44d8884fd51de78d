import type { Element } from 'xml-js';
import { api, bearer, tokens, type ErrorBody } from '../helpers/http';
import { FRONTEND_URL } from '../fixtures/accounts';
import { child, children, parseXml, root, text, xmllint } from '../helpers/xml';

/**
 * RSS and Atom feeds: the newest published articles of a locale, parsed with a real
 * XML parser and checked well-formed with xmllint; cached like every public read and
 * evicted by the next publish; never a draft or a scheduled article.
 */

interface Fixture {
  documentId: string;
  slug: string;
  headline: string;
}

const asTool = bearer(tokens.fullAccess());
const run = Date.now().toString(36);
const SECTION = `feeds-${run}`;
const created: string[] = [];
const today = new Date().toISOString().slice(0, 10);

async function article(label: string, query: Record<string, string>, data: Record<string, unknown> = {}): Promise<Fixture> {
  const slug = `feed-${label}-${run}`;
  const headline = `خبر الخلاصة ${label} ${run}`;
  const res = await api()
    .post('/api/articles')
    .query({ locale: 'ar', ...query })
    .set(asTool)
    .send({ data: { headline, slug, summary: `ملخص ${label}`, section: SECTION, publishedDate: today, ...data } });
  if (res.status !== 201) throw new Error(`creating ${label} answered ${res.status}: ${JSON.stringify(res.body)}`);
  created.push(res.body.data.documentId);
  return { documentId: res.body.data.documentId, slug, headline };
}

interface FeedEntry {
  title: string;
  link: string;
  id: string;
  date: string;
  summary: string;
  categories: string[];
}

/** The items of an RSS 2.0 document, and its channel's language. */
function rssItems(xml: string): { language: string; items: FeedEntry[] } {
  const channel = child(root(parseXml(xml)), 'channel');
  return {
    language: text(child(channel, 'language')),
    items: children(channel, 'item').map((item) => ({
      title: text(child(item, 'title')),
      link: text(child(item, 'link')),
      id: text(child(item, 'guid')),
      date: text(child(item, 'pubDate')),
      summary: text(child(item, 'description')),
      categories: children(item, 'category').map(text),
    })),
  };
}

function atomEntries(xml: string): FeedEntry[] {
  const feed = root(parseXml(xml));
  expect(feed.name).toBe('feed');
  expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
  return children(feed, 'entry').map((entry: Element) => ({
    title: text(child(entry, 'title')),
    link: String(child(entry, 'link')?.attributes?.href ?? ''),
    id: text(child(entry, 'id')),
    date: text(child(entry, 'published')),
    summary: text(child(entry, 'summary')),
    categories: children(entry, 'category').map((c) => String(c.attributes?.term ?? '')),
  }));
}

const pageOf = (a: Fixture, locale = 'ar') => `${FRONTEND_URL}/${locale}/articles/${a.slug}`;

let published: Fixture;
let draft: Fixture;
let scheduled: Fixture;

beforeAll(async () => {
  published = await article('published', {});
  draft = await article('draft', { status: 'draft' });
  scheduled = await article('scheduled', { status: 'draft' }, { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
});

afterAll(async () => {
  for (const documentId of created) await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool);
});

describe('GET /api/feeds/:locale/rss', () => {
  it('is well-formed RSS 2.0 with the channel language, as application/rss+xml', async () => {
    const res = await api().get('/api/feeds/ar/rss').expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(xmllint(res.text)).toEqual({ ok: true, output: '' });
    expect(root(parseXml(res.text))).toMatchObject({ name: 'rss', attributes: { version: '2.0' } });
    const { language, items } = rssItems(res.text);
    expect(language).toBe('ar');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(50);
  });

  it('carries each article: title, the article page, guid, date, summary and section', async () => {
    const { items } = rssItems((await api().get('/api/feeds/ar/rss').expect(200)).text);
    const item = items.find((i) => i.title === published.headline);
    expect(item).toEqual({
      title: published.headline,
      link: pageOf(published),
      id: expect.stringMatching(new RegExp(`/api/articles/${published.documentId}\\?locale=ar$`)),
      date: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/),
      summary: 'ملخص published',
      categories: [SECTION],
    });
    expect(new Date(item!.date).toISOString().slice(0, 10)).toBe(today);
  });

  it('never carries a draft or a scheduled article', async () => {
    const { items } = rssItems((await api().get('/api/feeds/ar/rss').query({ section: SECTION }).expect(200)).text);
    expect(items.map((i) => i.title)).toEqual([published.headline]);
    expect(items.map((i) => i.title)).not.toContain(draft.headline);
    expect(items.map((i) => i.title)).not.toContain(scheduled.headline);
  });

  it('filters by section', async () => {
    const { items } = rssItems(
      (
        await api()
          .get('/api/feeds/ar/rss')
          .query({ section: `${SECTION}-none` })
          .expect(200)
      ).text,
    );
    expect(items).toEqual([]);
  });

  it('has the English channel for en, without the Arabic-only article', async () => {
    const { language, items } = rssItems((await api().get('/api/feeds/en/rss').expect(200)).text);
    expect(language).toBe('en');
    expect(items.map((i) => i.title)).not.toContain(published.headline);
  });
});

describe('GET /api/feeds/:locale/atom', () => {
  it('is well-formed Atom 1.0 with the same articles, as application/atom+xml', async () => {
    const res = await api().get('/api/feeds/ar/atom').query({ section: SECTION }).expect(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(xmllint(res.text).ok).toBe(true);
    expect(atomEntries(res.text)).toEqual([
      {
        title: published.headline,
        link: pageOf(published),
        id: expect.stringMatching(new RegExp(`/api/articles/${published.documentId}\\?locale=ar$`)),
        date: expect.stringMatching(new RegExp(`^${today}T`)),
        summary: 'ملخص published',
        categories: [SECTION],
      },
    ]);
  });
});

describe('feed caching', () => {
  it('answers the second request from the cache with an ETag, and shows an article published since', async () => {
    const path = '/api/feeds/ar/atom';
    await api().get(path).query({ section: SECTION }).expect(200);
    const hit = await api().get(path).query({ section: SECTION }).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toMatch(/^"/);
    await api().get(path).query({ section: SECTION }).set('If-None-Match', hit.headers.etag).expect(304);

    const later = await article('later', {});
    const fresh = await api().get(path).query({ section: SECTION }).expect(200);
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(atomEntries(fresh.text).map((e) => e.title)).toEqual(expect.arrayContaining([published.headline, later.headline]));
  });
});

describe('bad feed requests', () => {
  it.each([
    ['/api/feeds/fr/rss', {}, /locale must be one of ar, en; got "fr"/],
    ['/api/feeds/ar/rss', { limit: '10' }, /unknown parameter\(s\): limit/],
    ['/api/feeds/ar/atom', { section: '' }, /section must not be empty/],
    ['/api/feeds/ar/atom', { section: 'x'.repeat(121) }, /section must be at most 120 characters/],
  ])('%s %j is a 400 naming the problem', async (path, query, message) => {
    const res = await api().get(path).query(query).expect(400);
    expect((res.body as ErrorBody).error.message).toMatch(message);
  });

  it('answers 400 for a repeated section', async () => {
    const res = await api().get('/api/feeds/ar/rss?section=a&section=b').expect(400);
    expect((res.body as ErrorBody).error.message).toMatch(/section must be given once/);
  });

  it('answers 404 for an unknown format', async () => {
    await api().get('/api/feeds/ar/json').expect(404);
  });
});
