import { ARTICLE_DEFAULT_POPULATE } from '../api/article/middlewares/default-populate';
import { listsMatchResolvers, rootArgsRefusal, selectionRefusal, type SelectedField } from './graphql-selection';
import { shapeOfPopulate } from './populate-shape';

const leaf = (name: string): SelectedField => ({ name, args: {}, hasDirectives: false, children: null });
const object = (name: string, children: SelectedField[], args: Record<string, unknown> = {}): SelectedField => ({ name, args, hasDirectives: false, children });
const shape = shapeOfPopulate(ARTICLE_DEFAULT_POPULATE);

/** The benchmark's GraphQL story (scripts/lib/bench-reads.js). */
const story = (quoteArgs: Record<string, unknown> = { sort: 'position:asc' }): SelectedField[] => [
  leaf('documentId'),
  leaf('headline'),
  leaf('publishedDate'),
  object('quotes', [leaf('position'), leaf('text'), object('speaker', [leaf('name'), leaf('jobTitle')]), object('source', [leaf('shortName')])], quoteArgs),
  object('people', [leaf('name'), object('affiliation', [leaf('name')])]),
  object('sources', [leaf('name')]),
  object('figures', [leaf('value')]),
];

describe('shapeOfPopulate (the default populate)', () => {
  it('holds the populated relations to their depth, and the sort of a sorted list', () => {
    expect(shape.relations.get('quotes')?.sort).toEqual(['position:asc']);
    expect([...(shape.relations.get('quotes')?.relations.keys() ?? [])]).toEqual(['speaker', 'speakerOrganization', 'source']);
    expect([...(shape.relations.get('people')?.relations.keys() ?? [])]).toEqual(['affiliation']);
    expect(shape.relations.get('cover')).toEqual({ sort: null, relations: new Map() });
  });
});

describe('selectionRefusal', () => {
  it('accepts the story as the views hold it, with the sort as a string or a list', () => {
    expect(selectionRefusal(shape, story())).toBeNull();
    expect(selectionRefusal(shape, story({ sort: ['position:asc'] }))).toBeNull();
  });

  it.each([
    ['quotes with no sort (the join order, not the views’)', story({}), 'quotes asks for other arguments than the view was built with'],
    ['quotes in another order', story({ sort: 'position:desc' }), 'quotes asks for other arguments than the view was built with'],
    ['a paged relation list', story({ sort: 'position:asc', pagination: { limit: 2 } }), 'quotes asks for other arguments than the view was built with'],
    [
      'a relation deeper than the views',
      [object('quotes', [object('speaker', [object('affiliation', [leaf('name')])])], { sort: 'position:asc' })],
      'quotes.speaker.affiliation is not in the view',
    ],
    ['a connection', [object('people_connection', [object('nodes', [leaf('name')])])], 'people_connection is not in the view'],
    [
      'a filtered relation',
      [object('people', [leaf('name')], { filters: { name: { eq: 'x' } } })],
      'people asks for other arguments than the view was built with',
    ],
    ['a directive', [{ ...leaf('headline'), hasDirectives: true }], 'a directive on headline'],
    ['arguments on a leaf', [{ ...leaf('headline'), args: { x: 1 } }], 'arguments on headline'],
  ])('refuses %s', (_label, selection, reason) => {
    expect(selectionRefusal(shape, selection)).toBe(reason);
  });
});

describe('rootArgsRefusal', () => {
  it('leaves publication filters to the resolvers, and everything the Document Service applies to the views', () => {
    expect(rootArgsRefusal({ locale: 'ar', filters: { slug: { eq: 'x' } }, status: 'PUBLISHED', sort: ['publishedDate:desc'] })).toBeNull();
    expect(rootArgsRefusal({ hasPublishedVersion: true })).toBe('the argument hasPublishedVersion');
    expect(rootArgsRefusal({ publicationFilter: 'never-published-document' })).toBe('the argument publicationFilter');
  });
});

describe('listsMatchResolvers', () => {
  const quote = (position: number | null) => ({ documentId: `q${String(position)}`, position, speaker: null });

  it('accepts lists within the page size and a sorted list without ties', () => {
    expect(listsMatchResolvers({ quotes: [quote(1), quote(2)], people: [{ affiliation: null }] }, shape, 25)).toBe(true);
  });

  it('refuses a list longer than GraphQL’s page: the resolvers would cut it', () => {
    expect(listsMatchResolvers({ people: Array.from({ length: 26 }, () => ({})) }, shape, 25)).toBe(false);
  });

  it('refuses a sorted list whose sort values tie: another query may order the tie otherwise', () => {
    expect(listsMatchResolvers({ quotes: [quote(1), quote(1)] }, shape, 25)).toBe(false);
    expect(listsMatchResolvers({ quotes: [quote(null), quote(null)] }, shape, 25)).toBe(false);
  });
});
