import fc from 'fast-check';
import { normalizeSearchText, normalizeWithMap, queryTerms } from './normalize';

describe('normalizeSearchText', () => {
  it.each([
    ['alef with hamza above', 'الأعرجي', 'الاعرجي'],
    ['alef with hamza below', 'إجلاء', 'اجلاء'],
    ['alef with madda', 'آلية', 'اليه'],
    ['alef wasla', 'ٱلعراق', 'العراق'],
    ['teh marbuta', 'قيادة', 'قياده'],
    ['alef maksura', 'فى', 'في'],
    ['waw with hamza', 'مسؤول', 'مسوول'],
    ['yeh with hamza', 'رئيس', 'رييس'],
    ['tashkeel', 'العِرَاقُ', 'العراق'],
    ['shadda and tanween', 'قوّةً', 'قوه'],
    ['tatweel', 'العـــراق', 'العراق'],
    ['Arabic-Indic digits', '٢١٠٠ شحنة', '2100 شحنه'],
    ['Persian digits', '۱۸۰۰', '1800'],
    ['Latin case', 'Qasim AL-ARAJI', 'qasim al araji'],
    ['Latin accents', 'Ñíña', 'nina'],
    ['punctuation as separators', 'الأعرجي، عن /نينا/ "أنهينا"', 'الاعرجي عن نينا انهينا'],
    ['presentation forms', 'ﻻ', 'لا'],
    ['surrounding and repeated spaces', '  العراق   يعلن  ', 'العراق يعلن'],
  ])('folds %s', (_name, input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('maps every spelling of a name to the same text', () => {
    const spellings = ['الأعرجي', 'الاعرجي', 'الإعرجي', 'الأعرجى', 'الأعْرَجِيّ', 'الأعـرجي'];
    expect(new Set(spellings.map(normalizeSearchText))).toEqual(new Set(['الاعرجي']));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.fullUnicodeString(), (s) => normalizeSearchText(normalizeSearchText(s)) === normalizeSearchText(s)));
  });

  it('only ever outputs lower-case letters, digits and single spaces', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), (s) => {
        const out = normalizeSearchText(s);
        return !/(^ | $| {2})/.test(out) && /^[\p{L}\p{N} ]*$/u.test(out) && out === out.toLowerCase();
      }),
    );
  });
});

describe('normalizeSearchText and normalizeWithMap', () => {
  // Arabic with its marks, presentation forms, digits, tatweel, Latin with accents, dotted İ (two
  // characters in lower case), characters that decompose to letters around a separator (½, ㈠), astral
  // letters and separators of every kind, so runs and edges are common.
  const mixed = fc.array(fc.constantFrom(...'أإآٱاةهىيؤئیکعَُِّـ٢۱ﻻ ،/"\t\nÑíİßﬁΩ½㈠℡𝐀😀-.9aZ'), { maxLength: 60 }).map((chars) => chars.join(''));

  it('give the same text, over any string', () => {
    fc.assert(fc.property(fc.oneof(fc.fullUnicodeString(), mixed), (s) => normalizeSearchText(s) === normalizeWithMap(s).normalized));
  });
});

describe('normalizeWithMap', () => {
  it('points each output character at its source character', () => {
    const source = 'قاسم الأعْرَجي، عن';
    const { normalized, sourceIndex } = normalizeWithMap(source);
    expect(normalized).toBe('قاسم الاعرجي عن');
    const start = normalized.indexOf('الاعرجي');
    const end = start + 'الاعرجي'.length - 1;
    expect(source.slice(sourceIndex[start], (sourceIndex[end] as number) + 1)).toBe('الأعْرَجي');
  });

  it('has one index per output character, never decreasing', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), (s) => {
        const { normalized, sourceIndex } = normalizeWithMap(s);
        return sourceIndex.length === normalized.length && sourceIndex.every((v, i) => i === 0 || v >= (sourceIndex[i - 1] as number));
      }),
    );
  });
});

describe('queryTerms', () => {
  it('splits a normalized query into unique words', () => {
    expect(queryTerms('  قاسم   الأعرجي قاسم ')).toEqual(['قاسم', 'الاعرجي']);
    expect(queryTerms('؟!')).toEqual([]);
  });
});
