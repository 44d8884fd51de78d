import { renderArticleSitemap, renderNewsSitemap, renderSitemapIndex } from './render';

describe('sitemap documents', () => {
  it('escapes what they carry', async () => {
    const xml = await renderNewsSitemap([
      { url: 'https://www.example.org/ar/articles/a', publicationName: 'A & B', language: 'ar', publicationDate: '2026-03-10', title: 'عنوان <مهم>' },
    ]);
    expect(xml).toContain('<news:name>A &amp; B</news:name>');
    expect(xml).toContain('<news:title>عنوان &lt;مهم&gt;</news:title>');
  });

  it('writes the language versions as xhtml:link alternates', async () => {
    const xml = await renderArticleSitemap([
      {
        url: 'https://www.example.org/en/articles/b',
        lastmod: '2026-03-10T08:00:00.000Z',
        alternates: [{ lang: 'x-default', url: 'https://www.example.org/ar/articles/a' }],
      },
    ]);
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://www.example.org/ar/articles/a"/>');
  });

  it('refuses to write an empty sitemap (the protocol has none); the service answers 404 instead', async () => {
    await expect(renderArticleSitemap([])).rejects.toThrow('at least one URL');
    await expect(renderSitemapIndex([])).rejects.toThrow('at least one URL');
  });
});
