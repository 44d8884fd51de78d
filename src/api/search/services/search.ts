import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { draftReadAllowed, DRAFTS_NEED_TOKEN_MESSAGE } from '../../../access/draft-access';
import { parseSearchParams, type SearchParams } from '../../../search/params';
import { searchCountQuery, searchPageQuery } from '../../../search/query';
import { blocksToPlainText, SEARCH_UIDS, type SearchType } from '../../../search/searchable';
import { snippet } from '../../../search/snippet';
import { docTag, tagCurrentResponse } from '../../../cache/tags';
import { storedArticles } from '../../../article-views/search-cards';
import { responseCache } from '../../../cache/response-cache';
import { searchGroup, searchMember, searchTag } from '../../../search/cache-rules';

type Row = Record<string, unknown> & { documentId: string };

export interface SearchHit {
  type: SearchType;
  documentId: string;
  slug: string | null;
  locale: string;
  title: string;
  snippet: string;
  score: number;
  /** Quotes: who said it and through which outlet; null for other types. */
  speaker: Row | null;
  speakerOrganization: Row | null;
  source: Row | null;
  /** Quotes: the article they appear in. */
  article: Row | null;
}

export interface SearchResult {
  hits: SearchHit[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

/** How the request authenticated, as the content API recorded it (for the draft rule). */
export interface SearchCaller {
  strategy: string | undefined;
}

const POPULATE: Record<SearchType, Record<string, unknown>> = {
  article: {},
  person: {},
  quote: {
    speaker: { fields: ['documentId', 'slug', 'name', 'jobTitle'] },
    speakerOrganization: { fields: ['documentId', 'slug', 'name', 'shortName'] },
    source: { fields: ['documentId', 'slug', 'name', 'shortName', 'kind'] },
    article: { fields: ['documentId', 'slug', 'headline'] },
  },
};

function hitText(type: SearchType, doc: Row): { title: string; text: string } {
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  if (type === 'article') {
    return { title: str(doc.headline), text: [str(doc.summary), blocksToPlainText(doc.body)].filter(Boolean).join(' ') };
  }
  if (type === 'quote') return { title: str(doc.text), text: str(doc.text) };
  const aliases = Array.isArray(doc.aliases) ? (doc.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  return { title: str(doc.name), text: [str(doc.name), ...aliases].join(' · ') };
}

/**
 * Search over articles, quotes and people, Arabic-aware: the query and the index
 * are normalized the same way (src/domain/search/normalize.ts). Ranked and paged in
 * SQL over the search index; the documents themselves are then read from the article
 * read model (articles) or through the Document Service (the rest, and any article
 * without a view row), so what is returned is exactly what the content API would show
 * for that locale and status.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  parse(input: unknown): SearchParams {
    const parsed = parseSearchParams(input);
    if (!parsed.ok) throw new errors.ValidationError(parsed.problems.join('; '), { errors: parsed.problems.map((message) => ({ message })) });
    return parsed.params;
  },

  async search(params: SearchParams, caller: SearchCaller): Promise<SearchResult> {
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const locale = params.locale ?? defaultLocale;
    const known: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    if (!known.some((l) => l.code === locale)) {
      throw new errors.ValidationError(
        `Unknown locale "${locale}". Available locales: ${known
          .map((l) => l.code)
          .sort()
          .join(', ')}.`,
      );
    }
    if (!draftReadAllowed({ status: params.status, strategy: caller.strategy })) throw new errors.PolicyError(DRAFTS_NEED_TOKEN_MESSAGE);

    // The index query tags nothing by itself (reads through the Document Service tag themselves): the answer depends on
    // the index rows matching its terms, which the writes that reach them evict (src/search/cache-rules.ts). Watched
    // before the query runs, so a write committing meanwhile finds it and the stale answer is not stored.
    const state = strapi.requestContext.get()?.state as { cacheTags?: Set<string> } | undefined;
    const cache = responseCache();
    if (state?.cacheTags && cache) {
      const group = searchGroup(locale, params.status === 'published');
      const member = searchMember(params.terms);
      await cache.watch(group, member);
      tagCurrentResponse(state, [searchTag(group, member)]);
    }
    const query = {
      terms: params.terms,
      types: params.types,
      locale,
      published: params.status === 'published',
      limit: params.pageSize,
      offset: (params.page - 1) * params.pageSize,
    };
    const knex = strapi.db.connection;
    const [matches, [count]] = await Promise.all([
      searchPageQuery(knex, query) as unknown as Promise<Array<{ type: SearchType; document_id: string; score: number | string }>>,
      searchCountQuery(knex, query) as unknown as Promise<Array<{ total: number | string }>>,
    ]);
    const total = Number(count?.total ?? 0);

    const documents = new Map<string, Row>();
    for (const type of new Set(matches.map((m) => m.type))) {
      let ids = matches.filter((m) => m.type === type).map((m) => m.document_id);
      if (type === 'article') {
        // The article read model holds each article exactly as the content API shows it; only what it lacks is read below.
        const stored = await storedArticles(strapi, ids, locale, params.status === 'published');
        stored.forEach((doc) => documents.set(`article:${doc.documentId}`, doc));
        tagCurrentResponse(state, [...stored.keys()].map(docTag));
        ids = ids.filter((id) => !stored.has(id));
        if (ids.length === 0) continue;
      }
      const docs = (await strapi.documents(SEARCH_UIDS[type]).findMany({
        filters: { documentId: { $in: ids } },
        locale,
        status: params.status,
        populate: POPULATE[type],
        limit: ids.length,
      } as never)) as unknown as Row[];
      docs.forEach((doc) => documents.set(`${type}:${doc.documentId}`, doc));
    }

    const hits: SearchHit[] = [];
    for (const match of matches) {
      const doc = documents.get(`${match.type}:${match.document_id}`);
      // The index and the documents are written in one transaction; a miss means a write landed in between.
      if (!doc) continue;
      const { title, text } = hitText(match.type, doc);
      const pick = (key: string) => (match.type === 'quote' ? ((doc[key] as Row | null | undefined) ?? null) : null);
      hits.push({
        type: match.type,
        documentId: doc.documentId,
        slug: typeof doc.slug === 'string' ? doc.slug : null,
        locale,
        title,
        snippet: snippet(text, params.terms),
        score: Number(match.score),
        speaker: pick('speaker'),
        speakerOrganization: pick('speakerOrganization'),
        source: pick('source'),
        article: pick('article'),
      });
    }
    return {
      hits,
      pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total },
    };
  },
});
