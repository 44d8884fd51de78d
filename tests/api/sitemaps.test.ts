import { api, baseUrl, bearer, tokens, type ErrorBody } from '../helpers/http';
import { FRONTEND_URL } from '../fixtures/accounts';
import { child, children, parseXml, root, text, xmllint, sitemapSchemas } from '../helpers/xml';

/**
 * Sitemaps: the index, the article sitemaps (two URLs each in the test app:
 * SITEMAP_PAGE_SIZE in tests/helpers/global-setup.ts) and the Google News sitemap,
 * validated with xmllint against the sitemaps.org schemas, the news: elements
 * against Google's rules.
 */

interface Fixture {
  documentId: string;
  slug: string;
  headline: string;
}

const asTool = bearer(tokens.fullAccess());
const run = Date.now().toString(36);
const created: string[] = [];
const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const pageOf = (a: Fixture, locale: string) => `${FRONTEND_URL}/${locale}/articles/${a.slug}`;

async function article(label: string, query: Record<string, string>, data: Record<string, unknown> = {}): Promise<Fixture> {
  const slug = `sitemap-${label}-${run}`;
  const headline = `خبر خريطة الموقع ${label} ${run}`;
  const res = await api()
    .post('/api/articles')
    .query({ locale: 'ar', ...query })
    .set(asTool)
    .send({ data: { headline, slug, publishedDate: isoDay(0), ...data } });
  if (res.status !== 201) throw new Error(`creating ${label} answered ${res.status}: ${JSON.stringify(res.body)}`);
  created.push(res.body.data.documentId);
  return { documentId: res.body.data.documentId, slug, headline };
}

let schemas: { index: string; urlset: string };
let fresh: Fixture;
let freshEn: Fixture;
let old: Fixture;
let draft: Fixture;
let scheduled: Fixture;

beforeAll(async () => {
  // Fails the suite, not skips it, when the schemas are missing.
  schemas = sitemapSchemas();
  fresh = await article('fresh', {});
  const en = await api()
    .put(`/api/articles/${fresh.documentId}`)
    .query({ locale: 'en' })
    .set(asTool)
    .send({ data: { headline: `Sitemap story ${run}`, slug: `sitemap-fresh-en-${run}` } });
  if (en.status !== 200) throw new Error(`translating answered ${en.status}: ${JSON.stringify(en.body)}`);
  freshEn = { documentId: fresh.documentId, slug: `sitemap-fresh-en-${run}`, headline: `Sitemap story ${run}` };
  // An archive article published today: its row is new, its date is not.
  old = await article('old', {}, { publishedDate: isoDay(-10) });
  draft = await article('draft', { status: 'draft' });
  scheduled = await article('scheduled', { status: 'draft' }, { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
});

afterAll(async () => {
  for (const documentId of created) await api().delete(`/api/articles/${documentId}`).query({ locale: '*' }).set(asTool);
});

function expectValid(xml: string, schema: string) {
  expect(xmllint(xml, schema)).toEqual({ ok: true, output: '- validates\n' });
}

interface UrlEntry {
  loc: string;
  lastmod: string;
  alternates: Array<{ hreflang: string; href: string }>;
}

function urlEntries(xml: string): UrlEntry[] {
  const urlset = root(parseXml(xml));
  expect(urlset.name).toBe('urlset');
  return children(urlset, 'url').map((url) => ({
    loc: text(child(url, 'loc')),
    lastmod: text(child(url, 'lastmod')),
    alternates: children(url, 'xhtml:link').map((l) => {
      expect(l.attributes?.rel).toBe('alternate');
      return { hreflang: String(l.attributes?.hreflang), href: String(l.attributes?.href) };
    }),
  }));
}

/** Every article sitemap the index lists, in order. */
async function articleSitemaps(): Promise<string[]> {
  const res = await api().get('/api/sitemaps/index.xml').expect(200);
  const locs = children(root(parseXml(res.text)), 'sitemap').map((s) => text(child(s, 'loc')));
  return locs.filter((loc) => loc.includes('/api/sitemaps/articles/'));
}

describe('GET /api/sitemaps/index.xml', () => {
  it('is a sitemap index valid against siteindex.xsd, listing absolute URLs on the API’s own origin', async () => {
    const res = await api().get('/api/sitemaps/index.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expectValid(res.text, schemas.index);
    const locs = children(root(parseXml(res.text)), 'sitemap').map((s) => text(child(s, 'loc')));
    // PUBLIC_URL is not set in the test app: the request's origin.
    expect(locs[0]).toBe(`${baseUrl()}/api/sitemaps/news.xml`);
    const pages = locs.slice(1);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages).toEqual(pages.map((_, i) => `${baseUrl()}/api/sitemaps/articles/${i + 1}.xml`));
  });

  it('is cached with an ETag, and grows when an article is published', async () => {
    await api().get('/api/sitemaps/index.xml').expect(200);
    const hit = await api().get('/api/sitemaps/index.xml').expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toMatch(/^"/);
    const before = (await articleSitemaps()).length;
    const total = (await Promise.all((await articleSitemaps()).map(async (loc) => urlEntries((await api().get(new URL(loc).pathname)).text).length))).reduce(
      (a, b) => a + b,
      0,
    );
    // Two per page: one more URL opens a page exactly when the last one is full.
    await article('extra', {});
    expect((await articleSitemaps()).length).toBe(Math.ceil((total + 1) / 2));
    expect(before).toBe(Math.ceil(total / 2));
  });
});

describe('GET /api/sitemaps/articles/:page.xml', () => {
  let entries: UrlEntry[];
  beforeAll(async () => {
    entries = [];
    for (const loc of await articleSitemaps()) {
      const res = await api().get(new URL(loc).pathname).expect(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expectValid(res.text, schemas.urlset);
      const page = urlEntries(res.text);
      expect(page.length).toBeGreaterThan(0);
      expect(page.length).toBeLessThanOrEqual(2);
      entries.push(...page);
    }
  });

  it('lists every published localization once, with lastmod', () => {
    const locs = entries.map((e) => e.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toEqual(expect.arrayContaining([pageOf(fresh, 'ar'), pageOf(freshEn, 'en'), pageOf(old, 'ar')]));
    for (const entry of entries) expect(entry.lastmod).toMatch(W3C_DATETIME);
  });

  it('gives each page its language versions and x-default (the Arabic page)', () => {
    const expected = [
      { hreflang: 'ar', href: pageOf(fresh, 'ar') },
      { hreflang: 'en', href: pageOf(freshEn, 'en') },
      { hreflang: 'x-default', href: pageOf(fresh, 'ar') },
    ];
    expect(entries.find((e) => e.loc === pageOf(fresh, 'ar'))?.alternates).toEqual(expected);
    expect(entries.find((e) => e.loc === pageOf(freshEn, 'en'))?.alternates).toEqual(expected);
    // Published in Arabic only: no English version to point to.
    expect(entries.find((e) => e.loc === pageOf(old, 'ar'))?.alternates).toEqual([
      { hreflang: 'ar', href: pageOf(old, 'ar') },
      { hreflang: 'x-default', href: pageOf(old, 'ar') },
    ]);
  });

  it('never lists a draft or a scheduled article', () => {
    const locs = entries.map((e) => e.loc);
    expect(locs).not.toContain(pageOf(draft, 'ar'));
    expect(locs).not.toContain(pageOf(scheduled, 'ar'));
  });

  it('answers 404 past the last page and 400 for a page that is not a number from 1', async () => {
    const pages = (await articleSitemaps()).length;
    await api()
      .get(`/api/sitemaps/articles/${pages + 1}.xml`)
      .expect(404);
    for (const bad of ['0', 'x', '01']) {
      const res = await api().get(`/api/sitemaps/articles/${bad}.xml`).expect(400);
      expect((res.body as ErrorBody).error.message).toMatch(/page must be a whole number from 1/);
    }
  });
});

describe('GET /api/sitemaps/news.xml', () => {
  let xml: string;
  let urls: Array<{ loc: string; name: string; language: string; date: string; title: string }>;
  beforeAll(async () => {
    const res = await api().get('/api/sitemaps/news.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    xml = res.text;
    urls = children(root(parseXml(xml)), 'url').map((url) => {
      const news = child(url, 'news:news');
      const publication = child(news, 'news:publication');
      return {
        loc: text(child(url, 'loc')),
        name: text(child(publication, 'news:name')),
        language: text(child(publication, 'news:language')),
        date: text(child(news, 'news:publication_date')),
        title: text(child(news, 'news:title')),
      };
    });
  });

  it('is valid against sitemap.xsd (lax for the news namespace)', () => {
    expectValid(xml, schemas.urlset);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  });

  it('follows Google’s rules: publication name and language, W3C date, title, at most 1,000, newest first', () => {
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThanOrEqual(1000);
    for (const url of urls) {
      expect(url.name).toBe('Newsroom');
      expect(['ar', 'en']).toContain(url.language);
      expect(url.date).toMatch(W3C_DATETIME);
      expect(url.title.length).toBeGreaterThan(0);
    }
    const times = urls.map((u) => Date.parse(u.date));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('lists articles dated within the last two days only, in each published language', () => {
    expect(urls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: pageOf(fresh, 'ar'), language: 'ar', title: fresh.headline }),
        expect.objectContaining({ loc: pageOf(freshEn, 'en'), language: 'en', title: freshEn.headline }),
      ]),
    );
    const cutoff = isoDay(-2);
    for (const url of urls) expect(url.date.slice(0, 10) >= cutoff).toBe(true);
  });

  it('never lists an old article published again, a draft or a scheduled article', () => {
    const locs = urls.map((u) => u.loc);
    for (const absent of [old, draft, scheduled]) expect(locs).not.toContain(pageOf(absent, 'ar'));
  });

  it('is kept out of the response cache (it changes with the clock) but revalidates by ETag', async () => {
    const res = await api().get('/api/sitemaps/news.xml').expect(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(res.headers.etag).toMatch(/^"/);
    await api().get('/api/sitemaps/news.xml').set('If-None-Match', res.headers.etag).expect(304);
  });
});
