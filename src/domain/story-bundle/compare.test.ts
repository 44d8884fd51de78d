import fc from 'fast-check';
import { relatedIds, storedMatches } from './compare';
import type { DocumentData } from './to-documents';

const documentId = fc.stringMatching(/^[a-z0-9]{24}$/);
const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));

const desiredData: fc.Arbitrary<DocumentData> = fc.record({
  fields: fc.record({
    slug: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    name: fc.string(),
    summary: fc.option(fc.string(), { nil: null }),
    aliases: fc.array(fc.string(), { maxLength: 4 }),
    figures: fc.array(fc.record({ value: fc.double({ noNaN: true, noDefaultInfinity: true }), label: fc.string(), unit: scalar }), {
      maxLength: 3,
    }),
  }),
  relations: fc.record({
    people: fc.uniqueArray(documentId, { maxLength: 4 }),
    publisher: fc.uniqueArray(documentId, { maxLength: 1 }),
  }),
});

/** What the Document Service returns for data it stored: ids on components, relations as objects. */
function asStored(desired: DocumentData): Record<string, unknown> {
  const figures = (desired.fields.figures as Array<Record<string, unknown>>).map((f, i) => ({ id: i + 1, ...f }));
  return {
    id: 7,
    documentId: 'stored',
    ...desired.fields,
    figures,
    people: desired.relations.people!.map((id) => ({ id: 1, documentId: id })),
    publisher: desired.relations.publisher!.length ? { id: 2, documentId: desired.relations.publisher![0] } : null,
  };
}

describe('storedMatches', () => {
  it('holds for any document as the Document Service stores it', () => {
    fc.assert(fc.property(desiredData, (desired) => storedMatches(asStored(desired), desired)));
  });

  it('fails when any one field differs', () => {
    fc.assert(
      fc.property(desiredData, fc.string({ minLength: 1 }), (desired, extra) => {
        const stored = { ...asStored(desired), name: `${String(desired.fields.name)}${extra}` };
        return !storedMatches(stored, desired);
      }),
    );
  });

  it('fails when relations differ in membership or order', () => {
    fc.assert(
      fc.property(
        desiredData.filter((d) => d.relations.people!.length >= 2),
        (desired) => {
          const reversed = { ...asStored(desired), people: [...desired.relations.people!].reverse().map((id) => ({ documentId: id })) };
          const fewer = { ...asStored(desired), people: desired.relations.people!.slice(1).map((id) => ({ documentId: id })) };
          return !storedMatches(reversed, desired) && !storedMatches(fewer, desired);
        },
      ),
    );
  });

  it('treats decimals returned as strings as equal numbers', () => {
    const desired: DocumentData = { fields: { figures: [{ value: 2100, label: 'x' }] }, relations: {} };
    expect(storedMatches({ figures: [{ id: 1, value: '2100', label: 'x' }] }, desired)).toBe(true);
    expect(storedMatches({ figures: [{ id: 1, value: '1800', label: 'x' }] }, desired)).toBe(false);
  });
});

describe('relatedIds', () => {
  it('reads to-one, to-many and empty relations', () => {
    expect(relatedIds(null)).toEqual([]);
    expect(relatedIds({ documentId: 'a' })).toEqual(['a']);
    expect(relatedIds([{ documentId: 'a' }, { documentId: 'b' }])).toEqual(['a', 'b']);
  });
});
