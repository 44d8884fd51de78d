import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_DEFAULT_POPULATE } from '../api/article/middlewares/default-populate';
import type { queryParams } from '@strapi/utils';
import { collectDocumentIds } from '../content-types';
import { contentApiOutputSanitizer } from './sanitize-output';

export const VIEWS_TABLE = 'newsroom_article_views';
export const VIEW_DEPS_TABLE = 'newsroom_article_view_deps';
const ARTICLE = 'api::article.article';

interface QueryParams {
  transform(uid: string, params: queryParams.Params): queryParams.Query;
}

type Row = Record<string, unknown> & { documentId: string; locale: string; slug: string | null; publishedAt: unknown };

/** A published article version whose public JSON a rebuild changed, added or removed. */
export interface ChangedPublicArticle {
  documentId: string;
  locale: string;
  slug: string | null;
}

/**
 * Rewrites the view rows of these articles from what is stored now: each version is
 * read through the Document Service with the default populate and sanitized for the
 * content API (src/article-views/sanitize-output.ts), exactly as GET /api/articles would return it. `locales` narrows the
 * rebuild to the locales a write changed (the other locales' rows stay as they are);
 * without it every locale is rebuilt. Answers which published versions now read
 * differently (the webhooks' affected articles).
 */
export async function rebuildArticleViews(
  strapi: Core.Strapi,
  knex: Knex,
  documentIds: string[],
  locales?: readonly string[],
): Promise<ChangedPublicArticle[]> {
  if (documentIds.length === 0) return [];
  // The Document Service reads one locale or all of them ('*'); two changed locales of two are all.
  const scope = locales?.length === 1 ? locales[0]! : '*';
  const inScope = <Q extends Knex.QueryBuilder>(query: Q): Q => (scope === '*' ? query : (query.andWhere('locale', scope) as Q));
  const sanitizeOutput = contentApiOutputSanitizer(strapi);
  const views: Array<{ document_id: string; locale: string; published: boolean; slug: string; body: string }> = [];
  const deps = new Map<string, Record<string, string>>();
  const addDeps = (articleDocumentId: string, body: unknown) => {
    for (const dependency of collectDocumentIds(body, new Set()))
      deps.set(`${articleDocumentId}|${dependency}`, { article_document_id: articleDocumentId, dependency_document_id: dependency });
  };
  {
    // Drafts and published versions in one read: what the Document Service would do in two (a
    // findMany per status), without its status lookup. Each row's relations are the rows it links
    // to, and Strapi links drafts to drafts and published versions to published ones.
    const query = strapi.get<QueryParams>('query-params').transform(ARTICLE, {
      filters: { documentId: { $in: documentIds } },
      // The constant is deeply readonly; the clone is the query's own, which Strapi may rewrite.
      populate: structuredClone(ARTICLE_DEFAULT_POPULATE) as unknown as queryParams.Params['populate'],
    });
    const documents = (await strapi.db.query(ARTICLE).findMany({
      ...query,
      where: { ...query.where, ...(scope !== '*' && { locale: scope }) },
    })) as unknown as Row[];
    for (const document of documents) {
      const status = document.publishedAt === null ? 'draft' : 'published';
      // A draft may be saved before it has a slug (Strapi checks required fields on publish): nothing can read it by slug yet.
      if (typeof document.slug !== 'string' || document.slug === '') continue;
      const sanitized = await sanitizeOutput(document, ARTICLE);
      views.push({
        document_id: document.documentId,
        locale: document.locale,
        published: status === 'published',
        slug: document.slug,
        body: JSON.stringify(sanitized),
      });
      addDeps(document.documentId, sanitized);
    }
  }
  // One read for two uses: the published rows about to be replaced (what the webhooks compare) and, when one locale is
  // rebuilt, the other locales' rows, whose dependencies stay.
  const stored = (await knex(VIEWS_TABLE)
    .whereIn('document_id', documentIds)
    .andWhere((which) => {
      void which.where('published', true);
      if (scope !== '*') void which.orWhereNot('locale', scope);
    })
    .select('document_id', 'locale', 'published', 'slug', 'body')) as Array<{
    document_id: string;
    locale: string;
    published: boolean | number;
    slug: string;
    body: string;
  }>;
  const inScopeRow = (row: { locale: string }) => scope === '*' || row.locale === scope;
  const publicBefore = stored.filter((row) => inScopeRow(row) && Boolean(row.published));
  const kept = stored.filter((row) => !inScopeRow(row));
  await inScope(knex(VIEWS_TABLE).whereIn('document_id', documentIds)).del();
  // Dependencies are kept per article, not per locale: those of the views left alone come from their stored bodies.
  for (const view of kept) addDeps(view.document_id, JSON.parse(view.body));
  await knex(VIEW_DEPS_TABLE).whereIn('article_document_id', documentIds).del();
  for (let i = 0; i < views.length; i += 200) await knex(VIEWS_TABLE).insert(views.slice(i, i + 200));
  const uniqueDeps = [...deps.values()];
  for (let i = 0; i < uniqueDeps.length; i += 500) await knex(VIEW_DEPS_TABLE).insert(uniqueDeps.slice(i, i + 500));
  return changedPublicViews(
    publicBefore.map((v) => ({ documentId: v.document_id, locale: v.locale, slug: v.slug, body: v.body })),
    views.filter((v) => v.published).map((v) => ({ documentId: v.document_id, locale: v.locale, slug: v.slug, body: v.body })),
  );
}

interface PublicView {
  documentId: string;
  locale: string;
  slug: string;
  body: string;
}

/** The published versions whose JSON differs between two sets of views (present in one only, or with another body). */
export function changedPublicViews(before: readonly PublicView[], after: readonly PublicView[]): ChangedPublicArticle[] {
  const keyOf = (view: PublicView) => `${view.documentId}\u0000${view.locale}`;
  const was = new Map(before.map((view) => [keyOf(view), view]));
  const is = new Map(after.map((view) => [keyOf(view), view]));
  const changed: ChangedPublicArticle[] = [];
  for (const [key, view] of is) if (was.get(key)?.body !== view.body) changed.push({ documentId: view.documentId, locale: view.locale, slug: view.slug });
  for (const [key, view] of was) if (!is.has(key)) changed.push({ documentId: view.documentId, locale: view.locale, slug: view.slug });
  return changed.sort((a, b) => (a.documentId + a.locale < b.documentId + b.locale ? -1 : 1));
}

/** Articles whose views contain any of these documents. */
export async function articlesContaining(knex: Knex, documentIds: string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const rows = (await knex(VIEW_DEPS_TABLE).distinct('article_document_id').whereIn('dependency_document_id', documentIds)) as Array<{
    article_document_id: string;
  }>;
  return rows.map((r) => r.article_document_id);
}

export interface ArticleView {
  documentId: string;
  body: string;
  dependencies: string[];
}

/** The stored view of an article version by slug, with the documents it contains (for cache tags). */
export async function findArticleView(knex: Knex, slug: string, locale: string, published: boolean): Promise<ArticleView | null> {
  const view = (await knex(VIEWS_TABLE).where({ slug, locale, published }).first('document_id', 'body')) as { document_id: string; body: string } | undefined;
  if (!view) return null;
  const deps = (await knex(VIEW_DEPS_TABLE).where({ article_document_id: view.document_id }).select('dependency_document_id')) as Array<{
    dependency_document_id: string;
  }>;
  return { documentId: view.document_id, body: view.body, dependencies: deps.map((d) => d.dependency_document_id) };
}

/**
 * The view of an article version by slug, built on the spot when the row is missing
 * but the article exists: after a `strapi import`, a restore or SQL by hand, which
 * write rows without the Document Service, the endpoint stays correct while the
 * scheduled audit catches up. A build that loses a race with a concurrent write's own
 * rebuild is harmless: that write's rows are read instead.
 */
export async function findOrBuildArticleView(strapi: Core.Strapi, slug: string, locale: string, published: boolean): Promise<ArticleView | null> {
  const knex = strapi.db.connection as unknown as Knex;
  const view = await findArticleView(knex, slug, locale, published);
  if (view) return view;
  const article = (await strapi.db.query(ARTICLE).findOne({
    where: { slug, locale, publishedAt: published ? { $notNull: true } : { $null: true } },
    select: ['documentId'],
  })) as { documentId: string } | null;
  if (!article) return null;
  try {
    // Outside the request's context: building the views reads the draft too, which is
    // the system's own read, not the (possibly public) caller's.
    const outsideRequest = undefined as unknown as Parameters<typeof strapi.requestContext.run>[0];
    await strapi.requestContext.run(outsideRequest, async () => {
      await strapi.db.transaction(({ trx }) => rebuildArticleViews(strapi, trx as unknown as Knex, [article.documentId]));
    });
  } catch (error) {
    strapi.log.warn(`[views] could not build the view of ${article.documentId}: ${(error as Error).message}`);
  }
  return findArticleView(knex, slug, locale, published);
}

/** Builds the views of every article when there are none (a database that predates the read model, or a bulk load). */
export async function rebuildArticleViewsIfEmpty(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const [{ n }] = (await knex(VIEWS_TABLE).count({ n: '*' })) as Array<{ n: number | string }>;
  if (Number(n) > 0) return;
  await rebuildAllArticleViews(strapi);
}

export async function rebuildAllArticleViews(strapi: Core.Strapi, batch = 100): Promise<number> {
  const knex = strapi.db.connection as unknown as Knex;
  const ids = ((await knex('articles').distinct('document_id')) as Array<{ document_id: string }>).map((r) => r.document_id);
  for (let i = 0; i < ids.length; i += batch) {
    await strapi.db.transaction(({ trx }) => rebuildArticleViews(strapi, trx as unknown as Knex, ids.slice(i, i + batch)));
  }
  if (ids.length > 0) strapi.log.info(`[views] built the views of ${ids.length} articles`);
  return ids.length;
}

export interface ArticleViewRows {
  views: Array<{ documentId: string; locale: string; body: string }>;
  /** Every document any of these articles' views contains, the articles included (for cache tags). */
  dependencies: string[];
}

/** The stored views of these article versions (one status), with the documents they contain. */
export async function findArticleViews(
  knex: Knex,
  versions: ReadonlyArray<{ documentId: string; locale: string }>,
  published: boolean,
  withDependencies = true,
): Promise<ArticleViewRows> {
  if (versions.length === 0) return { views: [], dependencies: [] };
  const documentIds = [...new Set(versions.map((v) => v.documentId))];
  const locales = [...new Set(versions.map((v) => v.locale))];
  const [rows, deps] = await Promise.all([
    knex(VIEWS_TABLE).whereIn('document_id', documentIds).whereIn('locale', locales).andWhere({ published }).select('document_id', 'locale', 'body') as Promise<
      Array<{ document_id: string; locale: string; body: string }>
    >,
    withDependencies
      ? (knex(VIEW_DEPS_TABLE).whereIn('article_document_id', documentIds).distinct('dependency_document_id') as Promise<
          Array<{ dependency_document_id: string }>
        >)
      : Promise.resolve([]),
  ]);
  return {
    views: rows.map((row) => ({ documentId: row.document_id, locale: row.locale, body: row.body })),
    dependencies: [...new Set([...documentIds, ...deps.map((d) => d.dependency_document_id)])],
  };
}
