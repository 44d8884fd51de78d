import type { ScalarKind } from './model';
import { JSON_KINDS, NUMBER_KINDS, STRING_KINDS, TEMPORAL_KINDS } from './values';

/**
 * Strapi's filter operators (the documented ones; `$jsonSupersetOf` is marked
 * internal and stays closed), what each applies to, and what its value must be:
 *   one      a value of the attribute's kind (a list means "any of", as Strapi reads it)
 *   list     a non-empty list of such values, at most MAX_LIST_VALUES
 *   pair     exactly two such values
 *   boolean  true or false
 *   nested   an object of further conditions on the same attribute
 */
export type OperatorValue = 'one' | 'list' | 'pair' | 'boolean' | 'nested';

export interface OperatorRule {
  value: OperatorValue;
  /** The kinds it makes sense on; `all` includes JSON and blocks. */
  appliesTo: (kind: ScalarKind) => boolean;
  /** How a refusal explains where it applies. */
  scope: string;
}

/** Lists in `$in` and `$notIn`; Strapi's query parser stops reading arrays at 100 items too. */
export const MAX_LIST_VALUES = 100;

const ordered = (kind: ScalarKind) => NUMBER_KINDS.has(kind) || TEMPORAL_KINDS.has(kind) || STRING_KINDS.has(kind);
const textual = (kind: ScalarKind) => STRING_KINDS.has(kind);
const comparable = (kind: ScalarKind) => !JSON_KINDS.has(kind);
const any = () => true;

const TEXT_SCOPE = 'text fields';
const ORDERED_SCOPE = 'numbers, dates, times and text';
const VALUE_SCOPE = 'fields with a value (not JSON or blocks)';

export const ATTRIBUTE_OPERATORS: Record<string, OperatorRule> = {
  $eq: { value: 'one', appliesTo: comparable, scope: VALUE_SCOPE },
  $ne: { value: 'one', appliesTo: comparable, scope: VALUE_SCOPE },
  $eqi: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $nei: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $lt: { value: 'one', appliesTo: ordered, scope: ORDERED_SCOPE },
  $lte: { value: 'one', appliesTo: ordered, scope: ORDERED_SCOPE },
  $gt: { value: 'one', appliesTo: ordered, scope: ORDERED_SCOPE },
  $gte: { value: 'one', appliesTo: ordered, scope: ORDERED_SCOPE },
  $in: { value: 'list', appliesTo: comparable, scope: VALUE_SCOPE },
  $notIn: { value: 'list', appliesTo: comparable, scope: VALUE_SCOPE },
  $between: { value: 'pair', appliesTo: ordered, scope: ORDERED_SCOPE },
  $contains: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $notContains: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $containsi: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $notContainsi: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $startsWith: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $startsWithi: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $endsWith: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $endsWithi: { value: 'one', appliesTo: textual, scope: TEXT_SCOPE },
  $null: { value: 'boolean', appliesTo: any, scope: 'every field' },
  $notNull: { value: 'boolean', appliesTo: any, scope: 'every field' },
  $not: { value: 'nested', appliesTo: any, scope: 'every field' },
};

/** Operators that combine whole filter objects. */
export const LOGICAL_OPERATORS = new Set(['$and', '$or', '$not']);

/** Anything Strapi treats as an operator, so a misplaced one is named as such rather than as an unknown field. */
export const isOperatorKey = (key: string) => key in ATTRIBUTE_OPERATORS || LOGICAL_OPERATORS.has(key) || key === '$jsonSupersetOf';
