import type { Core } from '@strapi/strapi';
import type { ContentTypeUid } from '../content-types';
import type { LinkedRow } from '../write-pipeline/linked-documents';
import { componentPopulate, linkFields, snapshotOf, snapshotPopulate, type Snapshot } from './snapshot';

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/**
 * Snapshots of documents' drafts in one locale, as stored now (inside a write's
 * transaction: as that write left them). The draft is the document's working state:
 * after a publish it equals the published version, after an unpublish or a discard
 * it is what remains. A document without that locale is absent from the answer.
 */
export async function readSnapshots(strapi: Core.Strapi, uid: ContentTypeUid, documentIds: string[], locale: string): Promise<Map<string, Snapshot>> {
  const rows = (await strapi.db.query(uid as Uid).findMany({
    where: { documentId: { $in: documentIds }, locale, publishedAt: null },
    populate: snapshotPopulate(uid),
  })) as Array<Record<string, unknown> & { documentId: string }>;
  return new Map(rows.map((row) => [row.documentId, snapshotOf(uid, row)]));
}

/**
 * One draft's snapshot, its links taken from the row the write pipeline read already
 * (so only its fields and components are read here); absent when there is no such draft.
 */
export async function readSnapshot(
  strapi: Core.Strapi,
  uid: ContentTypeUid,
  documentId: string,
  locale: string,
  links: LinkedRow,
): Promise<Snapshot | undefined> {
  const row = (await strapi.db.query(uid as Uid).findOne({
    where: { documentId, locale, publishedAt: null },
    populate: componentPopulate(uid),
  })) as Record<string, unknown> | null;
  if (!row) return undefined;
  for (const name of linkFields(uid)) row[name] = links[name];
  return snapshotOf(uid, row);
}
