import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ContentTypeUid } from '../content-types';
import { settings } from '../settings';
import { systemActor } from './actor';
import { readSnapshots } from './read';
import { changedFields } from './snapshot';
import { appendRevisions, type NewRevision } from './store';

const BATCH = 500;

/**
 * One `import` revision per document and locale for a bulk load, which writes rows
 * past the Document Service (src/seed/bulk-load.ts) and so past the write pipeline.
 * Read back in batches, in the load's transaction.
 */
export async function recordImport(strapi: Core.Strapi, trx: Knex, uid: ContentTypeUid, documentIds: string[], locales: readonly string[]): Promise<void> {
  if (!settings().history.enabled) return;
  const actor = systemActor('import');
  for (let i = 0; i < documentIds.length; i += BATCH) {
    const ids = documentIds.slice(i, i + BATCH);
    const revisions: NewRevision[] = [];
    for (const locale of locales) {
      const snapshots = await readSnapshots(strapi, uid, ids, locale);
      for (const documentId of ids) {
        const snapshot = snapshots.get(documentId);
        if (snapshot) revisions.push({ uid, documentId, locale, action: 'import', actor, changedFields: changedFields(uid, null, snapshot), snapshot });
      }
    }
    await appendRevisions(trx, revisions);
  }
}
