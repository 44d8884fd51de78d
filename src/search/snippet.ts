import { normalizeWithMap } from './normalize';

/**
 * A short excerpt of the original text around the first match of any term, with
 * the source's own spelling (the match is found in normalized text and mapped
 * back). Without a match, the text's beginning.
 */
export function snippet(original: string, terms: string[], width = 160): string {
  const text = original.replace(/\s+/g, ' ').trim();
  if (text.length <= width) return text;
  const { normalized, sourceIndex } = normalizeWithMap(text);
  const positions = terms.map((t) => normalized.indexOf(t)).filter((p) => p >= 0);
  const at = positions.length > 0 ? (sourceIndex[Math.min(...positions)] as number) : 0;

  let start = Math.max(0, at - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, end - width);
  // Cut at word boundaries so no word is shown in part.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
}
