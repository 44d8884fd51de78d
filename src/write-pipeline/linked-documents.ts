import type { Core } from '@strapi/strapi';
import { collectDocumentIds, CONTENT_TYPE_INFO, type ContentTypeUid } from '../content-types';

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/** One stored row of a document (a locale, draft or published) with what it links to: relations as { documentId }, media as { id, documentId }. */
export interface LinkedRow {
  id: number;
  locale: string;
  publishedAt: string | Date | null;
  [link: string]: unknown;
}

/** Every row of a document (any locale, draft or published) with its relations and media populated, in one read. */
export async function linkedRows(strapi: Core.Strapi, uid: ContentTypeUid, documentId: string): Promise<LinkedRow[]> {
  const links = CONTENT_TYPE_INFO[uid].links;
  return (await strapi.db.query(uid as Uid).findMany({
    where: { documentId },
    select: ['id', 'locale', 'publishedAt'],
    ...(links.length > 0 && { populate: Object.fromEntries(links.map((name) => [name, { select: ['id', 'documentId'] }])) }),
  })) as LinkedRow[];
}

/** documentIds of every document the rows link to, the document itself left out. */
export function linkedDocumentIds(rows: readonly LinkedRow[], documentId: string): Set<string> {
  const ids = collectDocumentIds(rows, new Set());
  ids.delete(documentId);
  return ids;
}
