import request from 'supertest';

/** The booted app's base URL (set by the global setup). */
export function baseUrl(): string {
  const url = process.env.TEST_BASE_URL;
  if (!url) throw new Error('TEST_BASE_URL is not set; run the API tests through `npm test`.');
  return url;
}

/** A supertest agent on the running app, optionally with a bearer token. */
export function api() {
  return request(baseUrl());
}

export const tokens = {
  fullAccess: () => requiredEnv('TEST_FULL_ACCESS_TOKEN'),
  readOnly: () => requiredEnv('TEST_READ_ONLY_TOKEN'),
  /** The editor's admin-panel session, opened once by the global setup. */
  editorSession: () => requiredEnv('TEST_EDITOR_ADMIN_TOKEN'),
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the API tests through \`npm test\`.`);
  return value;
}

/** POSTs a GraphQL operation and returns the supertest response. */
export function graphql(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api().post('/graphql').set(headers).send({ query, variables });
}

/**
 * Logs into the admin panel's API as a browser would and returns the session's bearer token.
 * The admin login allows 5 attempts per email; tests that only need a session use tokens.editorSession().
 */
export async function adminLogin(account: { email: string; password: string }): Promise<string> {
  const res = await api().post('/admin/login').send(account).expect(200);
  return res.body.data.token as string;
}
