import type { LinkedRow } from '../write-pipeline/linked-documents';
import { fingerprint, publicChanges } from './events';

const row = (locale: string, published: boolean, fields: Record<string, unknown> = {}, id = 1): LinkedRow => ({
  id,
  locale,
  publishedAt: published ? '2026-12-01T10:00:00.000Z' : null,
  documentId: 'doc1',
  slug: `story-${locale}`,
  ...fields,
});

describe('publicChanges', () => {
  it('is nothing for a draft save', () => {
    expect(publicChanges([row('ar', false, { name: 'a' })], [row('ar', false, { name: 'b' })], 'update')).toEqual([]);
  });

  it('is a publish when a locale gets its first public version', () => {
    expect(publicChanges([row('ar', false)], [row('ar', false), row('ar', true, {}, 2)], 'publish')).toEqual([
      { locale: 'ar', type: 'entry.published', slug: 'story-ar' },
    ]);
  });

  it('is an update when the public version shows something else, and nothing when only row ids changed', () => {
    expect(publicChanges([row('ar', true, { name: 'a' }, 2)], [row('ar', true, { name: 'b' }, 3)], 'publish')).toEqual([
      { locale: 'ar', type: 'entry.updated', slug: 'story-ar' },
    ]);
    const linked = (id: number) => row('ar', true, { people: [{ id, documentId: 'p1' }] }, id);
    expect(publicChanges([linked(5)], [linked(9)], 'update')).toEqual([]);
  });

  it('is an unpublish, or a deletion for a delete, when a public version goes away', () => {
    expect(publicChanges([row('ar', true), row('en', true)], [row('en', true)], 'unpublish')).toEqual([
      { locale: 'ar', type: 'entry.unpublished', slug: 'story-ar' },
    ]);
    expect(publicChanges([row('ar', true), row('ar', false)], [], 'delete')).toEqual([{ locale: 'ar', type: 'entry.deleted', slug: 'story-ar' }]);
  });

  it('sees a shared field Strapi copied into another locale', () => {
    expect(
      publicChanges(
        [row('ar', true, { ordering: 1 }), row('en', true, { ordering: 1 })],
        [row('ar', true, { ordering: 2 }), row('en', true, { ordering: 2 })],
        'update',
      ),
    ).toEqual([
      { locale: 'ar', type: 'entry.updated', slug: 'story-ar' },
      { locale: 'en', type: 'entry.updated', slug: 'story-en' },
    ]);
  });
});

describe('fingerprint', () => {
  it('ignores key order and ids, and reads dates as instants', () => {
    expect(fingerprint({ b: 1, a: [{ id: 3, x: new Date(0) }] })).toBe(fingerprint({ a: [{ x: new Date(0), id: 4 }], b: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});
