import { api } from '../helpers/http';
import { allFilterCases, graphqlFilterRequest, restFilterQuery, type FilterCase } from '../helpers/filter-cases';
import { leakIn } from '../helpers/leaks';

/**
 * The exhaustive filter sweep (`npm run sweep`): every filterable attribute of every
 * public type, with every operator and every value shape, over REST and GraphQL,
 * anonymously. It prints what came back (requests, 2xx, 4xx, 5xx, GraphQL internal
 * errors, bodies leaking internals) and then requires no 5xx, no internal error and
 * no leak. The sampled property tests in tests/api/query-validation.test.ts run in
 * CI; this is the full count.
 */
interface Tally {
  requests: number;
  ok: number;
  refused: number;
  serverErrors: number;
  internalErrors: number;
  leaks: number;
  examples: string[];
}

const tally = (): Tally => ({ requests: 0, ok: 0, refused: 0, serverErrors: 0, internalErrors: 0, leaks: 0, examples: [] });
const CONCURRENCY = 8;
// About 42,000 requests per transport: minutes, not the suite's default two.
const SWEEP_TIMEOUT_MS = 60 * 60 * 1000;

async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function record(t: Tally, label: string, status: number, text: string, internal: boolean): void {
  t.requests += 1;
  if (status >= 500) t.serverErrors += 1;
  else if (status >= 400) t.refused += 1;
  else t.ok += 1;
  if (internal) t.internalErrors += 1;
  const leak = leakIn(text);
  if (leak) t.leaks += 1;
  if ((status >= 500 || internal || leak) && t.examples.length < 15) t.examples.push(`${status} ${label} -> ${text.slice(0, 200)}`);
}

const cases: FilterCase[] = allFilterCases();
const rest = tally();
const graphql = tally();

describe('the filter sweep', () => {
  it(
    'sends every filter over REST',
    async () => {
      await pool(cases, async (c) => {
        const url = `/api/${c.type.pluralName}?${restFilterQuery(c)}`;
        const res = await api().get(url);
        record(rest, url, res.status, res.text, res.status >= 500);
      });
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'sends every filter over GraphQL',
    async () => {
      await pool(cases, async (c) => {
        const body = graphqlFilterRequest(c);
        const res = await api().post('/graphql').send(body);
        const internal = /INTERNAL_SERVER_ERROR/.test(res.text);
        record(graphql, JSON.stringify(body.variables), res.status, res.text, internal);
      });
    },
    SWEEP_TIMEOUT_MS,
  );

  afterAll(() => {
    const row = (name: string, t: Tally) => `| ${name} | ${t.requests} | ${t.ok} | ${t.refused} | ${t.serverErrors} | ${t.internalErrors} | ${t.leaks} |`;
    process.stdout.write(
      [
        '',
        '| transport | requests | 2xx | 4xx | 5xx | internal errors | leaking bodies |',
        '|---|---|---|---|---|---|---|',
        row('REST', rest),
        row('GraphQL', graphql),
        '',
        ...rest.examples.map((e) => `REST    ${e}`),
        ...graphql.examples.map((e) => `GraphQL ${e}`),
        '',
      ].join('\n'),
    );
  });

  it('found no 5xx, no internal error and no leak', () => {
    expect({ rest: [rest.serverErrors, rest.internalErrors, rest.leaks], graphql: [graphql.serverErrors, graphql.internalErrors, graphql.leaks] }).toEqual({
      rest: [0, 0, 0],
      graphql: [0, 0, 0],
    });
  });
});
