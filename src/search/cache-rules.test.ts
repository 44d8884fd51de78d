import { reachedSearches, searchGroup, searchMember, searchTag } from './cache-rules';

describe('search cache rules', () => {
  it('reaches the searches whose every term occurs in the words, as a substring', () => {
    const words = 'قاسم الاعرجي وزير الداخليه بغداد';
    expect(reachedSearches(['الاعرجي', 'الاعرجي بغداد', 'اعرج', 'الاعرجي البصره', 'nothing'], words)).toEqual(['الاعرجي', 'الاعرجي بغداد', 'اعرج']);
    expect(reachedSearches([''], words)).toEqual([]);
  });

  it('names groups by locale and status, and tags by terms', () => {
    expect(searchTag(searchGroup('ar', true), searchMember(['الاعرجي', 'بغداد']))).toBe('search:ar/published:الاعرجي بغداد');
    expect(searchGroup('en', false)).toBe('search:en/draft');
  });
});
