import { articleData, paragraphsToBlocks, personData, quoteData } from './to-documents';
import { storyBundleSchema } from './schema';
import { iraqCoalitionCombatMission } from '../../../database/seed/stories/000-iraq-coalition-combat-mission';

const bundle = storyBundleSchema.parse(iraqCoalitionCombatMission);
const resolve = (kind: string, slug: string) => `${kind}:${slug}`;

describe('bundle entries as Document Service data', () => {
  it('turns paragraphs into Strapi paragraph blocks', () => {
    expect(paragraphsToBlocks(['a', 'b'])).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'a' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'b' }] },
    ]);
  });

  it('maps the article per locale, with relations as resolved documentIds in bundle order', () => {
    const en = articleData(bundle.article, 'en', resolve);
    expect(en.fields).toMatchObject({ slug: bundle.article.slug, headline: bundle.article.headline.en, publishedDate: '2024-04-28' });
    expect(en.fields.figures).toEqual([
      expect.objectContaining({ value: 2100, qualifier: 'more_than', unit: 'shipments' }),
      expect.objectContaining({ value: 1800, qualifier: 'more_than', unit: 'items of equipment' }),
    ]);
    expect(en.relations).toEqual({
      people: ['person:qasim-al-araji', 'person:tahseen-al-khafaji', 'person:john-brennan'],
      organizations: [
        'organization:international-coalition',
        'organization:joint-operations-command-iraq',
        'organization:iraqi-security-forces',
        'organization:isis',
      ],
      sources: ['source:nina', 'source:ina', 'source:al-iraqiya-news', 'source:joint-operations-command-statement'],
      publisher: ['organization:al-bawaba-news'],
    });
  });

  it('clears optional fields the bundle leaves out, so a re-seed removes them', () => {
    const araji = bundle.people.find((p) => p.slug === 'qasim-al-araji')!;
    expect(personData(araji, 'ar', resolve)).toEqual({
      fields: { slug: 'qasim-al-araji', name: 'قاسم الأعرجي', jobTitle: 'مستشار الأمن القومي العراقي', aliases: araji.aliases, bio: null },
      relations: { affiliation: [] },
    });
  });

  it('links a quote to its article, speaker and source', () => {
    const quote = bundle.quotes[6]!;
    expect(quoteData(quote, bundle.article.slug, 'ar', resolve)).toEqual({
      fields: { slug: quote.slug, text: quote.text.ar, kind: 'direct', statedOn: null, position: 7 },
      relations: {
        speaker: [],
        speakerOrganization: ['organization:joint-operations-command-iraq'],
        source: ['source:al-iraqiya-news'],
        article: [`article:${bundle.article.slug}`],
      },
    });
  });
});
