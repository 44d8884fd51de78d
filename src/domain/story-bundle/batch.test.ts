import { lastDefinitions, screenBatch, type BatchItem, type StoredFacts } from './batch';
import { parseStoryBundle } from './validate';
import type { StoryBundleInput } from './schema';

const L = (text: string) => ({ ar: `${text} ع`, en: text });

function item(line: number, input: Partial<StoryBundleInput> & { slug: string }): BatchItem {
  const { slug, ...rest } = input;
  const parsed = parseStoryBundle({
    version: 1,
    article: { slug, headline: L('Headline'), body: { ar: ['نص'], en: ['Body'] }, publishedDate: '2024-01-01', ...(rest.article ?? {}) },
    ...rest,
  });
  return { line, ...parsed };
}

const nothingStored: StoredFacts = {
  referenceProblem: (kind, slug) => `no ${kind} with slug "${slug}" in this bundle, the database or an earlier line`,
  quoteOwner: () => undefined,
};

const person = (slug: string) => ({ slug, name: L('Name') });

describe('screenBatch', () => {
  it('accepts a reference to what an earlier bundle of the batch defines, and rejects one to an unknown slug with its path', () => {
    const first = item(1, {
      slug: 'a',
      people: [person('p1')],
      article: { slug: 'a', headline: L('A'), body: { ar: ['x'], en: ['x'] }, publishedDate: '2024-01-01', people: ['p1'] },
    });
    const second = item(2, {
      slug: 'b',
      article: { slug: 'b', headline: L('B'), body: { ar: ['x'], en: ['x'] }, publishedDate: '2024-01-01', people: ['p1'] },
    });
    const third = item(3, { slug: 'c', article: { slug: 'c', headline: L('C'), body: { ar: ['x'], en: ['x'] }, publishedDate: '2024-01-01', people: ['p9'] } });
    const { accepted, rejected } = screenBatch([first, second, third], nothingStored);
    expect(accepted.map((i) => i.line)).toEqual([1, 2]);
    expect(rejected).toEqual([{ line: 3, problems: ['article.people[0]: no person with slug "p9" in this bundle, the database or an earlier line'] }]);
  });

  it('does not let a rejected bundle define anything for later bundles', () => {
    const bad = item(1, {
      slug: 'a',
      people: [person('p1')],
      article: { slug: 'a', headline: L('A'), body: { ar: ['x'], en: ['x'] }, publishedDate: '2024-01-01', people: ['p1'], sources: ['unknown'] },
    });
    const later = item(2, { slug: 'b', article: { slug: 'b', headline: L('B'), body: { ar: ['x'], en: ['x'] }, publishedDate: '2024-01-01', people: ['p1'] } });
    const { accepted, rejected } = screenBatch([bad, later], nothingStored);
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => r.line)).toEqual([1, 2]);
  });

  it('uses what the database holds, and refuses a quote slug another article owns', () => {
    const stored: StoredFacts = { referenceProblem: () => null, quoteOwner: (slug) => (slug === 'taken-q1' ? 'other' : undefined) };
    const quote = { slug: 'taken-q1', position: 1, kind: 'indirect' as const, text: L('Said'), speaker: 'p1' };
    const bundle = item(7, {
      slug: 'a',
      article: { slug: 'a', headline: L('A'), body: { ar: ['x'], en: ['x'] }, publishedDate: '2024-01-01', people: ['p1'] },
      quotes: [quote],
    });
    expect(screenBatch([bundle], stored).rejected).toEqual([
      { line: 7, problems: ['quotes[0].slug: "taken-q1" already belongs to the article "other"; quote slugs must be unique across articles'] },
    ]);
  });
});

describe('lastDefinitions', () => {
  it('keeps one entry per slug, the last one, in first-seen order', () => {
    expect(
      lastDefinitions([
        [{ slug: 'a', v: 1 }],
        [
          { slug: 'b', v: 2 },
          { slug: 'a', v: 3 },
        ],
      ]),
    ).toEqual([
      { slug: 'a', v: 3 },
      { slug: 'b', v: 2 },
    ]);
  });
});
