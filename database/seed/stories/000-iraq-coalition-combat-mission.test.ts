import { readFileSync } from 'fs';
import path from 'path';
import { normalizeWhitespace, validateStoryBundle } from '../../../src/domain/story-bundle/validate';
import { iraqCoalitionCombatMission as story } from './000-iraq-coalition-combat-mission';

// The scraped page, kept beside the bundle as its provenance.
const source = normalizeWhitespace(readFileSync(path.join(__dirname, '000-iraq-coalition-combat-mission.source.txt'), 'utf8'));

describe('story 000 bundle', () => {
  it('is a valid bundle with no references outside itself', () => {
    expect(validateStoryBundle(story)).toMatchObject({ ok: true, externalReferences: [] });
  });

  it('keeps every Arabic paragraph, the headline, the caption and every quote verbatim from the page', () => {
    const arabic = [
      story.article.headline.ar,
      story.article.coverCaption!.ar,
      story.article.section!.ar,
      ...story.article.body.ar,
      ...(story.quotes ?? []).map((q) => q.text.ar),
      ...(story.people ?? []).map((p) => p.jobTitle!.ar),
    ];
    for (const text of arabic) expect(source).toContain(normalizeWhitespace(text));
  });

  it('leaves the site furniture out of the article', () => {
    const body = story.article.body.ar.join(' ');
    for (const furniture of ['google news', 'تابع أحدث الأخبار', 'رئيس مجلسي الإدارة والتحرير', 'عبدالرحيم علي', 'الأحد 28 أبريل 2024']) {
      expect(body).not.toContain(furniture);
    }
    expect(story.article.body.ar[0]).toMatch(/^أعلن مستشار الأمن القومي العراقي/);
  });

  it('names every person, organization and source the text names', () => {
    expect(story.people?.map((p) => p.slug)).toEqual(['qasim-al-araji', 'tahseen-al-khafaji', 'john-brennan']);
    expect(story.sources?.map((s) => s.shortName?.en ?? s.name.en)).toEqual(['NINA', 'INA', 'Al-Iraqiya News', 'Joint Operations Command statement']);
    expect(story.article.organizations).toEqual(['international-coalition', 'joint-operations-command-iraq', 'iraqi-security-forces', 'isis']);
  });

  it('has an English version of every localized field', () => {
    const english = [story.article.headline.en, story.article.summary!.en, ...story.article.body.en, ...(story.quotes ?? []).map((q) => q.text.en)];
    for (const text of english) expect(text).toMatch(/[A-Za-z]/);
    expect(story.article.body.en).toHaveLength(story.article.body.ar.length);
  });
});
