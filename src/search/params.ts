import { z } from 'zod';
import { queryTerms } from './normalize';
import { SEARCH_TYPES, type SearchType } from './searchable';

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

const positiveInt = (name: string, max?: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || (max !== undefined && n > max)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name} must be a whole number from 1${max ? ` to ${max}` : ''}` });
      return z.NEVER;
    }
    return n;
  });

const schema = z
  .object({
    q: z
      .string({ required_error: 'q is required', invalid_type_error: 'q must be given once, as text' })
      .transform((q) => q.trim())
      .pipe(z.string().min(1, 'q must not be empty').max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)),
    type: z.enum(SEARCH_TYPES, { errorMap: () => ({ message: `type must be one of ${SEARCH_TYPES.join(', ')}` }) }).optional(),
    locale: z.string({ invalid_type_error: 'locale must be given once' }).optional(),
    status: z.enum(['published', 'draft'], { errorMap: () => ({ message: 'status must be published or draft' }) }).optional(),
    page: positiveInt('page').optional(),
    pageSize: positiveInt('pageSize', MAX_PAGE_SIZE).optional(),
  })
  .strict();

export interface SearchParams {
  q: string;
  terms: string[];
  types: SearchType[];
  locale: string | undefined;
  status: 'published' | 'draft';
  page: number;
  pageSize: number;
}

export type ParsedSearchParams = { ok: true; params: SearchParams } | { ok: false; problems: string[] };

/** Validates REST query parameters or GraphQL arguments; every problem is named. */
export function parseSearchParams(input: unknown): ParsedSearchParams {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : issue.message)),
    };
  }
  const { q, type, locale, status, page, pageSize } = parsed.data;
  const terms = queryTerms(q);
  if (terms.length === 0) return { ok: false, problems: ['q has no letters or digits to search for'] };
  return {
    ok: true,
    params: {
      q,
      terms,
      types: type ? [type] : [...SEARCH_TYPES],
      locale,
      status: status ?? 'published',
      page: page ?? 1,
      pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
    },
  };
}
