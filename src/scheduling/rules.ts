import { problem, type Problem, type Segment } from '../validation/problems';

/** When a locale of an article goes public and when it comes down; either may be unset. */
export interface Schedule {
  publishAt: Date | null;
  unpublishAt: Date | null;
}

/** A stored or submitted datetime as an instant; unset, empty or unreadable is null (the write validation refuses unreadable ones first). */
export function instantOf(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' || typeof value === 'number' ? value : Number.NaN);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The schedule a write leaves: what it sends over what is stored (a field it does not send stays). */
export function scheduleAfterWrite(stored: Schedule, data: Record<string, unknown> | undefined): Schedule {
  const sent = (field: keyof Schedule) => (data && Object.prototype.hasOwnProperty.call(data, field) ? instantOf(data[field]) : stored[field]);
  return { publishAt: sent('publishAt'), unpublishAt: sent('unpublishAt') };
}

/** Coming down before (or as) it goes up is a mistake, named with both values. */
export function scheduleProblems(schedule: Schedule, at: Segment[]): Problem[] {
  const { publishAt, unpublishAt } = schedule;
  if (!publishAt || !unpublishAt || unpublishAt > publishAt) return [];
  return [problem([...at, 'unpublishAt'], `unpublishAt (${unpublishAt.toISOString()}) must be later than publishAt (${publishAt.toISOString()})`)];
}

/**
 * An embargoed locale (publishAt still ahead) is published by the scheduler at that
 * time and by nobody before it. Publishing it now is refused, saying how to go on.
 */
export function embargoProblem(schedule: Schedule, now: Date, at: Segment[]): Problem | null {
  const { publishAt } = schedule;
  if (!publishAt || publishAt <= now) return null;
  return problem(
    [...at, 'publishAt'],
    `embargoed until ${publishAt.toISOString()}: the scheduler publishes it then; save it as a draft (status=draft) until then, or clear publishAt to publish now`,
  );
}
