import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { ContentTypeUid } from '../content-types';
import { withHistory } from './actor';
import { linksOf, snapshotFields, type Snapshot } from './snapshot';
import { revisionPage, type Revision, type RevisionWithSnapshot } from './store';

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/** A link the snapshot holds that cannot be written back: its document (or file) is gone, or has no version in this locale. */
export interface DroppedLink {
  field: string;
  id: string | number;
}

/**
 * The snapshot as Document Service data for the draft in `locale`: every attribute
 * it holds, with the links whose targets still exist in that locale. The ones that
 * do not are answered, never dropped silently.
 */
export async function restorableData(
  strapi: Core.Strapi,
  uid: ContentTypeUid,
  locale: string,
  snapshot: Snapshot,
): Promise<{ data: Record<string, unknown>; dropped: DroppedLink[] }> {
  const data: Record<string, unknown> = {};
  for (const name of snapshotFields(uid)) if (name in snapshot) data[name] = snapshot[name];
  const dropped: DroppedLink[] = [];
  for (const link of linksOf(uid)) {
    if (!(link.name in data)) continue;
    const wanted = (link.many ? (data[link.name] as unknown[]) : [data[link.name]]).filter((v): v is string | number => v !== null && v !== undefined);
    if (wanted.length === 0) continue;
    const found =
      link.kind === 'media'
        ? ((await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: wanted } }, select: ['id'] })) as Array<{ id: number }>).map(
            (r) => r.id,
          )
        : (
            (await strapi.db.query(link.target as Uid).findMany({
              where: { documentId: { $in: wanted }, locale, publishedAt: null },
              select: ['documentId'],
            })) as Array<{ documentId: string }>
          ).map((r) => r.documentId);
    const existing = new Set<string | number>(found);
    const kept = wanted.filter((id) => existing.has(id));
    for (const id of wanted) if (!existing.has(id)) dropped.push({ field: link.name, id });
    data[link.name] = link.many ? kept : (kept[0] ?? null);
  }
  return { data, dropped };
}

/**
 * Writes a revision's snapshot into the document's draft in the revision's locale,
 * through the Document Service (so every rule applies: a published correction cannot
 * be restored away), and records it as a `restore`. The published version is left
 * alone: the restored draft is reviewed and published like any other.
 */
export async function restoreRevision(strapi: Core.Strapi, revision: RevisionWithSnapshot): Promise<{ revision: Revision; dropped: DroppedLink[] }> {
  const { uid, documentId, locale, snapshot } = revision;
  if (!snapshot) throw new errors.ValidationError(`Revision ${revision.id} records a deletion and holds nothing to restore; restore a revision from before it`);
  const exists = await strapi.db.query(uid as Uid).findOne({ where: { documentId }, select: ['id'] });
  if (!exists)
    throw new errors.ValidationError(
      `Document ${documentId} no longer exists in any locale; a restore writes into an existing document's draft (see the README, "The admin panel")`,
    );
  const { data, dropped } = await restorableData(strapi, uid, locale, snapshot);
  await withHistory({ action: { name: 'restore', uid, documentId, locale } }, () => strapi.documents(uid).update({ documentId, locale, data } as never));
  const knex = strapi.db.connection as unknown as Knex;
  const [restored] = (await revisionPage(knex, { uid, documentId, locale }, 1, 1)).revisions;
  if (!restored) throw new Error(`restore of revision ${revision.id} recorded no revision`);
  return { revision: restored, dropped };
}
