import type { IncomingHttpHeaders } from 'http';
import { passesCsrfPrevention } from '../graphql/csrf';
import { graphqlGetKey, graphqlKey, registersPersistedQuery, type GraphqlRequest } from './key';

/**
 * The key under which a GraphQL request may be answered from the cache, or null when it
 * must reach Apollo: the same rules src/cache/middleware.ts applies to hits, for the fast
 * path in front of Koa (src/cache/http-fast-path.ts).
 */

/**
 * Remembers the keys of requests seen before. Computing a GraphQL key (normalizing the
 * query, checking it for mutations, canonical JSON, sha256) costs tens of microseconds, more
 * than the rest of a hit together, and a site's clients send the same few bodies and query
 * strings over and over. The keys are a pure function of the input, so a remembered one is
 * the one that would be computed. Bounded in count and input size (a body can be 1 MB);
 * emptied at once when full, which costs one recomputation per live input, not a reorder per hit.
 */
export class KeyMemo {
  private readonly keys = new Map<string, string | null>();

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxInputLength = 8_192,
  ) {}

  get(input: string, compute: () => string | null): string | null {
    const known = this.keys.get(input);
    if (known !== undefined) return known;
    const key = compute();
    if (input.length <= this.maxInputLength) {
      if (this.keys.size >= this.maxEntries) this.keys.clear();
      this.keys.set(input, key);
    }
    return key;
  }

  /** The remembered key, or undefined when this input was not seen (or was forgotten). */
  peek(input: string): string | null | undefined {
    return this.keys.get(input);
  }

  get size(): number {
    return this.keys.size;
  }
}

/** A POST's parsed body: a query, never one that registers an automatic persisted query (Apollo must see it). */
export function graphqlPostHitKey(path: string, body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const request = body as GraphqlRequest;
  if (registersPersistedQuery(request)) return null;
  return graphqlKey(path, request);
}

/** A GET (persisted query by hash, or `?query=`): never one Apollo's CSRF prevention would refuse. */
export function graphqlGetHitKey(path: string, querystring: string, headers: IncomingHttpHeaders): string | null {
  if (!passesCsrfPrevention(headers)) return null;
  return graphqlGetKey(path, querystring, headers.accept || undefined);
}
