import { validateStoryBundle } from '../../domain/story-bundle/validate';
import { syntheticBundles } from './generate';

describe('synthetic stories', () => {
  const bundles = [...syntheticBundles({ articles: 40, seed: 7 })];

  it('are valid bundles, each entity defined once, in the first bundle that uses it', () => {
    const defined = new Set<string>();
    for (const bundle of bundles) {
      const result = validateStoryBundle(bundle);
      expect(result.ok ? [] : result.problems).toEqual([]);
      for (const entity of [...(bundle.people ?? []), ...(bundle.organizations ?? []), ...(bundle.sources ?? [])]) {
        expect(defined.has(entity.slug)).toBe(false);
        defined.add(entity.slug);
      }
      if (result.ok) for (const ref of result.externalReferences) expect(defined.has(ref.slug)).toBe(true);
    }
  });

  it('have the story’s proportions', () => {
    for (const bundle of bundles) {
      expect(bundle.quotes).toHaveLength(9);
      expect(bundle.quotes!.filter((q) => q.kind === 'direct')).toHaveLength(4);
      expect(bundle.article.figures).toHaveLength(2);
      expect(bundle.article.people!.length).toBeLessThanOrEqual(3);
      expect(bundle.article.sources!.length).toBeLessThanOrEqual(4);
    }
  });

  it('are the same for the same seed', () => {
    expect([...syntheticBundles({ articles: 40, seed: 7 })]).toEqual(bundles);
    expect([...syntheticBundles({ articles: 40, seed: 8 })]).not.toEqual(bundles);
  });

  it('in the small shape, each define their own 2 people, organization and source, with 3 quotes and a figure', () => {
    const small = [...syntheticBundles({ articles: 5, seed: 2, shape: 'small' })];
    const slugs = new Set<string>();
    for (const bundle of small) {
      const result = validateStoryBundle(bundle);
      expect(result.ok ? result.externalReferences : result.problems).toEqual([]);
      expect([bundle.people!.length, bundle.organizations!.length, bundle.sources!.length, bundle.quotes!.length, bundle.article.figures!.length]).toEqual([
        2, 1, 1, 3, 1,
      ]);
      for (const entity of [...bundle.people!, ...bundle.organizations!, ...bundle.sources!]) {
        expect(slugs.has(entity.slug)).toBe(false);
        slugs.add(entity.slug);
      }
    }
  });
});
