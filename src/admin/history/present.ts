import { diffWords } from 'diff';

/**
 * How the History panel shows revisions: each field's value as readable text (an
 * article's body as its paragraphs, relations as their ids, components line by
 * line), and two revisions side by side, field by field, with the words that
 * changed marked. Pure: tested in present.test.ts.
 */

export type Snapshot = Record<string, unknown>;

interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

const isBlocks = (value: unknown[]): value is BlockNode[] =>
  value.every((node) => node !== null && typeof node === 'object' && 'type' in node && 'children' in node);

const textOf = (node: BlockNode): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(''));

export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length > 0 && isBlocks(value)) return value.map(textOf).join('\n\n');
    return value.map(valueText).join('\n');
  }
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join(' · ');
  return String(value);
}

export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Field by field, in the snapshot's own order; a deletion's side is empty. */
export function diffRows(before: Snapshot | null, after: Snapshot | null): DiffRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const a = valueText(before?.[field]);
    const b = valueText(after?.[field]);
    return { field, before: a, after: b, changed: a !== b };
  });
}

export interface Part {
  text: string;
  kind: 'same' | 'removed' | 'added';
}

// jsdiff's own tokenizer knows Latin letters only and cuts Arabic words into letters; the platform's word segmenter knows both.
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The words of `before` and `after`, with what one side lacks marked. */
export function wordParts(before: string, after: string): { before: Part[]; after: Part[] } {
  const parts = diffWords(before, after, { intlSegmenter: words });
  return {
    before: parts.filter((p) => !p.added).map((p) => ({ text: p.value, kind: p.removed ? 'removed' : 'same' })),
    after: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, kind: p.added ? 'added' : 'same' })),
  };
}
