import { contentLocaleOf, fieldDirection } from './direction';

describe('contentLocaleOf', () => {
  it.each([
    ['/admin/content-manager/collection-types/api::article.article?page=1&plugins[i18n][locale]=ar', 'ar'],
    ['/admin/content-manager/collection-types/api::article.article/abc?plugins%5Bi18n%5D%5Blocale%5D=en', 'en'],
    ['/admin/content-manager/collection-types/api::article.article/abc?locale=ar', 'ar'],
    ['/admin/content-manager/collection-types/api::article.article', null],
    ['/admin/settings/users?plugins[i18n][locale]=ar', null],
  ])('%s -> %s', (href, locale) => {
    expect(contentLocaleOf(href)).toBe(locale);
  });
});

describe('fieldDirection', () => {
  it('lays Arabic content out right-to-left and English left-to-right', () => {
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'headline' }, 'ar')).toBe('rtl');
    expect(fieldDirection({ tag: 'textarea', name: 'summary' }, 'ar')).toBe('rtl');
    expect(fieldDirection({ tag: 'div', name: null }, 'ar')).toBe('rtl');
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'headline' }, 'en')).toBe('ltr');
    expect(fieldDirection({ tag: 'textarea', name: 'summary' }, 'en')).toBe('ltr');
  });

  it('keeps identifiers, numbers and dates left-to-right in Arabic content', () => {
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'slug' }, 'ar')).toBe('ltr');
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'figures.0.unit' }, 'ar')).toBe('rtl');
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'url' }, 'ar')).toBe('ltr');
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'publishedDate', inputMode: 'numeric' }, 'ar')).toBe('ltr');
    expect(fieldDirection({ tag: 'input', type: 'email', name: 'email' }, 'ar')).toBe('ltr');
  });

  it('lets the text decide where the locale is unknown, and in relation search boxes', () => {
    expect(fieldDirection({ tag: 'input', type: 'text', name: 'name' }, null)).toBe('auto');
    expect(fieldDirection({ tag: 'input', type: 'relation', name: 'people' }, 'ar')).toBe('auto');
  });

  it('leaves checkboxes and other controls alone', () => {
    expect(fieldDirection({ tag: 'input', type: 'checkbox', name: 'x' }, 'ar')).toBeNull();
    expect(fieldDirection({ tag: 'input', type: 'hidden', name: 'x' }, 'ar')).toBeNull();
  });
});
