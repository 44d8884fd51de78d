import { mkdtempSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { describeBadLine, parseLine, readLines } from './lines';

const bundle = {
  version: 1,
  article: { slug: 'a', headline: { ar: 'خبر', en: 'Story' }, body: { ar: ['نص'], en: ['Text'] }, publishedDate: '2024-01-01', people: ['someone'] },
};

describe('parseLine', () => {
  it('skips blank lines', () => {
    expect(parseLine({ line: 1, text: '   ' })).toEqual({ kind: 'blank' });
  });

  it('reads a bundle and the slugs it uses without defining them', () => {
    const parsed = parseLine({ line: 4, text: JSON.stringify(bundle) });
    expect(parsed.kind).toBe('bundle');
    if (parsed.kind !== 'bundle') return;
    expect(parsed.item.line).toBe(4);
    expect(parsed.item.externalReferences).toEqual([{ kind: 'person', slug: 'someone', path: 'article.people[0]' }]);
  });

  it('names the problem of a line that is not JSON', () => {
    const parsed = parseLine({ line: 2, text: '{"version": 1,' });
    expect(parsed).toMatchObject({ kind: 'bad', line: 2 });
    if (parsed.kind === 'bad') expect(parsed.problems[0]).toMatch(/^is not valid JSON \(/);
  });

  it('names each schema problem by its path', () => {
    const broken = { ...bundle, article: { ...bundle.article, headline: { ar: 'خبر' } } };
    expect(parseLine({ line: 17, text: JSON.stringify(broken) })).toEqual({ kind: 'bad', line: 17, problems: ['article.headline.en: is required'] });
  });

  it('reports one line per problem, prefixed with the line number', () => {
    expect(describeBadLine(17, ['article.headline.en: is required', 'quotes[0].slug: bad'])).toEqual([
      'line 17: article.headline.en: is required',
      'line 17: quotes[0].slug: bad',
    ]);
  });
});

describe('readLines', () => {
  it('numbers the lines from 1 and counts the bytes read, Arabic included', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lines-')), 'a.ndjson');
    writeFileSync(file, 'ab\r\nعربي\n\nlast');
    const lines = [];
    for await (const line of readLines(file)) lines.push(line);
    expect(lines).toEqual([
      { line: 1, text: 'ab', bytesRead: 3 },
      { line: 2, text: 'عربي', bytesRead: 3 + 9 },
      { line: 3, text: '', bytesRead: 13 },
      { line: 4, text: 'last', bytesRead: 18 },
    ]);
  });
});
