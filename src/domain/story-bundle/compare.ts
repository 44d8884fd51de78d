import { isDeepStrictEqual } from 'util';
import type { DocumentData } from './to-documents';

/**
 * Whether a stored document already holds the desired data, so the loader can
 * skip the write and leave rows, timestamps and published versions untouched.
 * `stored` is a Document Service result with the relations in `desired` populated.
 */
export function storedMatches(stored: Record<string, unknown>, desired: DocumentData): boolean {
  for (const [key, want] of Object.entries(desired.fields)) {
    if (!sameValue(stored[key], want)) return false;
  }
  for (const [key, wantIds] of Object.entries(desired.relations)) {
    if (!isDeepStrictEqual(relatedIds(stored[key]), wantIds)) return false;
  }
  return true;
}

function sameValue(stored: unknown, want: unknown): boolean {
  if (want === null || want === undefined) return stored === null || stored === undefined;
  if (Array.isArray(want) && Array.isArray(stored)) {
    return want.length === stored.length && want.every((item, i) => sameValue(stored[i], item));
  }
  if (isRecord(want) && isRecord(stored)) {
    // Only the desired keys count: stored components carry an `id`, blocks may carry defaults.
    return Object.entries(want).every(([key, value]) => sameValue(stored[key], value));
  }
  // Decimals come back from some drivers as strings.
  if (typeof want === 'number' && typeof stored === 'string') return Number(stored) === want;
  return isDeepStrictEqual(stored, want);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** documentIds of a populated relation, to-one or to-many, in stored order. */
export function relatedIds(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return items.map((item) => (isRecord(item) ? String(item.documentId) : String(item)));
}
