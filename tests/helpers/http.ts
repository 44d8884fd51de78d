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
