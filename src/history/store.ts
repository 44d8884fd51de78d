import type { Knex } from 'knex';
import type { ContentTypeUid } from '../content-types';
import type { Actor } from './actor';
import type { Snapshot } from './snapshot';

export const REVISIONS_TABLE = 'newsroom_revisions';

export type RevisionAction = 'create' | 'update' | 'publish' | 'unpublish' | 'discard' | 'delete' | 'restore' | 'import';

export interface Revision {
  id: number;
  uid: ContentTypeUid;
  documentId: string;
  locale: string;
  action: RevisionAction;
  at: string;
  actor: Actor;
  changedFields: string[];
}

export interface RevisionWithSnapshot extends Revision {
  snapshot: Snapshot | null;
}

export type NewRevision = Omit<RevisionWithSnapshot, 'id' | 'at'>;

interface Row {
  id: number;
  uid: ContentTypeUid;
  document_id: string;
  locale: string;
  action: RevisionAction;
  at: Date | string | number;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  actor_name: string | null;
  changed_fields: string;
  snapshot?: string | null;
}

const LIST_COLUMNS = ['id', 'uid', 'document_id', 'locale', 'action', 'at', 'actor_kind', 'actor_id', 'actor_name', 'changed_fields'];

const toRow = (revision: NewRevision, at: Date) => ({
  uid: revision.uid,
  document_id: revision.documentId,
  locale: revision.locale,
  action: revision.action,
  at,
  actor_kind: revision.actor.kind,
  actor_id: revision.actor.id,
  actor_name: revision.actor.name,
  changed_fields: JSON.stringify(revision.changedFields),
  snapshot: revision.snapshot === null ? null : JSON.stringify(revision.snapshot),
});

const fromRow = (row: Row): Revision => ({
  id: row.id,
  uid: row.uid,
  documentId: row.document_id,
  locale: row.locale,
  action: row.action,
  at: new Date(row.at).toISOString(),
  actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
  changedFields: JSON.parse(row.changed_fields) as string[],
});

/** Appends revisions (in the caller's transaction) and answers their ids in order. */
export async function appendRevisions(knex: Knex, revisions: NewRevision[]): Promise<number[]> {
  if (revisions.length === 0) return [];
  const at = new Date();
  const ids: number[] = [];
  // Bounded batches: SQLite allows 32,766 bound values per statement, eleven per row here.
  for (let i = 0; i < revisions.length; i += 500) {
    const rows = (await knex(REVISIONS_TABLE)
      .insert(revisions.slice(i, i + 500).map((r) => toRow(r, at)))
      .returning('id')) as Array<{ id: number } | number>;
    ids.push(...rows.map((r) => (typeof r === 'object' ? r.id : r)));
  }
  return ids;
}

/** The newest revision of a document in a locale, with its snapshot: what the next one is compared with. */
export async function latestSnapshot(knex: Knex, uid: ContentTypeUid, documentId: string, locale: string): Promise<Snapshot | null | undefined> {
  const row = (await knex(REVISIONS_TABLE).where({ uid, document_id: documentId, locale }).orderBy('id', 'desc').first('snapshot')) as
    { snapshot: string | null } | undefined;
  if (!row) return undefined;
  return row.snapshot === null ? null : (JSON.parse(row.snapshot) as Snapshot);
}

export interface RevisionFilter {
  uid: ContentTypeUid;
  documentId: string;
  locale?: string;
}

/** One page of a document's revisions, newest first (the document index read backwards), and how many there are. */
export async function revisionPage(knex: Knex, filter: RevisionFilter, page: number, pageSize: number): Promise<{ revisions: Revision[]; total: number }> {
  const where = { uid: filter.uid, document_id: filter.documentId, ...(filter.locale && { locale: filter.locale }) };
  const [{ total }] = (await knex(REVISIONS_TABLE).where(where).count({ total: '*' })) as Array<{ total: number | string }>;
  const rows = (await knex(REVISIONS_TABLE)
    .where(where)
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .select(LIST_COLUMNS)) as Row[];
  return { revisions: rows.map(fromRow), total: Number(total) };
}

export async function findRevision(knex: Knex, id: number): Promise<RevisionWithSnapshot | undefined> {
  const row = (await knex(REVISIONS_TABLE)
    .where({ id })
    .first([...LIST_COLUMNS, 'snapshot'])) as Row | undefined;
  if (!row) return undefined;
  return { ...fromRow(row), snapshot: row.snapshot ? (JSON.parse(row.snapshot) as Snapshot) : null };
}

/** Deletes revisions recorded before `before`; answers how many went. */
export async function pruneRevisions(knex: Knex, before: Date): Promise<number> {
  return knex(REVISIONS_TABLE).where('at', '<', before).del();
}
