import organization from '../../api/organization/content-types/organization/schema.json';
import source from '../../api/source/content-types/source/schema.json';
import quote from '../../api/quote/content-types/quote/schema.json';
import figure from '../../components/story/figure.json';
import { FIGURE_QUALIFIERS, ORGANIZATION_KINDS, QUOTE_KINDS, SOURCE_KINDS } from './schema';

// The bundle validator keeps its enums as TypeScript literals (so bundles written in
// TypeScript are checked by the compiler); these must not drift from the content types.
describe('bundle enums match the content-type schemas', () => {
  it.each([
    ['organization.kind', ORGANIZATION_KINDS, organization.attributes.kind.enum],
    ['source.kind', SOURCE_KINDS, source.attributes.kind.enum],
    ['quote.kind', QUOTE_KINDS, quote.attributes.kind.enum],
    ['figure.qualifier', FIGURE_QUALIFIERS, figure.attributes.qualifier.enum],
  ])('%s', (_name, bundleValues, schemaValues) => {
    expect([...bundleValues]).toEqual(schemaValues);
  });
});
