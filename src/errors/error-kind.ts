/**
 * What kind of failure an unexpected error is, for the content API's error answer:
 * the database being away is a 503 the client may retry; a query the database could
 * not run because of what the client asked for is the client's 400; anything else
 * stays a 500 (a bug, to be logged and fixed).
 */
export type ErrorKind = 'database-unavailable' | 'database-rejected-query' | 'other';

// Connection refused/reset, and PostgreSQL's admin shutdown, crash, cannot-connect-now and connection-failure classes.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Knex: Timeout acquiring a connection|connect ECONNREFUSED|Client has encountered a connection error|the database system is (starting up|shutting down)/i;
// PostgreSQL data exceptions (22xxx) and syntax/undefined-object errors (42xxx), and SQLite's generic error
// (an unknown column) and type mismatch, come from the query's values and shape.
const REJECTED_QUERY = /^(22|42)|^SQLITE_(ERROR|MISMATCH)$/;
const REJECTED_MESSAGES =
  /Undefined binding|can only bind numbers|SQLITE_ERROR|SQLITE_MISMATCH|invalid input syntax|Invalid relational filter|Undefined attribute/i;
// @strapi/database's query builder throws plain Errors when the filters or sort a request asked for do not fit the model.
const QUERY_BUILDER_MESSAGES =
  /root level operators|Undefined attribute level operator|Operator \S+ must be an array|Where must be an|Attribute \S+ not found on model|You cannot (filter|order) on|Cannot join on non relational field|Only one operator key is allowed|Operator and non-operator keys cannot be mixed|Invalid orderBy syntax|Cannot order by status/;

export function errorKind(error: unknown): ErrorKind {
  if (typeof error !== 'object' || error === null) return 'other';
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  const text = typeof message === 'string' ? message : '';
  if ((typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGES.test(text))
    return 'database-unavailable';
  if ((typeof code === 'string' && REJECTED_QUERY.test(code)) || REJECTED_MESSAGES.test(text) || QUERY_BUILDER_MESSAGES.test(text))
    return 'database-rejected-query';
  return 'other';
}
