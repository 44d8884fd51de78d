import { Kind, parse, visit, type DocumentNode } from 'graphql';

/**
 * Fragment spreads that name no fragment, and fragments that spread themselves. GraphQL's
 * own validation reports both, but the GraphQL plugin's depth-limit rule walks fragments
 * first and crashes on them (an internal error, a 500). Checked before the document
 * reaches Apollo, with the same messages graphql-js gives.
 */
export function fragmentProblems(document: DocumentNode): string[] {
  const spreads = new Map<string, Set<string>>();
  const problems: string[] = [];
  const defined = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) defined.add(definition.name.value);
  }
  for (const definition of document.definitions) {
    const owner = definition.kind === Kind.FRAGMENT_DEFINITION ? definition.name.value : null;
    visit(definition, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (!defined.has(name)) problems.push(`Unknown fragment "${name}".`);
        else if (owner) spreads.set(owner, (spreads.get(owner) ?? new Set()).add(name));
      },
    });
  }
  // A cycle: a fragment reachable from itself.
  for (const start of spreads.keys()) {
    const seen = new Set<string>();
    const stack = [...(spreads.get(start) ?? [])];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (name === start) {
        problems.push(`Cannot spread fragment "${start}" within itself.`);
        break;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(spreads.get(name) ?? []));
    }
  }
  return [...new Set(problems)];
}

/** The problems of a query text; a text that does not parse is left to Apollo, which answers it with a 400. */
export function queryFragmentProblems(query: unknown): string[] {
  // No spread, no problem: most queries skip the parse (this runs on cached answers too).
  if (typeof query !== 'string' || !query.includes('...')) return [];
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  return fragmentProblems(document);
}
