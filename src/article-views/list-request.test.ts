import { bodiesInPageOrder, canonicalBody, leadingKeys, listBody, listFromViewsRefusal, type ListRequest } from './list-request';
import { shapeOfPopulate } from './populate-shape';

const request = (query: Record<string, unknown>, overrides: Partial<ListRequest> = {}): ListRequest => ({
  query: { populate: { people: true }, ...query },
  defaultPopulate: true,
  headers: {},
  ...overrides,
});

describe('listFromViewsRefusal', () => {
  it.each([
    [{}],
    [{ locale: 'en' }],
    [{ status: 'draft', locale: 'ar' }],
    [{ filters: { section: { $eq: 'politics' } }, sort: 'publishedDate:desc', pagination: { page: '2', pageSize: '5' } }],
    [{ pagination: { withCount: 'false' } }],
  ])('serves %p from the views', (query) => {
    expect(listFromViewsRefusal(request(query))).toBeNull();
  });

  it.each([
    ['an explicit populate', request({}, { defaultPopulate: false })],
    ['the parameter fields', request({ fields: ['headline'] })],
    ['the parameter _q', request({ _q: 'x' })],
    ['a strapi-response-format header', request({}, { headers: { 'strapi-response-format': 'v4' } })],
    ['a strapi-encode-source-maps header', request({}, { headers: { 'strapi-encode-source-maps': 'true' } })],
    ['a locale that is not one string', request({ locale: ['ar', 'en'] })],
    ['a status other than published or draft', request({ status: 'modified' })],
  ])('refuses %s', (reason, listRequest) => {
    expect(listFromViewsRefusal(listRequest)).toBe(reason);
  });
});

describe('bodiesInPageOrder', () => {
  const views = [
    { documentId: 'b', locale: 'ar', body: '{"b":1}' },
    { documentId: 'a', locale: 'ar', body: '{"a":1}' },
    { documentId: 'a', locale: 'en', body: '{"a":2}' },
  ];

  it('follows the page, not the rows, and tells locales apart', () => {
    expect(
      bodiesInPageOrder(
        [
          { documentId: 'a', locale: 'en' },
          { documentId: 'b', locale: 'ar' },
          { documentId: 'a', locale: 'ar' },
        ],
        views,
      ),
    ).toEqual(['{"a":2}', '{"b":1}', '{"a":1}']);
  });

  it('gives up when an item has no row', () => {
    expect(bodiesInPageOrder([{ documentId: 'b', locale: 'en' }], views)).toBeNull();
  });

  it('an empty page needs no rows', () => {
    expect(bodiesInPageOrder([], [])).toEqual([]);
  });
});

describe('listBody', () => {
  it('is the bytes Koa sends for the core answer', () => {
    const data = [{ id: 1, headline: 'عنوان "مقتبس"' }, { id: 2 }];
    const pagination = { page: 1, pageSize: 25, pageCount: 1, total: 2 };
    expect(
      listBody(
        data.map((d) => JSON.stringify(d)),
        pagination,
      ),
    ).toBe(JSON.stringify({ data, meta: { pagination } }));
    expect(listBody([], { start: 0, limit: 10 })).toBe(JSON.stringify({ data: [], meta: { pagination: { start: 0, limit: 10 } } }));
  });
});

describe('leadingKeys and canonicalBody', () => {
  const shape = shapeOfPopulate({ people: { populate: { affiliation: true } }, quotes: { populate: { speaker: true, source: true } } });

  it('finds the sort columns the engine selected before id, and moves them to the front of a stored body', () => {
    expect(leadingKeys({ id: 1, documentId: 'a', locale: 'ar' })).toEqual([]);
    expect(leadingKeys({ slug: 's', id: 1, documentId: 'a' })).toEqual(['slug']);
    const body = JSON.stringify({ id: 1, documentId: 'a', headline: 'h', slug: 's', people: [] });
    expect(canonicalBody(body, shape, [])).toBe(body);
    expect(canonicalBody(body, shape, ['slug'])).toBe(JSON.stringify({ slug: 's', id: 1, documentId: 'a', headline: 'h', people: [] }));
  });

  it('orders populated relations as the populate lists them, at every depth, whatever order they were stored in', () => {
    const stored = { quotes: [{ source: null, id: 3, speaker: { id: 4 } }], id: 1, people: [{ affiliation: null, id: 2, name: 'n' }], headline: 'h' };
    expect(canonicalBody(JSON.stringify(stored), shape, [])).toBe(
      JSON.stringify({ id: 1, headline: 'h', people: [{ id: 2, name: 'n', affiliation: null }], quotes: [{ id: 3, speaker: { id: 4 }, source: null }] }),
    );
  });

  it('gives up on a key the body does not have (a column core would show and the view cannot)', () => {
    expect(canonicalBody(JSON.stringify({ id: 1 }), shape, ['person_ord'])).toBeNull();
  });
});
