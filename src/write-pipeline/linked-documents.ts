import type { Core } from '@strapi/strapi';
import { collectDocumentIds, CONTENT_TYPE_INFO, type ContentTypeUid } from '../content-types';

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/** documentIds of every document any row of this document (any locale, draft or published) links to. */
export async function linkedDocumentIds(strapi: Core.Strapi, uid: ContentTypeUid, documentId: string): Promise<Set<string>> {
  const links = CONTENT_TYPE_INFO[uid].links;
  if (links.length === 0) return new Set();
  const rows = await strapi.db.query(uid as Uid).findMany({
    where: { documentId },
    select: ['id'],
    populate: Object.fromEntries(links.map((name) => [name, { select: ['documentId'] }])),
  });
  const ids = collectDocumentIds(rows, new Set());
  ids.delete(documentId);
  return ids;
}
