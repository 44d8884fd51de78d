import { DEFAULT_PREVIEW_PATH, type PreviewSettings } from '../domain/preview/preview';
import type { Environment } from './environment';

export class PreviewSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'PreviewSettingsError';
  }
}

/** Preview settings from the environment, or null when preview is off (no FRONTEND_URL). */
export function previewSettings(environment: Environment): PreviewSettings | null {
  const raw = environment.FRONTEND_URL?.trim();
  if (!raw) return null;
  const problems: string[] = [];
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`FRONTEND_URL must be an absolute URL such as https://www.example.org; got "${raw}".`);
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`FRONTEND_URL must use http or https; got "${raw}".`);
  const pathTemplate = environment.PREVIEW_PATH?.trim() || DEFAULT_PREVIEW_PATH;
  if (!pathTemplate.startsWith('/')) problems.push(`PREVIEW_PATH must start with "/"; got "${pathTemplate}".`);
  if (problems.length > 0) throw new PreviewSettingsError(problems);
  return { frontendUrl: raw.replace(/\/+$/, ''), pathTemplate, secret: environment.PREVIEW_SECRET?.trim() || null };
}
