import { describeGaps, planLocaleSync, relationSpecified } from './plan';

const araji = { documentId: 'p-araji', label: 'قاسم الأعرجي' };
const brennan = { documentId: 'p-brennan', label: 'جون برينان' };
const nina = { documentId: 's-nina', label: 'نينا' };

describe('relationSpecified', () => {
  it.each([
    [undefined, false],
    [null, false],
    [[], false],
    [{ connect: [], disconnect: [] }, false],
    [{}, false],
    [['doc1'], true],
    ['doc1', true],
    [{ connect: [{ documentId: 'doc1' }] }, true],
    [{ disconnect: [{ documentId: 'doc1' }] }, true],
    [{ set: [] }, true],
  ])('%p -> %s', (value, expected) => {
    expect(relationSpecified(value)).toBe(expected);
  });
});

describe('planLocaleSync', () => {
  const existing = new Set(['p-araji', 's-nina']);
  const existsInLocale = (_field: string, id: string) => existing.has(id);

  it('links same-locale versions in the default locale order and reports the rest', () => {
    const plan = planLocaleSync({
      locale: 'en',
      defaultRelations: { people: [araji, brennan], sources: [nina], publisher: [] },
      specified: new Set(),
      existsInLocale,
    });
    expect(plan).toEqual({
      fill: { people: ['p-araji'], sources: ['s-nina'] },
      gaps: [{ field: 'people', documentId: 'p-brennan', label: 'جون برينان', locale: 'en' }],
    });
    expect(describeGaps(plan.gaps)).toBe('people: "جون برينان" (p-brennan) has no en version');
  });

  it('leaves relations the write specifies to the writer', () => {
    const plan = planLocaleSync({
      locale: 'en',
      defaultRelations: { people: [araji, brennan], sources: [nina] },
      specified: new Set(['people']),
      existsInLocale,
    });
    expect(plan).toEqual({ fill: { sources: ['s-nina'] }, gaps: [] });
  });
});
