import { DEFAULT_PREVIEW_PATH, type PreviewSettings } from '../preview/preview';
import type { FormatLinks } from './article-view';

export interface LinkSettings {
  /** Where the content API is reachable, e.g. https://cms.example.org (no trailing slash). */
  apiBase: string;
  /** The reader-facing site, e.g. https://www.example.org; null when there is none. */
  frontendUrl: string | null;
  /** The site's article path, with {locale}, {slug} and {documentId} placeholders. */
  articlePath: string;
}

/**
 * The one way the article-linking answers (formats, feeds, sitemaps) point at an
 * article: the frontend's page as preview opens it, or the API when there is no frontend.
 */
export function linkSettings(apiBase: string, preview: PreviewSettings | null): LinkSettings {
  return { apiBase, frontendUrl: preview?.frontendUrl ?? null, articlePath: preview?.pathTemplate ?? DEFAULT_PREVIEW_PATH };
}

/** Stable URIs for the formats: API URLs for entities, the site's page (or the API URL) for articles. */
export function formatLinks({ apiBase, frontendUrl, articlePath }: LinkSettings): FormatLinks {
  const base = apiBase.replace(/\/+$/, '');
  const documentUri: FormatLinks['documentUri'] = (collection, documentId, locale) =>
    `${base}/api/${collection}/${encodeURIComponent(documentId)}?locale=${encodeURIComponent(locale)}`;
  return {
    documentUri,
    articleUrl(documentId, slug, locale) {
      if (!frontendUrl) return documentUri('articles', documentId, locale);
      const path = articlePath.replace(/\{(locale|slug|documentId)\}/g, (_m, key: string) =>
        encodeURIComponent(key === 'locale' ? locale : key === 'slug' ? slug : documentId),
      );
      return `${frontendUrl.replace(/\/+$/, '')}${path}`;
    },
  };
}
