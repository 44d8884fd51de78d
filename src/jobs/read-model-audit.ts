import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { reindexDocument } from '../search/index-writer';
import { SEARCH_TABLE } from '../search/query';
import { SEARCH_TYPES, type SearchType } from '../search/searchable';
import { rebuildArticleViews, VIEWS_TABLE } from '../article-views/read-model';

const TABLES: Record<SearchType, string> = { article: 'articles', quote: 'quotes', person: 'people' };
const BATCH = 100;
/**
 * At most this many documents per read model per run, so one run stays short (a few
 * minutes at worst) and does not overlap the next; the rest waits for the next tick.
 * Reads never wait for it: a missing article view is built on first read.
 */
const MAX_PER_RUN = 2000;

/**
 * Documents whose versions (locale × draft/published) and read-model rows disagree:
 * a version without its row, or a row whose version is gone. Writes through Strapi
 * keep them in step (src/document-middlewares); what bypasses the Document Service
 * (`strapi import`, hand-written SQL, a restore) does not, and this finds it.
 */
export async function driftedDocuments(knex: Knex, table: string, readModel: string, type?: SearchType, requiredColumn?: string): Promise<string[]> {
  const sameVersion = function (this: Knex.JoinClause) {
    this.on('v.document_id', 'a.document_id').andOn('v.locale', 'a.locale').andOn(knex.raw('v.published = (a.published_at is not null)'));
    if (type) this.andOnVal('v.type', type);
  };
  const missing = knex({ a: table })
    .leftJoin({ v: readModel }, sameVersion)
    .whereNull('v.document_id')
    // A version the read model rightly leaves out (an article draft without a slug yet) is not missing.
    .modify((query) => (requiredColumn ? query.whereNotNull(`a.${requiredColumn}`) : query))
    .distinct('a.document_id');
  const orphans = knex({ v: readModel })
    .leftJoin({ a: table }, sameVersion)
    .whereNull('a.id')
    .modify((query) => (type ? query.where('v.type', type) : query))
    .distinct('v.document_id');
  const rows = (await missing.union(orphans)) as Array<{ document_id: string }>;
  return [...new Set(rows.map((r) => r.document_id))];
}

/** Finds and rebuilds drifted article views and search rows; returns what it did. */
export async function auditReadModels(strapi: Core.Strapi): Promise<string> {
  const knex = strapi.db.connection as unknown as Knex;
  const count = (done: number, found: number) => (done === found ? `${done}` : `${done} of ${found}`);
  const views = await driftedDocuments(knex, 'articles', VIEWS_TABLE, undefined, 'slug');
  const viewsNow = views.slice(0, MAX_PER_RUN);
  for (let i = 0; i < viewsNow.length; i += BATCH) {
    await strapi.db.transaction(({ trx }) => rebuildArticleViews(strapi, trx as unknown as Knex, viewsNow.slice(i, i + BATCH)));
  }
  const repaired: string[] = [`${count(viewsNow.length, views.length)} article views`];
  for (const type of SEARCH_TYPES) {
    const drifted = await driftedDocuments(knex, TABLES[type], SEARCH_TABLE, type);
    const now = drifted.slice(0, MAX_PER_RUN);
    for (const documentId of now) {
      await strapi.db.transaction(({ trx }) => reindexDocument(strapi, trx as unknown as Knex, type, documentId));
    }
    repaired.push(`${count(now.length, drifted.length)} ${type} search entries`);
  }
  return `rebuilt ${repaired.join(', ')}`;
}
