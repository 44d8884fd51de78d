import type { Core } from '@strapi/strapi';
import { collectDocumentTags } from '../domain/cache/tags';

type Uid = Parameters<Core.Strapi['db']['query']>[0];

/** Relation and media attributes of a content type (system relations excluded). */
export function relationAttributes(strapi: Core.Strapi, uid: string): string[] {
  const attributes = strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { type: string }>;
  return Object.entries(attributes)
    .filter(([name, attribute]) => (attribute.type === 'relation' || attribute.type === 'media') && !['localizations', 'createdBy', 'updatedBy'].includes(name))
    .map(([name]) => name);
}

/** documentIds of every document any row of this document (any locale, draft or published) links to. */
export async function linkedDocumentIds(strapi: Core.Strapi, uid: string, documentId: string): Promise<Set<string>> {
  const relations = relationAttributes(strapi, uid);
  const ids = new Set<string>();
  if (relations.length === 0) return ids;
  const rows = await strapi.db.query(uid as Uid).findMany({
    where: { documentId },
    select: ['id'],
    populate: Object.fromEntries(relations.map((name) => [name, { select: ['documentId'] }])),
  });
  const tags = new Set<string>();
  collectDocumentTags(rows, tags);
  for (const tag of tags) ids.add(tag.slice('doc:'.length));
  ids.delete(documentId);
  return ids;
}
