import { parseSearchParams } from './params';

describe('parseSearchParams', () => {
  it('accepts a query and fills defaults', () => {
    expect(parseSearchParams({ q: ' الأعرجي ' })).toEqual({
      ok: true,
      params: { q: 'الأعرجي', terms: ['الاعرجي'], types: ['article', 'quote', 'person'], locale: undefined, status: 'published', page: 1, pageSize: 10 },
    });
  });

  it('reads type, locale, status and paging from query strings or numbers', () => {
    expect(parseSearchParams({ q: 'x', type: 'quote', locale: 'en', status: 'draft', page: '2', pageSize: 5 })).toMatchObject({
      ok: true,
      params: { types: ['quote'], locale: 'en', status: 'draft', page: 2, pageSize: 5 },
    });
  });

  it.each([
    [{}, 'q is required'],
    [{ q: '   ' }, 'q must not be empty'],
    [{ q: 'x'.repeat(201) }, 'q must be at most 200 characters'],
    [{ q: '؟!…' }, 'q has no letters or digits to search for'],
    [{ q: ['a', 'b'] }, 'q must be given once, as text'],
    [{ q: 'x', type: 'video' }, 'type must be one of article, quote, person'],
    [{ q: 'x', status: 'archived' }, 'status must be published or draft'],
    [{ q: 'x', page: '0' }, 'page must be a whole number from 1'],
    [{ q: 'x', pageSize: '51' }, 'pageSize must be a whole number from 1 to 50'],
    [{ q: 'x', pageSize: '1e3' }, 'pageSize must be a whole number from 1 to 50'],
    [{ q: 'x', sort: 'title' }, 'unknown parameter(s): sort'],
  ])('refuses %p with "%s"', (input, message) => {
    const result = parseSearchParams(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContain(message);
  });
});
