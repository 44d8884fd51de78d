import type { Knex } from 'knex';

export const SCHEDULE_FULFILLED_TABLE = 'newsroom_schedule_fulfilled';
const ARTICLES = 'articles';

export interface DueLocale {
  documentId: string;
  locale: string;
}

/**
 * Drafts whose publishAt has come and that have not been published for that
 * publishAt yet. A locale whose unpublishAt has come as well is left alone: it was
 * due to be down by now, so it is not put up (after an outage, say).
 */
export async function dueToPublish(knex: Knex, now: Date): Promise<DueLocale[]> {
  const rows = (await knex({ d: ARTICLES })
    .leftJoin({ f: SCHEDULE_FULFILLED_TABLE }, function () {
      this.on('f.document_id', 'd.document_id').andOn('f.locale', 'd.locale');
    })
    .whereNull('d.published_at')
    .where('d.publish_at', '<=', now)
    .where((q) => q.whereNull('d.unpublish_at').orWhere('d.unpublish_at', '>', now))
    .where((q) => q.whereNull('f.publish_at').orWhereRaw('?? <> ??', ['f.publish_at', 'd.publish_at']))
    .orderBy('d.publish_at')
    .select({ documentId: 'd.document_id', locale: 'd.locale' })) as DueLocale[];
  return rows;
}

/**
 * Published locales whose draft's unpublishAt has come and that were published
 * before it. One published again by hand after its unpublishAt stays up.
 */
export async function dueToUnpublish(knex: Knex, now: Date): Promise<DueLocale[]> {
  const rows = (await knex({ d: ARTICLES })
    .join({ p: ARTICLES }, function () {
      this.on('p.document_id', 'd.document_id').andOn('p.locale', 'd.locale').andOnNotNull('p.published_at');
    })
    .whereNull('d.published_at')
    .where('d.unpublish_at', '<=', now)
    .whereRaw('?? < ??', ['p.published_at', 'd.unpublish_at'])
    .orderBy('d.unpublish_at')
    .select({ documentId: 'd.document_id', locale: 'd.locale' })) as DueLocale[];
  return rows;
}

/** Records that the locale has been published for this publishAt (see dueToPublish). */
export async function markFulfilled(knex: Knex, documentId: string, locale: string, publishAt: Date): Promise<void> {
  await knex(SCHEDULE_FULFILLED_TABLE)
    .insert({ document_id: documentId, locale, publish_at: publishAt })
    .onConflict(['document_id', 'locale'])
    .merge(['publish_at']);
}
