import { changedPublicViews } from './read-model';

const view = (documentId: string, locale: string, body: string) => ({ documentId, locale, slug: `${documentId}-${locale}`, body });

describe('changedPublicViews', () => {
  it('lists the published versions added, removed or reading differently, and nothing that reads the same', () => {
    const before = [view('a', 'ar', '1'), view('a', 'en', '1'), view('b', 'ar', '1')];
    const after = [view('a', 'ar', '2'), view('a', 'en', '1'), view('c', 'ar', '1')];
    expect(changedPublicViews(before, after)).toEqual([
      { documentId: 'a', locale: 'ar', slug: 'a-ar' },
      { documentId: 'b', locale: 'ar', slug: 'b-ar' },
      { documentId: 'c', locale: 'ar', slug: 'c-ar' },
    ]);
    expect(changedPublicViews(before, before)).toEqual([]);
  });
});
