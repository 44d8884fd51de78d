import type { Knex } from 'knex';
import { CONTENT_TYPE_INFO, type ContentTypeUid } from '../content-types';
import { settings } from '../settings';
import { systemActor } from './actor';
import { changedFields, snapshotOf } from './snapshot';
import { appendRevisions, type NewRevision } from './store';

/** A document version as a bulk load wrote it: its stored fields and figures, relations as documentIds. */
export interface ImportedDraft {
  documentId: string;
  locale: string;
  fields: Record<string, unknown>;
  relations: Record<string, string[]>;
}

/**
 * One `import` revision per document and locale for a bulk load, which writes rows
 * past the Document Service (src/seed/bulk-load.ts) and so past the write pipeline.
 * The snapshots are made from the data the load has just written rather than read
 * back: the load wrote exactly that, and reading it back with its relations was a
 * tenth of the import's time.
 */
export async function recordImport(trx: Knex, uid: ContentTypeUid, drafts: ImportedDraft[]): Promise<void> {
  if (!settings().history.enabled || drafts.length === 0) return;
  const actor = systemActor('import');
  const many = new Map(CONTENT_TYPE_INFO[uid].relations.map((r) => [r.name, r.many]));
  const revisions: NewRevision[] = drafts.map(({ documentId, locale, fields, relations }) => {
    const row: Record<string, unknown> = { ...fields };
    for (const [name, ids] of Object.entries(relations)) {
      const linked = ids.map((id) => ({ documentId: id }));
      row[name] = many.get(name) ? linked : (linked[0] ?? null);
    }
    const snapshot = snapshotOf(uid, row);
    return { uid, documentId, locale, action: 'import', actor, changedFields: changedFields(uid, null, snapshot), snapshot };
  });
  await appendRevisions(trx, revisions);
}
