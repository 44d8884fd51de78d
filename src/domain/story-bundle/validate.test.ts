import { validateStoryBundle, parseStoryBundle, BundleValidationError, formatPath } from './validate';
import type { StoryBundleInput } from './schema';

/** A small valid bundle; each test breaks one thing. */
function bundle(): StoryBundleInput {
  return {
    version: 1,
    organizations: [{ slug: 'joc', name: { ar: 'قيادة', en: 'Command' }, kind: 'military', country: 'IQ' }],
    sources: [{ slug: 'ina', name: { ar: 'واع', en: 'INA' }, kind: 'news_agency', url: 'https://www.ina.iq' }],
    people: [{ slug: 'speaker-one', name: { ar: 'متحدث', en: 'Speaker' }, affiliation: 'joc', aliases: ['Speaker One'] }],
    article: {
      slug: 'a-story',
      headline: { ar: 'عنوان', en: 'Headline' },
      body: { ar: ['قال المتحدث "نص مباشر" اليوم.'], en: ['The speaker said "direct words" today.'] },
      publishedDate: '2024-04-28',
      people: ['speaker-one'],
      organizations: ['joc'],
      sources: ['ina'],
    },
    quotes: [{ slug: 'a-story-q1', position: 1, kind: 'direct', speaker: 'speaker-one', source: 'ina', text: { ar: 'نص مباشر', en: 'direct words' } }],
  };
}

function problemsOf(input: unknown): string[] {
  const result = validateStoryBundle(input);
  return result.ok ? [] : result.problems;
}

describe('validateStoryBundle', () => {
  it('accepts a complete bundle and fills defaults', () => {
    const result = validateStoryBundle(bundle());
    expect(result).toMatchObject({ ok: true, externalReferences: [] });
    if (result.ok) expect(result.bundle.article.figures).toEqual([]);
  });

  it('names missing translations, bad slugs, bad dates and unknown fields by path', () => {
    // A typed fixture broken on purpose, through an untyped view of it.
    const input = bundle() as unknown as { article: Record<string, unknown> };
    input.article.headline = { ar: 'عنوان' };
    input.article.slug = 'Not A Slug';
    input.article.publishedDate = '2024-02-30';
    input.article.byline = 'x';
    expect(problemsOf(input)).toEqual(
      expect.arrayContaining([
        'article.headline.en: is required',
        expect.stringMatching(/^article\.slug: must be lowercase Latin letters/),
        'article.publishedDate: is not a real calendar date',
        'article: unknown field(s) "byline"',
      ]),
    );
  });

  it('rejects a quote with neither speaker nor speakerOrganization', () => {
    const input = bundle();
    delete input.quotes![0]!.speaker;
    expect(problemsOf(input)).toContain(
      'quotes[0]: A quote must have a speaker (a person) or a speakerOrganization (for a statement issued by a body); this one has neither.',
    );
  });

  it('requires a direct quote to appear word for word in the body of each locale', () => {
    const input = bundle();
    input.quotes![0]!.text.en = 'words nobody wrote';
    expect(problemsOf(input)).toEqual(['quotes[0].text.en: a direct quote must appear word for word in article.body.en']);
  });

  it('ignores whitespace differences in the verbatim check', () => {
    const input = bundle();
    input.quotes![0]!.text.ar = 'نص\n   مباشر';
    expect(problemsOf(input)).toEqual([]);
  });

  it('requires what a quote points at to be listed on the article', () => {
    const input = bundle();
    input.article.sources = [];
    expect(problemsOf(input)).toEqual(['quotes[0].source: "ina" is not listed in article.sources']);
  });

  it('rejects duplicate slugs and duplicate quote positions', () => {
    const input = bundle();
    input.quotes!.push({ ...input.quotes![0]!, text: { ar: 'نص مباشر', en: 'direct words' } });
    expect(problemsOf(input)).toEqual(
      expect.arrayContaining(['quotes: slug "a-story-q1" is defined more than once', 'quotes[1].position: 1 is already used by quotes[0]']),
    );
  });

  it('reports slugs the bundle uses but does not define as external references', () => {
    const input = bundle();
    input.article.people = ['speaker-one', 'qasim-al-araji'];
    input.article.publisher = 'al-bawaba-news';
    const result = validateStoryBundle(input);
    expect(result).toMatchObject({
      ok: true,
      externalReferences: [
        { kind: 'organization', slug: 'al-bawaba-news', path: 'article.publisher' },
        { kind: 'person', slug: 'qasim-al-araji', path: 'article.people[1]' },
      ],
    });
  });

  it('parseStoryBundle throws every problem at once', () => {
    expect(() => parseStoryBundle({ version: 2 })).toThrow(BundleValidationError);
    try {
      parseStoryBundle({ version: 2 });
    } catch (error) {
      expect((error as BundleValidationError).problems).toEqual(expect.arrayContaining(['version: Invalid literal value, expected 1', 'article: is required']));
    }
  });
});

describe('formatPath', () => {
  it('writes array indexes in brackets', () => {
    expect(formatPath(['quotes', 2, 'text', 'ar'])).toBe('quotes[2].text.ar');
    expect(formatPath([])).toBe('');
  });
});
