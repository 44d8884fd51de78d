import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { amountLimitRule, countSelectedFields } from './amount-limit';

const schema = buildSchema(`
  type Person { name: String, slug: String }
  type Article { headline: String, people: [Person] }
  type Query { articles: [Article], article(id: ID): Article }
`);

function operationOf(source: string) {
  const document = parse(source);
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!operation || operation.kind !== 'OperationDefinition') throw new Error('no operation');
  return { operation, fragments };
}

describe('countSelectedFields', () => {
  it('counts nested fields', () => {
    const { operation, fragments } = operationOf('{ articles { headline people { name } } }');
    expect(countSelectedFields(operation.selectionSet, fragments)).toBe(4);
  });

  it('counts each alias separately and expands fragments and inline fragments', () => {
    const { operation, fragments } = operationOf(`
      { a: articles { ...F } b: articles { ... on Article { headline } } }
      fragment F on Article { headline people { name slug } }
    `);
    expect(countSelectedFields(operation.selectionSet, fragments)).toBe(7);
  });

  it('terminates on a fragment cycle', () => {
    const { operation, fragments } = operationOf(`
      { articles { ...A } }
      fragment A on Article { headline ...B }
      fragment B on Article { ...A }
    `);
    expect(countSelectedFields(operation.selectionSet, fragments)).toBe(2);
  });
});

describe('amountLimitRule', () => {
  it('accepts an operation at the limit', () => {
    const errors = validate(schema, parse('{ articles { headline people { name } } }'), [...specifiedRules, amountLimitRule(4)]);
    expect(errors).toEqual([]);
  });

  it('rejects a wide aliased operation with a message naming the count and the limit', () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: articles { headline }`).join(' ');
    const errors = validate(schema, parse(`query Wide { ${aliases} }`), [amountLimitRule(50)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('Operation "Wide" selects 60 fields (aliases and fragments included); the limit is 50. Split it into smaller queries.');
  });
});
