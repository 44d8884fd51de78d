/**
 * What must never reach a client: generated SQL, driver and engine messages, stack
 * traces, internal class names. A refusal may echo the client's own value back; none
 * of these patterns can come from a client's filter value in the generated tests.
 */
const LEAKS: Array<[string, RegExp]> = [
  ['generated SQL', /select\s+"?t\d"?\.|from\s+"public"\.|"t\d"\."|\bwhere\s+\("?t\d/i],
  ['query builder', /\bknex\b|whereBetween|whereIn\b|Undefined binding/i],
  ['driver message', /invalid input syntax|SQLITE_|pg_catalog|violates|out of range for type|value too long for type|unsupported Unicode escape/i],
  ['stack trace', /\n\s+at |\bat [\w.<>]+ \(\/|node_modules\//],
  ['internal class name', /AssertionError|TypeError|ReferenceError|RangeError|DatabaseError|KnexTimeoutError/],
];

/** The first kind of internal detail found in a response body, or null. */
export function leakIn(text: string): string | null {
  for (const [kind, pattern] of LEAKS) if (pattern.test(text)) return kind;
  return null;
}
