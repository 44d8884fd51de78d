import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isContentTypeUid, WRITE_ACTIONS, type ContentTypeUid } from '../content-types';
import type { ChangedPublicArticle } from '../article-views/read-model';
import type { SearchRowChange } from '../search/cache-rules';
import { changedLocales } from './changed-locales';
import { linkedDocumentIds, linkedRows, type LinkedRow } from './linked-documents';

/**
 * The one write pipeline. Every write of a public type (create, update, delete,
 * publish, unpublish, discard draft), whatever its path (REST, GraphQL, the admin
 * panel, seeds), runs through one Document Service middleware that:
 * - opens one transaction around the write and everything that follows it;
 * - reads the document's rows with what they link to, before and after the write, once;
 * - runs each effect's `inTransaction` step, in the declared order (./effects.ts),
 *   so a write that rolls back leaves no effect behind;
 * - runs each `afterCommit` step, in order, once the transaction has committed, and acknowledges
 *   the write only when they have finished (a reader never sees older data after the
 *   write returned).
 * Inside a caller's transaction (a seed bundle, a nested write) the commit steps wait
 * for that one to commit.
 */

export interface WriteEvent {
  uid: ContentTypeUid;
  action: string;
  documentId: string;
  /** As the caller gave it: one locale, '*' or undefined (the default locale); see ./locales.ts. */
  locale: string | undefined;
  /** `published` when a create or update publishes too (Strapi does that inside the write, past the middlewares). */
  status: string | undefined;
  /** Documents this one linked to before the write (relations and media, any locale and status). */
  linkedBefore: ReadonlySet<string>;
  /** …and after it. */
  linkedAfter: ReadonlySet<string>;
  /** The document's rows before the write (every locale and status) with their links: read once, for every effect. */
  rowsBefore: readonly LinkedRow[];
  /** …and after it. */
  rowsAfter: readonly LinkedRow[];
  /** Locales whose rows differ between the two (./changed-locales.ts): the only ones whose read models the write can change. */
  changedLocales: readonly string[];
  /** Published articles whose public JSON this write changed: filled by the article read model step, read by the steps after it. */
  changedPublicArticles: ChangedPublicArticle[];
  /** Search index rows this write replaced and wrote: filled by the search step, read by the cache step. */
  searchRows: SearchRowChange[];
}

export interface WriteEffect<State = unknown> {
  name: string;
  /** Before the write, in its transaction: what only the old state can tell (who linked here). */
  before?(uid: ContentTypeUid, documentId: string): Promise<State>;
  /** After the write, in its transaction. */
  inTransaction?(event: WriteEvent, state: State | undefined, trx: Knex): Promise<void>;
  /** After the commit, before the write is acknowledged. */
  afterCommit?(event: WriteEvent, state: State | undefined): Promise<void>;
}

export function registerWritePipeline(strapi: Core.Strapi, effects: ReadonlyArray<WriteEffect<unknown>>): void {
  const all = effects;
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!isContentTypeUid(uid) || !WRITE_ACTIONS.has(action)) return next();
    const params = context.params as { documentId?: string; locale?: string; status?: string } | undefined;
    let committed: Promise<unknown> | undefined;

    const result = await strapi.db.transaction(async ({ trx, onCommit }) => {
      const knownId = params?.documentId;
      // One write at a time per document: two writes of one document (the scheduler's publish
      // and an editor's, say) otherwise lock its rows in different orders (a publish replaces
      // rows as it goes) and PostgreSQL aborts one as a deadlock. One advisory lock per
      // document, taken first, held to the commit, re-entrant for nested writes of the same
      // transaction. SQLite runs one write transaction at a time anyway.
      if (knownId && strapi.db.dialect.client === 'postgres') {
        await (trx as unknown as Knex).raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`${uid}:${knownId}`]);
      }
      const rowsBefore = knownId ? await linkedRows(strapi, uid, knownId) : [];
      const states = new Map<WriteEffect<unknown>, unknown>();
      if (knownId) for (const effect of all) if (effect.before) states.set(effect, await effect.before(uid, knownId));
      // Filled once the write has returned; a write that returns nothing to follow leaves it empty.
      const done: { event?: WriteEvent } = {};
      // Registered before the write, so that at the commit these steps start ahead of Strapi's
      // own commit callbacks, which the write registers: its entry events re-read the document
      // with every relation (some twenty statements, fire-and-forget). The acknowledgement waits
      // for these steps only; queued behind that re-read, the cache step took 43 ms (p50) in the
      // breaking-news benchmark.
      onCommit(() => {
        const { event } = done;
        if (!event) return;
        // In the declared order: the webhook dispatcher is woken only once the cache can no longer serve the old data.
        committed = (async () => {
          for (const effect of all) await effect.afterCommit?.(event, states.get(effect));
        })();
      });

      const written = await next();
      const documentId = knownId ?? (written as { documentId?: string } | null)?.documentId;
      if (!documentId) return written;
      const rowsAfter = await linkedRows(strapi, uid, documentId);
      const event: WriteEvent = {
        uid,
        action,
        documentId,
        locale: params?.locale,
        status: params?.status,
        linkedBefore: linkedDocumentIds(rowsBefore, documentId),
        linkedAfter: linkedDocumentIds(rowsAfter, documentId),
        rowsBefore,
        rowsAfter,
        changedLocales: changedLocales(rowsBefore, rowsAfter),
        changedPublicArticles: [],
        searchRows: [],
      };

      for (const effect of all) if (effect.inTransaction) await effect.inTransaction(event, states.get(effect), trx as unknown as Knex);
      done.event = event;
      return written;
    });
    // Strapi runs commit callbacks before transaction() resolves: when this write's transaction
    // was the outermost one, the commit steps have started; wait for them.
    await committed;
    return result;
  });
}
