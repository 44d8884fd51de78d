import { z } from 'zod';
import { problem, type Problem } from './problems';
import { describeValue } from './values';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

const whole = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

/**
 * `pagination[page]` and `pagination[pageSize]`, Strapi's names, beside the
 * endpoint's own `parameters`, and nothing else: an unknown parameter is a mistake,
 * not a filter, and is named in a 400.
 */
export function parsePageParams(query: Record<string, unknown>, parameters: readonly string[] = []): { page: number; pageSize: number } | Problem[] {
  const problems: Problem[] = [];
  const known = ['pagination', ...parameters];
  for (const key of Object.keys(query))
    if (!known.includes(key))
      problems.push(problem([key], `unknown parameter; only ${[...parameters, 'pagination[page]', 'pagination[pageSize]'].join(', ')} are read`));
  const pagination = query.pagination ?? {};
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination))
    return [...problems, problem(['pagination'], 'expected pagination[page] and pagination[pageSize]')];
  const given = pagination as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (key !== 'page' && key !== 'pageSize') problems.push(problem(['pagination', key], 'unknown parameter; use page and pageSize'));
  const read = (key: 'page' | 'pageSize', fallback: number, max: number) => {
    if (given[key] === undefined) return fallback;
    const parsed = whole(1, max).safeParse(given[key]);
    if (parsed.success) return parsed.data;
    problems.push(problem(['pagination', key], `expected a whole number from 1 to ${max}, got ${describeValue(given[key])}`));
    return fallback;
  };
  const page = read('page', 1, 1_000_000);
  const pageSize = read('pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return problems.length > 0 ? problems : { page, pageSize };
}
