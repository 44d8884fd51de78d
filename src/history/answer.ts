import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { isContentTypeUid, type ContentTypeUid } from '../content-types';
import { LOCALE_CODES } from '../domain/locales';
import { parsePageParams } from '../validation/page-params';
import { expected, queryStringPath, type Problem } from '../validation/problems';
import { refusal } from '../validation/strapi/refusal';
import { findRevision, revisionPage, type RevisionWithSnapshot } from './store';

const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

/** What Strapi's documentIds look like, generously: never more than the column holds. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ListQuery {
  uid: ContentTypeUid;
  documentId: string;
  locale?: string;
  page: number;
  pageSize: number;
}

/** `uid` and `documentId` (required), `locale` (optional: every locale) and Strapi's pagination; anything else is a 400 naming it. */
export function parseListQuery(query: Record<string, unknown>): ListQuery | Problem[] {
  const paging = parsePageParams(query, ['uid', 'documentId', 'locale']);
  const problems: Problem[] = Array.isArray(paging) ? [...paging] : [];
  const { uid, documentId, locale } = query;
  if (typeof uid !== 'string' || !isContentTypeUid(uid)) problems.push(expected(['uid'], 'a content type uid such as api::article.article', uid));
  if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) problems.push(expected(['documentId'], 'a documentId', documentId));
  if (locale !== undefined && (typeof locale !== 'string' || !(LOCALE_CODES as readonly string[]).includes(locale)))
    problems.push(expected(['locale'], `one of ${LOCALE_CODES.join(', ')}`, locale));
  if (problems.length > 0 || Array.isArray(paging)) return problems;
  return { uid: uid as ContentTypeUid, documentId: documentId as string, locale: locale as string | undefined, ...paging };
}

/** A document's revisions, newest first, without their snapshots, in Strapi's list shape; `authorize` sees the type once the query is valid. */
export async function revisionList(strapi: Core.Strapi, query: Record<string, unknown>, authorize?: (uid: ContentTypeUid) => void) {
  const parsed = parseListQuery(query);
  if (Array.isArray(parsed)) throw refusal(parsed, queryStringPath, 'query');
  authorize?.(parsed.uid);
  const { revisions, total } = await revisionPage(knexOf(strapi), parsed, parsed.page, parsed.pageSize);
  return {
    data: revisions,
    meta: { pagination: { page: parsed.page, pageSize: parsed.pageSize, pageCount: Math.ceil(total / parsed.pageSize), total } },
  };
}

/** A revision id from the path: a whole number, or a 400 saying so; an unknown one is a 404. */
export async function revisionById(strapi: Core.Strapi, id: unknown): Promise<RevisionWithSnapshot> {
  const text = String(id);
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1) throw refusal([expected(['id'], 'a revision id (a whole number from 1)', id)], queryStringPath, 'query');
  const revision = await findRevision(knexOf(strapi), Number(text));
  if (!revision) throw new errors.NotFoundError(`No revision ${text}`);
  return revision;
}
