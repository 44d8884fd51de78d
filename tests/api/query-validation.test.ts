import fc from 'fast-check';
import qs from 'qs';
import { api, bearer, tokens, type ErrorBody, type GraphqlBody } from '../helpers/http';
import type { AnyDocument, ListBody, OneBody, Person } from '../helpers/documents';
import { allFilterCases, graphqlFilterRequest, restFilterQuery, restParameter, type FilterCase, type Json } from '../helpers/filter-cases';
import { leakIn } from '../helpers/leaks';
import { filterableAttributes, TEST_TYPES, type TestType } from '../helpers/schemas';
import { openTestDb, type TestDb } from '../helpers/test-database';
import { asReadBack, minimalDocument, refusalNames, writableAttributes, WRITE_VALUES } from '../helpers/write-cases';

/**
 * Property tests generated from the schemas (src/api/*\/content-types, components):
 * every attribute of every public type, every operator, every value shape, over REST
 * and GraphQL, anonymously and with a read-only token; then badly typed write bodies
 * for every attribute with a full-access token. A new attribute or type is covered
 * without editing this file. Bounded runs and a fixed seed (FC_SEED, FC_RUNS to
 * explore); fast-check prints the seed and the shrunk counterexample on failure.
 *
 * The properties: never a 5xx or INTERNAL_SERVER_ERROR; every refusal names the
 * offending parameter; no internals in any body; a refused write stores nothing; an
 * accepted write reads back exactly what was sent.
 */
const SEED = Number(process.env.FC_SEED ?? 20261201);
const RUNS = Number(process.env.FC_RUNS ?? 500);
const WRITE_RUNS = Number(process.env.FC_WRITE_RUNS ?? 150);

const CALLERS: Array<[string, () => Record<string, string>]> = [
  ['anonymously', () => ({})],
  ['with a read-only token', () => bearer(tokens.readOnly())],
];

const filterCase = fc.constantFrom(...allFilterCases());

function expectNoServerError(label: string, status: number, text: string): void {
  expect({ label, status: status >= 500 ? status : 'below 500' }).toEqual({ label, status: 'below 500' });
  expect({ label, internal: /INTERNAL_SERVER_ERROR|Internal Server Error/.test(text) }).toEqual({ label, internal: false });
  expect({ label, leak: leakIn(text) }).toEqual({ label, leak: null });
}

/** A GraphQL refusal names the argument: the attribute path and the operator, whoever refused (GraphQL's types or the validator). */
const graphqlNames = (message: string, c: FilterCase) =>
  [...c.path, c.operator.slice(1)].every((segment) => message.includes(segment)) && message.includes('filters');

describe('filters generated from the schemas', () => {
  it.each(CALLERS)('over REST: no 5xx, refusals name the parameter, %s', async (_label, headers) => {
    await fc.assert(
      fc.asyncProperty(filterCase, async (c) => {
        const url = `/api/${c.type.pluralName}?${restFilterQuery(c)}`;
        const res = await api().get(url).set(headers());
        expectNoServerError(url, res.status, res.text);
        if (res.status >= 400) {
          expect({ url, status: res.status }).toEqual({ url, status: 400 });
          expect({ url, message: (res.body as ErrorBody).error?.message }).toEqual({ url, message: expect.stringContaining(restParameter(c)) });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.each(CALLERS)('over GraphQL: no internal error, refusals name the argument, %s', async (_label, headers) => {
    await fc.assert(
      fc.asyncProperty(filterCase, async (c) => {
        const request = graphqlFilterRequest(c);
        const res = await api().post('/graphql').set(headers()).send(request);
        const label = `${c.type.pluralName} ${JSON.stringify(request.variables)}`;
        expectNoServerError(label, res.status, res.text);
        const errors = (res.body as GraphqlBody).errors ?? [];
        for (const error of errors) {
          expect({ label, code: error.extensions?.code }).toEqual({ label, code: expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/) });
          expect({ label, names: graphqlNames(error.message, c), message: error.message }).toEqual({ label, names: true, message: error.message });
        }
        if (errors.length > 0) expect({ label, status: res.status }).toEqual({ label, status: 400 });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** sort, fields, populate and pagination, with names and values right and wrong for each type. */
const readParameter = (type: TestType) => {
  const names = [...type.attributes.map((a) => a.name), 'nope', '', '__proto__'];
  const relations = type.attributes.filter((a) => a.target).map((a) => a.name);
  const name = fc.constantFrom(...names);
  const dotted = fc.tuple(fc.constantFrom(...relations, 'nope'), fc.constantFrom('name', 'slug', 'nope', 'id')).map(([a, b]) => `${a}.${b}`);
  const order = fc.constantFrom('asc', 'desc', 'DESC', 'sideways', '', 'asc:desc');
  const small = fc.constantFrom('1', '0', '-1', '25', 'x', '1.5', '99999999999', '', 'true', 'maybe');
  return fc.oneof(
    fc.record({ param: fc.constant('sort'), query: fc.tuple(fc.oneof(name, dotted), order).map(([f, o]) => ({ sort: o ? `${f}:${o}` : f })) }),
    fc.record({ param: fc.constant('sort'), query: fc.tuple(name, order).map(([f, o]) => ({ sort: { [f]: o } })) }),
    fc.record({ param: fc.constant('fields'), query: fc.array(name, { minLength: 1, maxLength: 3 }).map((f) => ({ fields: f })) }),
    fc.record({ param: fc.constant('populate'), query: fc.oneof(name, dotted, fc.constant('*')).map((p) => ({ populate: p })) }),
    fc.record({
      param: fc.constant('populate'),
      query: fc
        .tuple(fc.constantFrom(...relations, 'nope', 'slug'), fc.constantFrom('fields', 'filters', 'sort', 'populate', 'count', 'on', 'where'), name, small)
        .map(([r, k, f, v]) => ({
          populate: {
            [r]: k === 'filters' ? { filters: { [f]: { $eq: v } } } : k === 'sort' ? { sort: `${f}:asc` } : k === 'fields' ? { fields: [f] } : { [k]: v },
          },
        })),
    }),
    fc.record({
      param: fc.constant('pagination'),
      query: fc.tuple(fc.constantFrom('page', 'pageSize', 'start', 'limit', 'withCount', 'offset'), small).map(([k, v]) => ({ pagination: { [k]: v } })),
    }),
    fc.record({ param: fc.constant('pagination'), query: fc.tuple(small, small).map(([a, b]) => ({ pagination: { page: a, start: b } })) }),
  );
};

describe('sort, fields, populate and pagination generated from the schemas', () => {
  const cases = fc.constantFrom(...TEST_TYPES).chain((type) => fc.tuple(fc.constant(type), readParameter(type)));

  it.each(CALLERS)('over REST: no 5xx, refusals name the parameter, %s', async (_label, headers) => {
    await fc.assert(
      fc.asyncProperty(cases, async ([type, { param, query }]) => {
        const url = `/api/${type.pluralName}?${qs.stringify(query, { encodeValuesOnly: true })}`;
        const res = await api().get(url).set(headers());
        expectNoServerError(url, res.status, res.text);
        if (res.status >= 400) expect({ url, message: (res.body as ErrorBody).error?.message }).toEqual({ url, message: expect.stringContaining(param) });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('over GraphQL: sort and pagination arguments, no internal error', async () => {
    const args = fc
      .constantFrom(...TEST_TYPES)
      .chain((type) =>
        fc.tuple(
          fc.constant(type),
          fc.constantFrom(...filterableAttributes(type).map((a) => a.name), 'nope'),
          fc.constantFrom('asc', 'desc', 'up'),
          fc.record({ page: fc.integer({ min: -3, max: 3 }), pageSize: fc.integer({ min: -1, max: 200 }) }, { requiredKeys: [] }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(args, async ([type, field, order, pagination]) => {
        const query = `query ($sort: [String], $pagination: PaginationArg) { ${type.pluralName}(sort: $sort, pagination: $pagination) { documentId } }`;
        const res = await api()
          .post('/graphql')
          .send({ query, variables: { sort: [`${field}:${order}`], pagination } });
        const label = `${type.pluralName} ${field}:${order} ${JSON.stringify(pagination)}`;
        expectNoServerError(label, res.status, res.text);
        for (const error of (res.body as GraphqlBody).errors ?? []) {
          expect({ label, names: /\((sort|pagination)[.[]/.test(error.message) }).toEqual({ label, names: true });
        }
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('write bodies generated from the schemas', () => {
  let db: TestDb;
  let speaker = '';
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDb();
    const people = await api().get('/api/people').query({ 'filters[slug][$eq]': 'qasim-al-araji', fields: 'slug' }).expect(200);
    speaker = (people.body as ListBody<Person>).data[0]!.documentId;
  });
  afterAll(() => db.close());

  /** A quote must be somebody's (the attribution rule, not the schema). */
  const extraFor = (type: TestType): Record<string, Json> => (type.uid === 'api::quote.quote' ? { speaker } : {});

  const writeCase = fc
    .constantFrom(...TEST_TYPES)
    .chain((type) =>
      fc.tuple(
        fc.constant(type),
        fc.constantFrom(...writableAttributes(type)),
        fc.constantFrom(...WRITE_VALUES),
        fc.constantFrom('rest' as const, 'graphql' as const),
      ),
    );

  async function storedRows(type: TestType, marker: string): Promise<number> {
    const rows = await db.rows<{ n: string | number }>(
      `select count(*) as n from ${type.collectionName} where slug = '${marker}' or document_id in (select document_id from ${type.collectionName} where slug = '${marker}')`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  it('with a full-access token: refusals name the field and store nothing; accepted writes read back as sent', async () => {
    await fc.assert(
      fc.asyncProperty(writeCase, async ([type, attribute, { label: shape, value }, transport]) => {
        serial += 1;
        const marker = `pbt-${SEED}-${serial}`;
        const data = { ...minimalDocument(type, marker, extraFor(type)), [attribute.name]: value };
        // The marker must stay on the slug to find the row; a bad slug is then checked by its absence anywhere.
        const findable = attribute.name !== 'slug';
        const label = `${transport} ${type.uid}.${attribute.name} = ${shape}`;
        const full = bearer(tokens.fullAccess());
        let status: number;
        let text: string;
        let refusal: Pick<ErrorBody, 'error'> | null = null;
        let documentId: string | null = null;
        if (transport === 'rest') {
          const res = await api().post(`/api/${type.pluralName}`).query({ status: 'draft' }).set(full).send({ data });
          ({ status, text } = res);
          if (status >= 400) refusal = res.body as ErrorBody;
          else documentId = (res.body as OneBody<AnyDocument>).data?.documentId ?? null;
        } else {
          const mutation = `mutation ($data: ${type.graphqlType}Input!) { create${type.graphqlType}(status: DRAFT, data: $data) { documentId } }`;
          const res = await api().post('/graphql').set(full).send({ query: mutation, variables: { data } });
          ({ status, text } = res);
          const { errors, data: created } = res.body as GraphqlBody<Record<string, { documentId: string } | null>>;
          if (errors?.length)
            refusal = {
              error: { status: status, name: errors[0]!.extensions?.code ?? '', message: errors[0]!.message, details: errors[0]!.extensions?.error?.details },
            };
          else documentId = created?.[`create${type.graphqlType}`]?.documentId ?? null;
        }
        expectNoServerError(label, status, text);
        if (refusal) {
          expect({ label, names: refusalNames(refusal, attribute.name), refusal }).toEqual({ label, names: true, refusal });
          if (findable) expect({ label, stored: await storedRows(type, marker) }).toEqual({ label, stored: 0 });
          return;
        }
        expect({ label, documentId: typeof documentId }).toEqual({ label, documentId: 'string' });
        const read = await api().get(`/api/${type.pluralName}/${documentId}`).query({ status: 'draft', populate: '*' }).set(full).expect(200);
        // GraphQL coerces a single value given for a list into a list of one.
        const coerced = transport === 'graphql' && attribute.many && value !== null && !Array.isArray(value) ? [value] : value;
        const { sent, read: got } = asReadBack(attribute, coerced, (read.body as OneBody<Record<string, unknown>>).data[attribute.name]);
        expect({ label, value: got }).toEqual({ label, value: sent });
        await api().delete(`/api/${type.pluralName}/${documentId}`).set(full).expect(204);
      }),
      { seed: SEED, numRuns: WRITE_RUNS },
    );
  });
});
