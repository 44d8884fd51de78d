import { describeValue } from './values';

/**
 * A refusal names the parameter it is about and what was expected there. The path
 * is kept as segments and written in the caller's own terms: query strings as
 * `filters[position][$eq]`, GraphQL arguments and JSON bodies as `filters.position.eq`
 * and `data.figures[0].value`.
 */
export type Segment = string | number;

export interface Problem {
  path: Segment[];
  /** What is wrong, after the path: "expected an integer, got \"x\"". */
  message: string;
}

export const problem = (path: Segment[], message: string): Problem => ({ path, message });

export const expected = (path: Segment[], what: string, value: unknown): Problem => problem(path, `expected ${what}, got ${describeValue(value)}`);

/** `filters[position][$eq]`: how the parameter is written in a query string. */
export function queryStringPath(path: Segment[]): string {
  const [head, ...rest] = path;
  return `${String(head ?? '')}${rest.map((segment) => `[${segment}]`).join('')}`;
}

/** `filters.and[0].name.eq`, `data.figures[0].value`: how it is written in GraphQL and JSON. */
export function dottedPath(path: Segment[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

export type PathStyle = (path: Segment[]) => string;

/** One line for the client: the first problem in full, and how many more there are. */
export function summarize(problems: Problem[], style: PathStyle, prefix = ''): string {
  const [first] = problems;
  if (!first) return '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: see details.errors)` : '';
  return `${prefix}${style(first.path)}: ${first.message}${more}`;
}

/** At most this many problems are reported; a hostile request could otherwise produce thousands. */
export const MAX_REPORTED_PROBLEMS = 20;
