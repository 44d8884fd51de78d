import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_INFO, CONTENT_TYPE_UIDS } from '../content-types';
import { SEARCH_TABLE } from '../search/query';

/**
 * Every document and localization, draft and published, in a form that does not
 * depend on how it was written: keyed by slug, locale and status, relations as
 * ordered lists of slugs, without row ids, documentIds or timestamps. Two databases
 * with equal dumps hold the same content. Used to prove the bulk path writes what the
 * bundle loader writes, and that a killed or imported seed ends where a clean one does.
 */
const TYPES = Object.fromEntries(
  CONTENT_TYPE_UIDS.map((uid) => [CONTENT_TYPE_INFO[uid].kind, { uid, relations: CONTENT_TYPE_INFO[uid].relations.map((r) => r.name) }]),
);

const VOLATILE = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations']);

type Row = Record<string, unknown>;

function slugs(value: unknown): string[] | string | null {
  if (Array.isArray(value)) return value.map((v) => String((v as Row).slug));
  if (value && typeof value === 'object') return String((value as Row).slug);
  return null;
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Row)
        .filter(([k]) => k !== 'id')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, clean(v)]),
    );
  }
  // Decimals come back as numbers or strings depending on the driver.
  return value;
}

export async function canonicalDump(strapi: Core.Strapi): Promise<Record<string, Record<string, unknown>>> {
  const dump: Record<string, Record<string, unknown>> = {};
  const slugOf = new Map<string, string>();
  for (const [kind, { uid, relations }] of Object.entries(TYPES)) {
    const entries: Record<string, unknown> = {};
    for (const status of ['draft', 'published'] as const) {
      const documents = (await strapi.documents(uid as never).findMany({
        locale: '*',
        status,
        populate: { ...Object.fromEntries(relations.map((r) => [r, { fields: ['slug'] }])), ...(kind === 'article' ? { figures: true } : {}) },
      } as never)) as unknown as Row[];
      for (const document of documents) {
        slugOf.set(String(document.documentId), `${kind}:${String(document.slug)}`);
        const fields: Row = {};
        for (const [key, value] of Object.entries(document)) {
          if (VOLATILE.has(key)) continue;
          fields[key] = (relations as readonly string[]).includes(key) ? slugs(value) : key === 'figures' ? clean(value) : value;
        }
        // An inverse list (article.quotes) has no order of its own to compare; the owning side does.
        if (Array.isArray(fields.quotes)) fields.quotes = [...(fields.quotes as string[])].sort();
        if (typeof fields.figures === 'object' && Array.isArray(fields.figures)) {
          fields.figures = (fields.figures as Row[]).map((f) => ({ ...f, value: Number(f.value) }));
        }
        entries[`${String(document.slug)}|${String(document.locale)}|${status}`] = fields;
      }
    }
    dump[kind] = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  const index = (await strapi.db.connection(SEARCH_TABLE).select('type', 'document_id', 'locale', 'published', 'title', 'words', 'body')) as Row[];
  dump.searchIndex = Object.fromEntries(
    index
      .map((row) => [
        `${slugOf.get(String(row.document_id)) ?? `missing:${String(row.document_id)}`}|${String(row.locale)}|${row.published ? 'published' : 'draft'}`,
        { title: row.title, words: row.words, body: row.body },
      ])
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
  );
  return dump;
}
