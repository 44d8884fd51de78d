import { problem, type Problem, type Segment } from '../validation/problems';

/** A correction as the rule compares it: what it says and when it was issued. */
export interface Correction {
  kind: string;
  text: string;
  issuedAt: string;
}

/** Dates compared as instants: "2026-11-30T10:00:00Z" and "…T10:00:00.000Z" are the same issue date. */
function instant(value: unknown): string {
  const date = new Date(typeof value === 'string' || typeof value === 'number' || value instanceof Date ? value : Number.NaN);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** The comparable part of a stored or submitted correction; ids and editor keys are not part of it. */
export function normalizeCorrection(value: unknown): Correction {
  const record = (value ?? {}) as Record<string, unknown>;
  return { kind: String(record.kind ?? 'correction'), text: String(record.text ?? ''), issuedAt: instant(record.issuedAt) };
}

const same = (a: Correction, b: Correction) => a.kind === b.kind && a.text === b.text && a.issuedAt === b.issuedAt;

const describe = (c: Correction) => `the ${c.kind} issued ${c.issuedAt}`;

/**
 * A correction, once public, is part of the record: later versions may add
 * corrections after it, never remove, reorder or rewrite one. `published` is every
 * correction that has been public for this document in this locale, in order; the
 * proposed list must start with exactly those. One problem per published correction
 * the proposal breaks, at `at` + its index.
 */
export function appendOnlyProblems(published: readonly Correction[], proposed: readonly Correction[], at: Segment[]): Problem[] {
  const problems: Problem[] = [];
  published.forEach((kept, index) => {
    const now = proposed[index];
    if (now && same(kept, now)) return;
    const elsewhere = proposed.findIndex((c) => same(kept, c));
    const what =
      elsewhere >= 0
        ? `${describe(kept)} has been published at position ${index} and may not be moved (now at ${elsewhere})`
        : now
          ? `${describe(kept)} has been published and may not be rewritten or removed`
          : `${describe(kept)} has been published and may not be removed`;
    problems.push(problem([...at, index], `${what}; add a new correction instead`));
  });
  return problems;
}
