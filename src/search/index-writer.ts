import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CONTENT_TYPE_INFO } from '../content-types';
import type { WriteEffect } from '../write-pipeline/pipeline';
import type { SearchRowChange } from './cache-rules';
import { SEARCH_TABLE } from './query';
import { indexRow, QUOTE_ATTRIBUTION_POPULATE, SEARCH_FIELDS, SEARCH_TYPES, SEARCH_UIDS, searchTypeOf, type SearchType } from './searchable';

/** Types whose names are indexed inside quotes: the targets of the relations QUOTE_ATTRIBUTION_POPULATE reads. */
const QUOTE_ATTRIBUTION_UIDS: ReadonlySet<string> = new Set(
  CONTENT_TYPE_INFO['api::quote.quote'].relations.filter((r) => r.name in QUOTE_ATTRIBUTION_POPULATE).map((r) => r.target),
);

/** Quotes that name this person, organization or source as speaker or source (also for the bulk writer, which re-indexes them after a rename). */
export async function quotesAttributedTo(strapi: Core.Strapi, documentId: string): Promise<string[]> {
  const rows: Array<{ documentId: string }> = await strapi.db.query('api::quote.quote').findMany({
    where: {
      $or: [{ speaker: { documentId } }, { speakerOrganization: { documentId } }, { source: { documentId } }],
    },
    select: ['documentId'],
  });
  return [...new Set(rows.map((r) => r.documentId))];
}

/**
 * Rewrites a document's index rows from what is stored now: draft and published, in
 * `locales` (a write's changed locales, which include those Strapi copied shared fields
 * such as a person's aliases into) or, without it, in every locale.
 */
export async function reindexDocument(
  strapi: Core.Strapi,
  knex: Knex,
  type: SearchType,
  documentId: string,
  locales?: readonly string[],
): Promise<SearchRowChange[]> {
  if (locales?.length === 0) return [];
  const inLocales = <Q extends Knex.QueryBuilder>(query: Q): Q => (locales ? (query.whereIn('locale', [...locales]) as Q) : query);
  const rows: Array<Record<string, unknown>> = await strapi.db.query(SEARCH_UIDS[type]).findMany({
    where: { documentId, ...(locales && { locale: { $in: [...locales] } }) },
    select: [...SEARCH_FIELDS[type], 'documentId', 'locale', 'publishedAt', 'updatedAt'],
    ...(type === 'quote' && { populate: QUOTE_ATTRIBUTION_POPULATE }),
  });
  const before = (await inLocales(knex(SEARCH_TABLE).where({ type, document_id: documentId })).select('locale', 'published', 'words')) as SearchRowChange[];
  await inLocales(knex(SEARCH_TABLE).where({ type, document_id: documentId })).del();
  const after = rows.map((row) => indexRow(type, row));
  if (after.length > 0) await knex(SEARCH_TABLE).insert(after);
  // SQLite hands booleans back as 0 and 1.
  return [...before, ...after].map((row) => ({ locale: row.locale, published: Boolean(row.published), words: row.words }));
}

/**
 * The write pipeline's search step: keeps the index in step with every write to
 * articles, quotes and people (and to the people, organizations and sources whose
 * names quotes are found by), in the write's own transaction: a write that rolls
 * back leaves no index change, and a committed write is searchable at once. The rows
 * replaced and written go on the event, for the cache step to find the searches they reach.
 */
export function searchIndexEffect(strapi: Core.Strapi): WriteEffect<string[]> {
  return {
    name: 'search index',
    // Before a delete removes the links, remember which quotes carried this name.
    before: async (uid, documentId) => (QUOTE_ATTRIBUTION_UIDS.has(uid) ? quotesAttributedTo(strapi, documentId) : []),
    async inTransaction(event, quotesBefore, trx) {
      const { uid, documentId, changedLocales } = event;
      // Index rows, like the quotes' speaker names, come from same-locale rows: unchanged locales keep theirs.
      if (changedLocales.length === 0) return;
      const type = searchTypeOf(uid);
      if (type) event.searchRows.push(...(await reindexDocument(strapi, trx, type, documentId, changedLocales)));
      if (QUOTE_ATTRIBUTION_UIDS.has(uid)) {
        const quotes = new Set([...(quotesBefore ?? []), ...(await quotesAttributedTo(strapi, documentId))]);
        for (const quote of quotes) event.searchRows.push(...(await reindexDocument(strapi, trx, 'quote', quote, changedLocales)));
      }
    },
  };
}

/** Builds the index from scratch when it is empty but content exists (an existing database gaining search). */
export async function rebuildSearchIndexIfEmpty(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const [{ n }] = (await knex(SEARCH_TABLE).count({ n: '*' })) as Array<{ n: number | string }>;
  if (Number(n) > 0) return;
  let documents = 0;
  for (const type of SEARCH_TYPES) {
    const ids: Array<{ documentId: string }> = await strapi.db.query(SEARCH_UIDS[type]).findMany({ select: ['documentId'] });
    for (const documentId of new Set(ids.map((r) => r.documentId))) {
      await strapi.db.transaction(({ trx }) => reindexDocument(strapi, trx, type, documentId));
      documents += 1;
    }
  }
  if (documents > 0) strapi.log.info(`[search] indexed ${documents} existing documents`);
}
