/**
 * Relations in Strapi 5 are per locale: a new English version of an article starts
 * with no people, sources or quotes, and an editor would have to link each one again.
 * This plans how to fill a new localization's relations from the default-locale
 * version: link the same-locale version of each related document where it exists,
 * and report the ones that have no version in that locale yet.
 */

export interface RelatedDocument {
  documentId: string;
  /** What an editor calls it (name, headline, text), from the default locale. */
  label: string;
}

export interface TranslationGap {
  field: string;
  documentId: string;
  label: string;
  locale: string;
}

export interface LocaleSyncPlan {
  /** Relation field -> documentIds to link, in the default locale's order. */
  fill: Record<string, string[]>;
  gaps: TranslationGap[];
}

/**
 * Whether a write payload says anything about a relation. The admin sends
 * `{ connect: [], disconnect: [] }` for relations the editor did not touch; that,
 * like an absent key or null, leaves the relation to the sync. Anything else (ids,
 * a non-empty connect, any `set`) is the writer's explicit choice and wins.
 */
export function relationSpecified(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const ops = value as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] };
    if (ops.set !== undefined) return true;
    return (ops.connect?.length ?? 0) > 0 || (ops.disconnect?.length ?? 0) > 0;
  }
  return true;
}

export function planLocaleSync(input: {
  locale: string;
  /** Relation field -> what the default-locale version links to. */
  defaultRelations: Record<string, RelatedDocument[]>;
  /** Relation fields the write already specifies. */
  specified: ReadonlySet<string>;
  /** Whether a related document has a version in the new locale. */
  existsInLocale: (field: string, documentId: string) => boolean;
}): LocaleSyncPlan {
  const fill: Record<string, string[]> = {};
  const gaps: TranslationGap[] = [];
  for (const [field, related] of Object.entries(input.defaultRelations)) {
    if (input.specified.has(field) || related.length === 0) continue;
    fill[field] = [];
    for (const document of related) {
      if (input.existsInLocale(field, document.documentId)) fill[field]!.push(document.documentId);
      else gaps.push({ field, documentId: document.documentId, label: document.label, locale: input.locale });
    }
  }
  return { fill, gaps };
}

export function describeGaps(gaps: TranslationGap[]): string {
  return gaps.map((g) => `${g.field}: "${g.label}" (${g.documentId}) has no ${g.locale} version`).join('; ');
}
