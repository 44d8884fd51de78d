import { alternates } from './alternates';

const LOCALES = ['ar', 'en'];

describe('language alternates', () => {
  it('lists every published locale, then x-default on the Arabic page', () => {
    const published = new Map([
      ['en', 'https://www.example.org/en/articles/b'],
      ['ar', 'https://www.example.org/ar/articles/a'],
    ]);
    expect(alternates(published, LOCALES, 'ar')).toEqual([
      { lang: 'ar', url: 'https://www.example.org/ar/articles/a' },
      { lang: 'en', url: 'https://www.example.org/en/articles/b' },
      { lang: 'x-default', url: 'https://www.example.org/ar/articles/a' },
    ]);
  });

  it('leaves out locales the article is not published in, and x-default without the default locale', () => {
    expect(alternates(new Map([['en', 'https://www.example.org/en/articles/b']]), LOCALES, 'ar')).toEqual([
      { lang: 'en', url: 'https://www.example.org/en/articles/b' },
    ]);
  });
});
