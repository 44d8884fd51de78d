import type { LinkedRow } from './linked-documents';

/**
 * The locales whose stored rows a write changed: those whose rows (every column, every
 * relation and media link, draft and published) differ before and after it. Relations
 * link same-locale versions, so what any other document shows in locale L (an article's
 * view, a quote's search row naming its speaker) can only change through this document's
 * rows in L. A locale Strapi touched behind the caller's back (a shared field copied
 * into it, locale-sync relinking it) differs too, so it is included.
 */
export function changedLocales(rowsBefore: readonly LinkedRow[], rowsAfter: readonly LinkedRow[]): string[] {
  const before = rowsByLocale(rowsBefore);
  const after = rowsByLocale(rowsAfter);
  const changed: string[] = [];
  for (const locale of new Set([...before.keys(), ...after.keys()])) if (before.get(locale) !== after.get(locale)) changed.push(locale);
  return changed.sort();
}

/** Each locale's rows as one canonical text: draft first, then published, keys sorted at every depth. */
function rowsByLocale(rows: readonly LinkedRow[]): Map<string, string> {
  const grouped = new Map<string, LinkedRow[]>();
  for (const row of rows) grouped.set(row.locale, [...(grouped.get(row.locale) ?? []), row]);
  const texts = new Map<string, string>();
  for (const [locale, group] of grouped) {
    const ordered = [...group].sort((a, b) => Number(a.publishedAt !== null) - Number(b.publishedAt !== null) || a.id - b.id);
    texts.set(locale, canonical(ordered));
  }
  return texts;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
