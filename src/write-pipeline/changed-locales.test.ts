import { changedLocales } from './changed-locales';
import type { LinkedRow } from './linked-documents';

const row = (id: number, locale: string, published: boolean, fields: Record<string, unknown> = {}): LinkedRow => ({
  id,
  locale,
  publishedAt: published ? new Date('2026-12-07T10:00:00Z') : null,
  ...fields,
});

describe('changedLocales', () => {
  const before = [
    row(1, 'ar', false, { summary: 'أ' }),
    row(2, 'ar', true, { summary: 'أ' }),
    row(3, 'en', false, { summary: 'a' }),
    row(4, 'en', true, { summary: 'a' }),
  ];

  it('is only the written locale when the other locale kept its rows', () => {
    const after = [row(1, 'ar', false, { summary: 'ب' }), row(5, 'ar', true, { summary: 'ب' }), before[2]!, before[3]!];
    expect(changedLocales(before, after)).toEqual(['ar']);
  });

  it('includes a locale whose row Strapi rewrote (a shared field copied into it)', () => {
    const after = [before[0]!, before[1]!, row(3, 'en', false, { summary: 'a', publishedDate: '2026-12-08' }), before[3]!];
    expect(changedLocales(before, after)).toEqual(['en']);
  });

  it('includes a locale whose links changed, whatever their order of keys', () => {
    const linked = (people: string[]) => row(3, 'en', false, { summary: 'a', people: people.map((documentId) => ({ id: 9, documentId })) });
    const a = [before[0]!, linked(['p1'])];
    expect(changedLocales(a, [before[0]!, linked(['p1', 'p2'])])).toEqual(['en']);
    const reordered = { ...before[0]!, summary: 'أ', locale: 'ar', id: 1, publishedAt: null } as LinkedRow;
    expect(changedLocales(a, [reordered, linked(['p1'])])).toEqual([]);
  });

  it('is every locale of a created or deleted document', () => {
    expect(changedLocales([], before)).toEqual(['ar', 'en']);
    expect(changedLocales(before, [])).toEqual(['ar', 'en']);
  });

  it('counts a publish as a change of that locale only (the published row is new)', () => {
    const draftsOnly = [before[0]!, before[2]!];
    expect(changedLocales(draftsOnly, [...draftsOnly, row(7, 'en', true, { summary: 'a' })])).toEqual(['en']);
  });

  it('is nothing when no row changed', () => {
    expect(changedLocales(before, [...before].reverse())).toEqual([]);
  });
});
