import type { ScalarField, ScalarKind } from './model';

/**
 * What a value must look like for each attribute kind, in a filter and in a write.
 * Each check returns what was expected (to finish "expected …, got …") or null
 * when the value is fine. Filter values arrive as query-string text (REST) or typed
 * (GraphQL), so numbers and booleans may be spelled as text there; a write must
 * carry the JSON type itself, because Strapi would otherwise coerce it silently.
 */
export type ValueMode = 'filter' | 'write';

export const INT32 = { min: -2147483648, max: 2147483647 } as const;
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n } as const;
/** Strapi's decimal column is numeric(10, 2): eight digits before the point, two after. */
export const DECIMAL = { precision: 10, scale: 2, limit: 1e8 } as const;

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** Strapi's own time format (its TIME_REGEX). */
const TIME_TEXT = /^(2[0-3]|[01]\d):([0-5]\d):([0-5]\d)(\.\d{1,3})?$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FILTER_BOOLEANS = new Set<unknown>([true, false, 'true', 'false', 't', 'f', '1', '0', 1, 0]);

export const STRING_KINDS = new Set<ScalarKind>(['string', 'text', 'richtext', 'uid', 'email', 'password']);
export const NUMBER_KINDS = new Set<ScalarKind>(['integer', 'biginteger', 'decimal', 'float']);
export const TEMPORAL_KINDS = new Set<ScalarKind>(['date', 'datetime', 'time']);
export const JSON_KINDS = new Set<ScalarKind>(['json', 'blocks']);

/** A short, safe rendering of what the client sent, for "got …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

function realDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(text: string): boolean {
  const match = DATE_TEXT.exec(text);
  return match !== null && realDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isIsoDatetime(text: string): boolean {
  const match = DATETIME_TEXT.exec(text);
  if (!match || !realDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const [hours, minutes, seconds] = [match[4], match[5], match[6]].map((part) => (part === undefined ? 0 : Number(part)));
  return hours! <= 23 && minutes! <= 59 && seconds! <= 59;
}

/** Text PostgreSQL can store as it is: no NUL character, no lone UTF-16 surrogate (it would turn into U+FFFD). */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'text without NUL characters';
  if (LONE_SURROGATE.test(text)) return 'well-formed Unicode text';
  return null;
}

const codePoints = (text: string) => {
  let n = 0;
  for (const _char of text) n += 1;
  return n;
};

function integerProblem(value: unknown, mode: ValueMode, field: ScalarField): string | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (mode === 'filter' && typeof value === 'string' && INTEGER_TEXT.test(value)) n = Number(value);
  else return 'an integer';
  if (!Number.isInteger(n)) return 'an integer';
  const min = Math.max(field.min ?? INT32.min, INT32.min);
  const max = Math.min(field.max ?? INT32.max, INT32.max);
  if (mode === 'filter' ? n < INT32.min || n > INT32.max : n < min || n > max) {
    return mode === 'filter' ? `an integer from ${INT32.min} to ${INT32.max}` : `an integer from ${min} to ${max}`;
  }
  return null;
}

function bigIntegerProblem(value: unknown): string | null {
  let n: bigint;
  if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && INTEGER_TEXT.test(value)) n = BigInt(value);
  else return 'an integer';
  return n < INT64.min || n > INT64.max ? `an integer from ${INT64.min} to ${INT64.max}` : null;
}

/** What Strapi's numeric(10, 2) column stores unchanged: below 10^8 in size, at most two decimals. */
export const isStorableDecimal = (n: number) => Number.isFinite(n) && Math.abs(n) < DECIMAL.limit && /^-?\d+(\.\d{1,2})?$/.test(String(n));

function numberProblem(value: unknown, mode: ValueMode, field: ScalarField): string | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (mode === 'filter' && typeof value === 'string' && NUMBER_TEXT.test(value)) n = Number(value);
  else return 'a number';
  if (!Number.isFinite(n)) return 'a finite number';
  if (field.kind === 'decimal') {
    const bound = `between -${DECIMAL.limit - 0.01} and ${DECIMAL.limit - 0.01}`;
    if (Math.abs(n) >= DECIMAL.limit) return `a number ${bound}`;
    // The column keeps two decimals: more would be rounded away without a word.
    if (mode === 'write' && !isStorableDecimal(n)) return `a number with at most ${DECIMAL.scale} decimals`;
  }
  if (mode === 'write' && ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))) {
    return `a number from ${field.min ?? '-∞'} to ${field.max ?? '∞'}`;
  }
  return null;
}

function stringProblem(value: unknown, mode: ValueMode, field: ScalarField): string | null {
  if (typeof value !== 'string') return 'text';
  const text = textProblem(value);
  if (text) return text;
  if (mode === 'write' && field.maxLength !== undefined && codePoints(value) > field.maxLength) return `text of at most ${field.maxLength} characters`;
  return null;
}

/** The expectation a scalar value fails, or null. JSON and blocks values are checked by ./json-values. */
export function valueProblem(field: ScalarField, value: unknown, mode: ValueMode): string | null {
  switch (field.kind) {
    case 'integer':
      return integerProblem(value, mode, field);
    case 'biginteger':
      return bigIntegerProblem(value);
    case 'decimal':
    case 'float':
      return numberProblem(value, mode, field);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'a calendar date as YYYY-MM-DD';
    case 'datetime':
      // GraphQL's DateTime scalar and Document Service callers hand over Date objects.
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'a valid datetime' : null;
      return typeof value === 'string' && isIsoDatetime(value) ? null : 'an ISO 8601 datetime such as 2026-11-30T12:00:00Z';
    case 'time':
      return typeof value === 'string' && TIME_TEXT.test(value) ? null : 'a time as HH:mm:ss';
    case 'boolean':
      if (mode === 'write') return typeof value === 'boolean' ? null : 'true or false';
      return FILTER_BOOLEANS.has(value) ? null : 'true or false';
    case 'enumeration': {
      const values = field.enum ?? [];
      return typeof value === 'string' && values.includes(value) ? null : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'json':
    case 'blocks':
      return null;
    default:
      return stringProblem(value, mode, field);
  }
}
