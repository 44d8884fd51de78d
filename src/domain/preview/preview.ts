/**
 * Strapi 5's preview button: it opens the frontend's page for the document being
 * edited. The frontend URL and the page's path come from the environment
 * (src/settings/preview.ts); with no FRONTEND_URL, preview is off (Strapi then
 * offers "Set up preview" to admins).
 */

export const DEFAULT_PREVIEW_PATH = '/{locale}/articles/{slug}';

export interface PreviewTarget {
  locale: string;
  slug: string;
  documentId: string;
  status: 'draft' | 'published';
}

export interface PreviewSettings {
  frontendUrl: string;
  pathTemplate: string;
  /** Sent as `?secret=` so the frontend can verify the request before showing drafts. */
  secret: string | null;
}

/** The frontend URL for one document: placeholders {locale}, {slug}, {documentId}, {status}, URL-encoded. */
export function previewUrl(settings: PreviewSettings, target: PreviewTarget): string {
  const path = settings.pathTemplate.replace(/\{(locale|slug|documentId|status)\}/g, (_match, key: keyof PreviewTarget) => encodeURIComponent(target[key]));
  const url = new URL(`${settings.frontendUrl}${path}`);
  if (target.status === 'draft') url.searchParams.set('status', 'draft');
  if (settings.secret) url.searchParams.set('secret', settings.secret);
  return url.toString();
}
