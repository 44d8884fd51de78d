import { DEFAULT_LOCALE, directionOf, LOCALE_CODES } from './locales';

describe('newsroom locales', () => {
  it('puts Arabic first and makes it the default', () => {
    expect(LOCALE_CODES).toEqual(['ar', 'en']);
    expect(DEFAULT_LOCALE).toBe('ar');
  });

  it.each([
    ['ar', 'rtl'],
    ['ar-IQ', 'rtl'],
    ['fa', 'rtl'],
    ['en', 'ltr'],
    ['en-GB', 'ltr'],
    ['arn', 'ltr'],
  ])('%s is %s', (locale, direction) => {
    expect(directionOf(locale)).toBe(direction);
  });
});
