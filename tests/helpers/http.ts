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
  /** The reporter's admin-panel session. */
  reporterSession: () => requiredEnv('TEST_REPORTER_ADMIN_TOKEN'),
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the API tests through \`npm test\`.`);
  return value;
}

/** Strapi's error answer on REST. */
export interface ErrorBody {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details?: { errors?: Array<{ path?: string[]; message?: string; name?: string }>; errorId?: string; source?: string };
  };
}

/** A GraphQL answer: data, errors, or both. */
export interface GraphqlBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; errorId?: string; error?: ErrorBody['error'] } }>;
}

/** Each kind of caller the API tells apart, as a supertest agent with its credentials set. */
export interface Caller {
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  delete(path: string): request.Test;
  graphql(query: string, variables?: Record<string, unknown>): request.Test;
}

function caller(headers: () => Record<string, string>): Caller {
  return {
    get: (path) => api().get(path).set(headers()),
    post: (path) => api().post(path).set(headers()),
    put: (path) => api().put(path).set(headers()),
    delete: (path) => api().delete(path).set(headers()),
    graphql: (query, variables) => api().post('/graphql').set(headers()).send({ query, variables }),
  };
}

export const callers = {
  /** No credentials: a reader, a browser, a crawler. */
  public: caller(() => ({})),
  /** A read-only API token: a frontend that previews drafts. */
  readOnly: caller(() => bearer(tokens.readOnly())),
  /** A full-access API token: seed scripts and integrations that write. */
  fullAccess: caller(() => bearer(tokens.fullAccess())),
  /** The editor's admin-panel session: the Content Manager's API, not the content API. */
  editor: caller(() => bearer(tokens.editorSession())),
  /** The reporter's admin-panel session. */
  reporter: caller(() => bearer(tokens.reporterSession())),
};

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
