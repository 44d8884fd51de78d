import type { LinkedRow } from '../write-pipeline/linked-documents';

/**
 * Which public changes a write made, per locale: the rule that turns the document's
 * rows before and after a write into webhook events. Only the published version is
 * public, so a draft save is no event; a publish over a published version is an update.
 */
export type WebhookEventType = 'entry.published' | 'entry.updated' | 'entry.unpublished' | 'entry.deleted';

export interface PublicChange {
  locale: string;
  type: WebhookEventType;
  slug: string | null;
}

interface PublicVersion {
  slug: string | null;
  fingerprint: string;
}

/**
 * What a published row shows, as text. Row ids are left out at every depth: Strapi gives
 * a republished version (and a relation's target) new row ids without changing what it shows.
 */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== 'id')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${fingerprint(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The published version of each locale. */
export function publicVersions(rows: readonly LinkedRow[]): Map<string, PublicVersion> {
  const versions = new Map<string, PublicVersion>();
  for (const row of rows) {
    if (row.publishedAt === null || row.publishedAt === undefined) continue;
    versions.set(row.locale, { slug: typeof row.slug === 'string' ? row.slug : null, fingerprint: fingerprint(row) });
  }
  return versions;
}

/** One change per locale whose public version appeared, changed or went away. */
export function publicChanges(before: readonly LinkedRow[], after: readonly LinkedRow[], action: string): PublicChange[] {
  const was = publicVersions(before);
  const is = publicVersions(after);
  const changes: PublicChange[] = [];
  for (const [locale, version] of is) {
    const previous = was.get(locale);
    if (!previous) changes.push({ locale, type: 'entry.published', slug: version.slug });
    else if (previous.fingerprint !== version.fingerprint) changes.push({ locale, type: 'entry.updated', slug: version.slug });
  }
  for (const [locale, version] of was) {
    if (is.has(locale)) continue;
    changes.push({ locale, type: action === 'delete' ? 'entry.deleted' : 'entry.unpublished', slug: version.slug });
  }
  return changes.sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
}
