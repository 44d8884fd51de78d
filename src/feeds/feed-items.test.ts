import { formatLinks } from '../domain/formats/links';
import { feedItem, newestFirst, publicationDate, type ListedArticle } from './feed-items';
import { renderFeed } from './render-feed';

const links = formatLinks({ apiBase: 'https://cms.example.org', frontendUrl: 'https://www.example.org', articlePath: '/{locale}/articles/{slug}' });
const article = (documentId: string, publishedDate: string | null, publishedAt: string, extra: Partial<ListedArticle> = {}): ListedArticle => ({
  documentId,
  slug: `slug-${documentId}`,
  headline: `Headline ${documentId}`,
  publishedDate,
  publishedAt,
  ...extra,
});

describe('publication dates', () => {
  it('is the moment the row went public when that was on the article’s own date', () => {
    expect(publicationDate({ publishedDate: '2026-03-01', publishedAt: '2026-03-01T09:30:00.000Z' }).toISOString()).toBe('2026-03-01T09:30:00.000Z');
  });

  it('is the shown date (midnight UTC) for an imported or re-published article, whenever the row was written', () => {
    expect(publicationDate({ publishedDate: '2019-05-04', publishedAt: '2026-03-01T09:30:00.000Z' }).toISOString()).toBe('2019-05-04T00:00:00.000Z');
  });

  it('falls back to publishedAt without a publishedDate', () => {
    expect(publicationDate({ publishedDate: null, publishedAt: '2026-03-01T09:30:00.000Z' }).toISOString()).toBe('2026-03-01T09:30:00.000Z');
  });
});

describe('the newest first', () => {
  it('merges dated and undated lists by publication date and keeps the limit', () => {
    const dated = [article('a', '2026-03-02', '2026-03-02T08:00:00Z'), article('b', '2020-01-01', '2026-03-03T08:00:00Z')];
    const undated = [article('c', null, '2026-03-02T12:00:00Z'), article('d', null, '2026-03-01T12:00:00Z')];
    expect(newestFirst([dated, undated], 3).map((a) => a.documentId)).toEqual(['c', 'a', 'd']);
  });
});

describe('a feed item', () => {
  it('links the article page as the formats do, with the API URI as its id', () => {
    const item = feedItem(article('abc', '2026-03-01', '2026-03-01T10:00:00Z', { summary: ' Summary ', section: 'World' }), 'en', links);
    expect(item).toEqual({
      title: 'Headline abc',
      link: 'https://www.example.org/en/articles/slug-abc',
      id: 'https://cms.example.org/api/articles/abc?locale=en',
      date: new Date('2026-03-01T10:00:00Z'),
      summary: 'Summary',
      section: 'World',
    });
  });
});

describe('the feed document', () => {
  const channel = {
    publicationName: 'Newsroom',
    locale: 'ar',
    section: null,
    siteUrl: 'https://www.example.org',
    urls: { rss: 'https://cms.example.org/api/feeds/ar/rss', atom: 'https://cms.example.org/api/feeds/ar/atom' },
  };
  const items = [feedItem(article('abc', '2026-03-01', '2026-03-01T10:00:00Z', { section: 'بوابة العرب', summary: 'ملخص' }), 'ar', links)];

  it('is the same bytes for the same articles (no request time inside), so the ETag is stable', () => {
    expect(renderFeed('rss', channel, items)).toBe(renderFeed('rss', channel, items));
    expect(renderFeed('atom', channel, items)).toBe(renderFeed('atom', channel, items));
    expect(renderFeed('rss', channel, items)).toContain('<lastBuildDate>Sun, 01 Mar 2026 10:00:00 GMT</lastBuildDate>');
  });

  it('has the channel language and the section as category', () => {
    const rss = renderFeed('rss', channel, items);
    expect(rss).toContain('<language>ar</language>');
    expect(rss).toContain('<category>بوابة العرب</category>');
    expect(renderFeed('atom', channel, items)).toContain('<category label="بوابة العرب" term="بوابة العرب"/>');
  });
});
