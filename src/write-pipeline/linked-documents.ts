import type { Core } from '@strapi/strapi';
import { collectDocumentIds, CONTENT_TYPE_INFO, type ContentTypeUid } from '../content-types';

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/** One stored row of a document (a locale, draft or published): its fields, and what it links to: relations as { documentId }, media as { id, documentId }. */
export interface LinkedRow {
  id: number;
  locale: string;
  publishedAt: string | Date | null;
  [link: string]: unknown;
}

/**
 * Every row of a document (any locale, draft or published), its fields with its relations and
 * media, in one read: what it links to (the cache, the read models) and what its published
 * versions show (the webhooks).
 */
export async function linkedRows(strapi: Core.Strapi, uid: ContentTypeUid, documentId: string): Promise<LinkedRow[]> {
  const links = CONTENT_TYPE_INFO[uid].links;
  return (await strapi.db.query(uid as Uid).findMany({
    where: { documentId },
    ...(links.length > 0 && { populate: Object.fromEntries(links.map((name) => [name, { select: ['id', 'documentId'] }])) }),
  })) as LinkedRow[];
}

/** documentIds of every document the rows link to, the document itself left out. */
export function linkedDocumentIds(rows: readonly LinkedRow[], documentId: string): Set<string> {
  const ids = collectDocumentIds(rows, new Set());
  ids.delete(documentId);
  return ids;
}
