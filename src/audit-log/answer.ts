import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { queryStringPath } from '../validation/problems';
import { refusal } from '../validation/strapi/refusal';
import { parsePageParams } from '../validation/page-params';
import { auditPage } from './store';

/**
 * One page of the log, newest first, in Strapi's list shape, as both the content
 * API (GET /api/audit-log) and the admin's Settings page answer it. A bad parameter
 * is a 400 naming it.
 */
export async function auditLogAnswer(strapi: Core.Strapi, query: Record<string, unknown>) {
  const params = parsePageParams(query);
  if (Array.isArray(params)) throw refusal(params, queryStringPath, 'query');
  const { entries, total } = await auditPage(strapi.db.connection as unknown as Knex, params.page, params.pageSize);
  return { data: entries, meta: { pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total } } };
}
