import { pageCount, pageSlices, parsePage } from './paging';

describe('article sitemap pages', () => {
  const counts = [
    { locale: 'ar', count: 5 },
    { locale: 'en', count: 3 },
  ];

  it('counts pages; none without articles', () => {
    expect(pageCount(8, 3)).toBe(3);
    expect(pageCount(9, 3)).toBe(3);
    expect(pageCount(0, 50_000)).toBe(0);
  });

  it('cuts each page into per-locale slices, across the locale boundary', () => {
    expect(pageSlices(counts, 1, 3)).toEqual([{ locale: 'ar', offset: 0, limit: 3 }]);
    expect(pageSlices(counts, 2, 3)).toEqual([
      { locale: 'ar', offset: 3, limit: 2 },
      { locale: 'en', offset: 0, limit: 1 },
    ]);
    expect(pageSlices(counts, 3, 3)).toEqual([{ locale: 'en', offset: 1, limit: 2 }]);
    expect(pageSlices(counts, 4, 3)).toEqual([]);
  });

  it('covers every localization exactly once, whatever the page size', () => {
    for (const size of [1, 2, 3, 4, 7, 8, 100]) {
      const seen: string[] = [];
      for (let page = 1; page <= pageCount(8, size); page += 1) {
        const slices = pageSlices(counts, page, size);
        expect(slices.reduce((n, s) => n + s.limit, 0)).toBeLessThanOrEqual(size);
        for (const s of slices) for (let i = 0; i < s.limit; i += 1) seen.push(`${s.locale}${s.offset + i}`);
      }
      expect(seen).toEqual(['ar0', 'ar1', 'ar2', 'ar3', 'ar4', 'en0', 'en1', 'en2']);
    }
  });

  it('reads a page number written plainly, from 1', () => {
    expect(parsePage('1')).toBe(1);
    expect(parsePage('12')).toBe(12);
    for (const bad of ['0', '-1', '01', '1.5', 'x', '', '1e3', '9999999999']) expect(parsePage(bad)).toBeNull();
  });
});
