import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Counts the fields an operation selects, with fragments expanded and every alias
 * counted on its own. Depth limits stop deep queries; this stops wide ones, such as
 * a thousand aliases of `articles` in one request.
 */
export function countSelectedFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  expanding: Set<string> = new Set(),
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += 1;
      if (selection.selectionSet) count += countSelectedFields(selection.selectionSet, fragments, expanding);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countSelectedFields(selection.selectionSet, fragments, expanding);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A cycle is reported by graphql's own NoFragmentCycles rule; here it just must not loop.
      if (!fragment || expanding.has(name)) continue;
      expanding.add(name);
      count += countSelectedFields(fragment.selectionSet, fragments, expanding);
      expanding.delete(name);
    }
  }
  return count;
}

/** The `amountLimit` the GraphQL plugin documents, as an Apollo validation rule. */
export function amountLimitRule(limit: number) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const count = countSelectedFields(operation.selectionSet, fragments);
        if (count > limit) {
          const name = operation.name ? `"${operation.name.value}" ` : '';
          context.reportError(
            new GraphQLError(
              `Operation ${name}selects ${count} fields (aliases and fragments included); the limit is ${limit}. Split it into smaller queries.`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}
