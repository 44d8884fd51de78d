import fc from 'fast-check';
import { THING_MODELS } from './models.fixture';
import { dottedPath, queryStringPath, summarize } from './problems';
import { GRAPHQL_DIALECT, queryProblems, REST_DIALECT } from './query';

const UID = 'api::thing.thing';
const rest = (query: Record<string, unknown>) => queryProblems(THING_MODELS, REST_DIALECT, UID, query, { checkStatusAndLocale: true });
const graphql = (args: Record<string, unknown>) => queryProblems(THING_MODELS, GRAPHQL_DIALECT, UID, args, { checkStatusAndLocale: false });
const restMessage = (query: Record<string, unknown>) => summarize(rest(query), queryStringPath);
const graphqlMessage = (args: Record<string, unknown>) => summarize(graphql(args), dottedPath);

describe('filters', () => {
  it('refuses with the parameter path and what was expected', () => {
    expect(restMessage({ filters: { count: { $eq: 'x' } } })).toBe('filters[count][$eq]: expected an integer, got "x"');
    expect(restMessage({ filters: { title: { $between: 'a' } } })).toBe('filters[title][$between]: expected exactly 2 values, got "a"');
    expect(graphqlMessage({ filters: { title: { between: ['a'] } } })).toBe('filters.title.between: expected exactly 2 values, got a list of 1');
    expect(graphqlMessage({ filters: { title: { between: null } } })).toBe('filters.title.between: expected exactly 2 values, got null');
  });

  it('accepts every documented form', () => {
    const valid: unknown[] = [
      { title: 'x' },
      { title: ['a', 'b'] },
      { title: null },
      { title: { $eq: 'x', $ne: 'y' } },
      { title: { $eq: ['a', 'b'] } },
      { title: { $eqi: 'X', $nei: 'Y', $contains: '', $notContains: 'x', $containsi: 'x', $notContainsi: 'x' } },
      { title: { $startsWith: 'a', $startsWithi: 'a', $endsWith: 'z', $endsWithi: 'z', $lt: 'm', $between: ['a', 'z'] } },
      { title: { $in: ['a'], $notIn: 'b' } },
      { title: { $null: 'true' }, body: { $notNull: false } },
      { title: { $not: { $eq: 'x' } } },
      { count: { $gte: '1', $lte: 10, $between: ['1', '5'], $in: ['1', '2', '3'] } },
      { price: { $gt: '1.5' }, ratio: { $lt: 2 }, big: { $eq: '9223372036854775807' } },
      { day: { $between: ['2026-01-01', '2026-12-31'] }, at: { $gt: '2026-11-30T10:00:00Z' }, clock: { $lt: '12:00:00' } },
      { flag: 'true', kind: { $in: ['alpha', 'beta'] } },
      { meta: { $null: true }, content: { $notNull: 'true' } },
      { id: { $in: ['1', '2'] }, documentId: 'abc', createdAt: { $gt: '2020-01-01' }, locale: 'ar' },
      { owner: { name: { $eq: 'x' } }, tags: { $null: 'true' }, image: { name: { $contains: 'x' } } },
      { owner: '5', tags: ['1', '2'] },
      { owner: { $or: [{ name: 'a' }, { name: 'b' }] } },
      { parts: { value: { $gt: '100' }, label: { $containsi: 'x' } } },
      { $and: [{ title: 'a' }, { count: '2' }], $or: [{ title: 'b' }], $not: { title: 'c' } },
    ];
    for (const filters of valid) expect({ filters, problems: rest({ filters }) }).toEqual({ filters, problems: [] });
  });

  it.each<[string, Record<string, unknown> | unknown[], string]>([
    ['an unknown field', { nope: 'x' }, 'filters[nope]: "nope" is not a field of Thing'],
    ['a private field, as unknown', { note: 'x' }, 'filters[note]: "note" is not a field of Thing'],
    ['a password', { secret: 'x' }, 'filters[secret]: "secret" is not a field of Thing'],
    ['a text operator on an integer', { count: { $contains: '1' } }, 'filters[count][$contains]: $contains applies to text fields; count is an integer'],
    ['a text operator on a date', { day: { $startsWith: '2026' } }, 'filters[day][$startsWith]: $startsWith applies to text fields; day is a date'],
    [
      'a value filter on JSON',
      { meta: { $eq: 'x' } },
      'filters[meta][$eq]: $eq applies to fields with a value (not JSON or blocks); meta is a JSON field; only $null and $notNull apply',
    ],
    ['equality on blocks', { content: 'x' }, 'filters[content]: content is a blocks field: only $null and $notNull apply'],
    ['a comparison on an enumeration', { kind: { $gt: 'alpha' } }, 'filters[kind][$gt]: $gt applies to numbers, dates, times and text; kind is an enumeration'],
    ['an enumeration value that does not exist', { kind: 'gamma' }, 'filters[kind]: expected one of "alpha", "beta", got "gamma"'],
    ['$between with three values', { count: { $between: ['1', '2', '3'] } }, 'filters[count][$between]: expected exactly 2 values, got a list of 3'],
    ['$in with an empty list', { count: { $in: [] } }, 'filters[count][$in]: expected a non-empty list of values, got an empty list'],
    [
      '$in with too many values',
      { count: { $in: Array.from({ length: 101 }, (_, i) => String(i)) } },
      'filters[count][$in]: expected at most 100 values, got a list of 101',
    ],
    ['$null with a word', { title: { $null: 'maybe' } }, 'filters[title][$null]: expected true or false, got "maybe"'],
    ['$not with a value', { title: { $not: 'x' } }, 'filters[title][$not]: expected an object of conditions, got "x"'],
    ['$or that is not a list', { $or: { title: 'x' } }, 'filters[$or]: expected a list of filter objects, got an object'],
    ['$and holding a value', { $and: ['x'] }, 'filters[$and][0]: expected an object of conditions on the fields of Thing, got "x"'],
    ['an attribute operator at the root', { $eq: 'x' }, 'filters[$eq]: $eq needs a field to apply to; only $and, $or, $not combine whole filters'],
    ['an unknown operator', { title: { $regex: '.*' } }, 'filters[title][$regex]: unknown operator $regex'],
    ['the internal JSON operator', { meta: { $jsonSupersetOf: '{}' } }, 'filters[meta][$jsonSupersetOf]: unknown operator $jsonSupersetOf'],
    ['$or inside a field', { title: { $or: ['a'] } }, 'filters[title][$or]: $or combines whole filters; on a field use its operators, or $not'],
    ['a NUL byte', { title: { $eq: 'a\u0000b' } }, 'filters[title][$eq]: expected text without NUL characters, got "a\\u0000b"'],
    ['a NUL byte in a text operator', { title: { $containsi: 'a\u0000' } }, 'filters[title][$containsi]: expected text without NUL characters, got "a\\u0000"'],
    ['a relation operator on a non-id', { owner: { $eq: 'x' } }, 'filters[owner][$eq]: expected an integer, got "x"'],
    [
      'mixing operators and fields on a relation',
      { owner: { $null: 'true', name: 'x' } },
      "filters[owner]: a relation takes either conditions on Other's fields or one operator on its id, not both",
    ],
    [
      'two operators on a relation',
      { owner: { $null: 'true', $eq: '1' } },
      'filters[owner]: a relation takes one operator at a time; combine several with $and',
    ],
    ['a morph relation', { anything: { id: '1' } }, 'filters[anything]: anything cannot be filtered'],
    ['the computed localizations', { localizations: { locale: 'en' } }, 'filters[localizations]: localizations cannot be filtered'],
    ['a dynamic zone', { zone: 'x' }, 'filters[zone]: zone is a dynamic zone, which cannot be filtered'],
    ['a filter that is not an object', 'x' as unknown as Record<string, unknown>, 'filters: expected an object of conditions on the fields of Thing, got "x"'],
    [
      'a list of filter objects',
      [{ title: 'a' }],
      'filters: expected an object of conditions on the fields of Thing (combine several with $and), got a list of 1',
    ],
    ['an out-of-range id', { id: '99999999999' }, 'filters[id]: expected an integer from -2147483648 to 2147483647, got "99999999999"'],
    ['an impossible date', { day: { $eq: '2026-02-30' } }, 'filters[day][$eq]: expected a calendar date as YYYY-MM-DD, got "2026-02-30"'],
    [
      'a timestamp for a datetime',
      { createdAt: { $gt: '1700000000000' } },
      'filters[createdAt][$gt]: expected an ISO 8601 datetime such as 2026-11-30T12:00:00Z, got "1700000000000"',
    ],
    ['a list inside a list', { title: { $in: [['a']] } }, 'filters[title][$in][0]: expected a single value, got a list of 1'],
  ])('refuses %s', (_label, filters, message) => {
    expect(restMessage({ filters })).toBe(message);
  });

  it('reports the first problem and counts the rest', () => {
    expect(restMessage({ filters: { count: 'x', nope: 'y', kind: 'z' } })).toBe(
      'filters[count]: expected an integer, got "x" (and 2 more: see details.errors)',
    );
  });

  it('speaks GraphQL to GraphQL: operators without the dollar sign, dotted paths', () => {
    expect(graphqlMessage({ filters: { and: [{ count: { contains: 'x' } }] } })).toBe(
      'filters.and[0].count.contains: contains applies to text fields; count is an integer',
    );
    expect(graphqlMessage({ filters: { owner: { name: { in: [] } } } })).toBe('filters.owner.name.in: expected a non-empty list of values, got an empty list');
    expect(graphql({ filters: { not: { title: { eq: 'x' } }, or: [{ count: { between: [1, 2] } }] } })).toEqual([]);
    expect(graphqlMessage({ filters: { meta: { eq: 'x' } } })).toBe(
      'filters.meta.eq: eq applies to fields with a value (not JSON or blocks); meta is a JSON field; only null and notNull apply',
    );
    expect(graphqlMessage({ filters: { eq: 'x' } })).toBe('filters.eq: eq needs a field to apply to; only and, or, not combine whole filters');
    // GraphQL has no `$`: a REST operator is an unknown field there.
    expect(graphqlMessage({ filters: { $eq: 'x' } })).toBe('filters.$eq: "$eq" is not a field of Thing');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (filters, sort, populate, pagination) => {
        rest({ filters, sort, populate, pagination, fields: populate });
        graphql({ filters, sort, pagination });
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });
});

describe('sort', () => {
  it('accepts strings, lists, objects and paths through relations', () => {
    for (const sort of [
      'title',
      'title:desc',
      'title:DESC,count:asc',
      ' title : asc ',
      ['title:asc', 'count'],
      { title: 'desc' },
      [{ owner: { name: 'asc' } }],
      'owner.name:asc',
      'parts.value',
      'status:asc',
      'id:desc',
      [null],
      '',
      'title,',
    ]) {
      expect({ sort, problems: rest({ sort }) }).toEqual({ sort, problems: [] });
    }
  });

  it.each<[string, unknown, string]>([
    ['an unknown field', 'nope:asc', 'sort: "nope" is not a field of Thing'],
    ['a bad order', 'title:sideways', 'sort: expected field:asc or field:desc in "title:sideways", got "sideways"'],
    ['a relation itself', 'owner', 'sort: sort by a field of owner, as in owner.<field>:asc'],
    ['a JSON field', 'meta:asc', 'sort: meta is a JSON field, which cannot be sorted'],
    ['a private field', { note: 'asc' }, 'sort[note]: "note" is not a field of Thing'],
    ['through a scalar', 'title.x', 'sort: title has no fields to sort by'],
    ['a number', 5, 'sort: expected a field to sort by, such as title:asc, got 5'],
    ['a bad order in an object', { title: 'up' }, 'sort[title]: expected asc or desc, got "up"'],
    ['an empty order on a relation', { owner: '' }, 'sort[owner]: sort by a field of owner, as in owner.<field>:asc'],
  ])('refuses %s', (_label, sort, message) => {
    expect(restMessage({ sort })).toBe(message);
  });
});

describe('fields and populate', () => {
  it('accepts the documented forms', () => {
    const valid: Array<Record<string, unknown>> = [
      { fields: '*' },
      { fields: 'title,slug' },
      { fields: ['title', 'meta', 'id', 'documentId'] },
      { populate: '*' },
      { populate: 'owner,tags' },
      { populate: ['owner', 'parts', 'image'] },
      { populate: { owner: true, tags: '*', image: 'true', parts: 'false' } },
      { populate: { owner: { fields: ['name'], filters: { name: { $eq: 'x' } }, sort: 'name:asc', populate: '*' } } },
      { populate: { tags: { count: 'true' } } },
      { populate: { tags: { page: '1', pageSize: '10' } } },
      { populate: { zone: { on: { 'demo.part': { fields: ['label'] } } } } },
      { populate: { zone: { populate: '*' } } },
    ];
    for (const query of valid) expect({ query, problems: rest(query) }).toEqual({ query, problems: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown field', { fields: 'nope' }, 'fields: "nope" is not a field of Thing'],
    ['a relation in fields', { fields: ['owner'] }, 'fields[0]: owner is not a plain field; use populate for relations, media and components'],
    ['an empty field name', { fields: 'title,' }, 'fields: expected a field name, got ""'],
    ['populating a scalar', { populate: 'title' }, 'populate: title is not a relation, media or component field, so there is nothing to populate'],
    ['populating an unknown field', { populate: { nope: true } }, 'populate[nope]: "nope" is not a field of Thing'],
    [
      'an unknown populate option',
      { populate: { owner: { where: {} } } },
      'populate[owner][where]: "where" is not a populate option; use populate, fields, filters, sort, count, ordering, page, pageSize, start, limit',
    ],
    [
      'a bad nested filter',
      { populate: { owner: { filters: { name: { $between: 'a' } } } } },
      'populate[owner][filters][name][$between]: expected exactly 2 values, got "a"',
    ],
    ['`on` outside a dynamic zone', { populate: { owner: { on: {} } } }, 'populate[owner][on]: "on" only applies to dynamic zones and polymorphic relations'],
    ['an empty nested populate', { populate: { owner: { populate: '' } } }, 'populate[owner][populate]: expected a field to populate, got ""'],
    ['a path past media', { populate: 'image.name' }, 'populate: "image.name" goes past a field that has nothing to populate'],
    ['a bad nested page', { populate: { tags: { page: '0' } } }, 'populate[tags][page]: expected an integer from 1 to 2147483647, got "0"'],
  ])('refuses %s', (_label, query, message) => {
    expect(restMessage(query)).toBe(message);
  });
});

describe('pagination, status and locale', () => {
  it('accepts both pagination styles', () => {
    for (const pagination of [{ page: '2', pageSize: '10' }, { start: '0', limit: '25' }, { limit: '-1' }, { page: 1, withCount: 'false' }, {}]) {
      expect({ pagination, problems: rest({ pagination }) }).toEqual({ pagination, problems: [] });
    }
    expect(rest({ status: 'draft', locale: 'en' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['page 0', { pagination: { page: '0' } }, 'pagination[page]: expected an integer from 1 to 2147483647, got "0"'],
    ['a negative pageSize', { pagination: { pageSize: -5 } }, 'pagination[pageSize]: expected an integer from 1 to 2147483647, got -5'],
    ['a word', { pagination: { page: 'abc' } }, 'pagination[page]: expected an integer from 1 to 2147483647, got "abc"'],
    ['a huge page', { pagination: { page: '99999999999999' } }, 'pagination[page]: expected an integer from 1 to 2147483647, got "99999999999999"'],
    ['both styles', { pagination: { page: '1', start: '0' } }, 'pagination[start]: use either page and pageSize, or start and limit, not both'],
    [
      'an unknown key',
      { pagination: { offset: '3' } },
      'pagination[offset]: "offset" is not a pagination parameter; use page, pageSize, start, limit or withCount',
    ],
    ['a bad withCount', { pagination: { withCount: 'maybe' } }, 'pagination[withCount]: expected true or false, got "maybe"'],
    ['a status', { status: 'live' }, 'status: expected "draft" or "published", got "live"'],
    ['two locales', { locale: ['ar', 'en'] }, 'locale: expected one locale code, got a list of 2'],
    ['a top-level start', { start: '-3' }, 'start: expected an integer from 0 to 2147483647, got "-3"'],
  ])('refuses %s', (_label, query, message) => {
    expect(restMessage(query)).toBe(message);
  });
});
