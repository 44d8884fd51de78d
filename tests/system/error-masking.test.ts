import { fullAccessToken, productionEnvironment, type AppProcess } from '../../scripts/lib/app-server';
import type { ErrorBody, GraphqlBody } from '../helpers/http';
import { leakIn } from '../helpers/leaks';
import { startSystemApp, stopSystemApp, type SystemApp } from '../helpers/system-app';
import { connectTo } from '../helpers/test-database';
import { SUPER_ADMIN } from '../fixtures/accounts';

/**
 * Production errors reveal nothing. The production build runs with NODE_ENV=production,
 * then the database drifts from the schema under it (a column renamed, as a botched
 * manual migration would): every read and write of that type fails in the driver.
 * REST and GraphQL answer "Internal Server Error" with an error id and nothing else;
 * the log has the id with the driver's message and the stack. A bad query the
 * validator should have refused, caught only by the driver-error classifier, is
 * logged at error level as a validation gap.
 */

const ERROR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let system: SystemApp | undefined;
let app: AppProcess | undefined;
let token: string;

async function sql(text: string): Promise<void> {
  const client = await connectTo(system!.database);
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The log lines of one error id, once the process has printed them. */
async function loggedFor(errorId: string): Promise<string> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const at = app!.output().indexOf(`[error ${errorId}]`);
    if (at >= 0) return app!.output().slice(at, at + 4000);
    await new Promise((r) => setTimeout(r, 50));
  }
  return '';
}

beforeAll(async () => {
  system = await startSystemApp('production-errors', {
    ...productionEnvironment(),
    ADMIN_EMAIL: SUPER_ADMIN.email,
    ADMIN_PASSWORD: SUPER_ADMIN.password,
    CACHE_ENABLED: 'false',
    RATE_LIMIT_ENABLED: 'false',
    CRON_ENABLED: 'false',
    LOG_LEVEL: 'info',
  });
  app = system.app;
  token = await fullAccessToken(app, SUPER_ADMIN);
  // The people table loses a column the schema still has.
  await sql('ALTER TABLE people RENAME COLUMN job_title TO job_title_drifted');
});

afterAll(() => stopSystemApp(system));

describe('an unexpected error in production', () => {
  it('is a REST 500 with an error id and nothing else; the log has the id, the driver message and the stack', async () => {
    const res = await fetch(`${app!.baseUrl}/api/people`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ data: { name: 'Drift', slug: 'drift', jobTitle: 'Analyst' } }),
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    const body = JSON.parse(text) as ErrorBody;
    expect(body).toEqual({
      data: null,
      error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error', details: { errorId: expect.stringMatching(ERROR_ID) } },
    });
    expect({ leak: leakIn(text), column: text.includes('job_title') }).toEqual({ leak: null, column: false });

    const logged = await loggedFor(body.error.details?.errorId ?? '');
    expect(logged).toMatch(/POST \/api\/people/);
    expect(logged).toMatch(/job_title/);
    expect(logged).toMatch(/\n\s+at /);
  });

  it('is a GraphQL INTERNAL_SERVER_ERROR with an error id and nothing else', async () => {
    const res = await fetch(`${app!.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createPerson(data: { name: "Drift", slug: "drift-graphql", jobTitle: "Analyst" }) { documentId } }' }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as GraphqlBody;
    expect(body.errors).toEqual([
      { message: 'Internal Server Error', path: ['createPerson'], extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(ERROR_ID) } },
    ]);
    expect({ leak: leakIn(text), column: text.includes('job_title') }).toEqual({ leak: null, column: false });

    const logged = await loggedFor(body.errors?.[0]?.extensions?.errorId ?? '');
    expect(logged).toMatch(/job_title/);
    expect(logged).toMatch(/\n\s+at /);
  });

  it('caught only by the driver-error classifier is a 400, logged at error level as a validation gap', async () => {
    // Valid for the schema, so the validator lets it through; the drifted table cannot run it.
    const res = await fetch(`${app!.baseUrl}/api/people?locale=ar&filters[jobTitle][$eq]=x`);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(leakIn(text)).toBeNull();
    const deadline = Date.now() + 5000;
    const gap = /error.*\[validation gap\] GET \/api\/people\?locale=ar&filters\[jobTitle\]\[\$eq\]=x: the database refused/;
    while (Date.now() < deadline && !gap.test(app!.output())) await new Promise((r) => setTimeout(r, 50));
    expect(app!.output()).toMatch(gap);
  });

  it('is over once the schema is repaired', async () => {
    await sql('ALTER TABLE people RENAME COLUMN job_title_drifted TO job_title');
    const res = await fetch(`${app!.baseUrl}/api/people?locale=ar&filters[jobTitle][$eq]=x`);
    expect(res.status).toBe(200);
  });
});
