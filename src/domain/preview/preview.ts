/**
 * Strapi 5's preview button: it opens the frontend's page for the document being
 * edited. The frontend URL and the page's path come from the environment; with no
 * FRONTEND_URL, preview is off (Strapi then offers "Set up preview" to admins).
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

type Environment = Record<string, string | undefined>;

/** Preview settings from the environment, or null when preview is off. Throws on a malformed FRONTEND_URL. */
export function previewSettings(environment: Environment): PreviewSettings | null {
  const raw = environment.FRONTEND_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`FRONTEND_URL must be an absolute URL such as https://www.example.org; got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`FRONTEND_URL must use http or https; got "${raw}".`);
  const pathTemplate = environment.PREVIEW_PATH?.trim() || DEFAULT_PREVIEW_PATH;
  if (!pathTemplate.startsWith('/')) throw new Error(`PREVIEW_PATH must start with "/"; got "${pathTemplate}".`);
  return { frontendUrl: raw.replace(/\/+$/, ''), pathTemplate, secret: environment.PREVIEW_SECRET?.trim() || null };
}

/** The frontend URL for one document: placeholders {locale}, {slug}, {documentId}, {status}, URL-encoded. */
export function previewUrl(settings: PreviewSettings, target: PreviewTarget): string {
  const path = settings.pathTemplate.replace(/\{(locale|slug|documentId|status)\}/g, (_match, key: keyof PreviewTarget) =>
    encodeURIComponent(target[key]),
  );
  const url = new URL(`${settings.frontendUrl}${path}`);
  if (target.status === 'draft') url.searchParams.set('status', 'draft');
  if (settings.secret) url.searchParams.set('secret', settings.secret);
  return url.toString();
}
