/**
 * Apollo Server's CSRF prevention (on by default, and kept on in config/plugins.ts)
 * refuses a GET or POST with a 400 unless a browser would have had to send a CORS
 * preflight first: a Content-Type other than the three "simple" ones, or a non-empty
 * `apollo-require-preflight` or `x-apollo-operation-name` header.
 *
 * The response cache answers GraphQL GETs before Apollo sees them, so it must not
 * answer one Apollo would refuse. This is the same rule, stricter where it differs:
 * Apollo lets a Content-Type it cannot parse through; here only a well-formed one
 * counts, so an odd request goes on to Apollo and gets Apollo's own answer.
 */
export const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'] as const;

const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

type Headers = Record<string, string | string[] | undefined>;

/** Whether the request could only have come after a preflight, so Apollo would run it. */
export function passesCsrfPrevention(headers: Headers): boolean {
  const contentType = headers['content-type'];
  if (typeof contentType === 'string') {
    const essence = contentType.split(';')[0]!.trim().toLowerCase();
    if (TOKEN.test(essence) && !SIMPLE_CONTENT_TYPES.has(essence)) return true;
  }
  return CSRF_PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.join(', ').length > 0;
  });
}
