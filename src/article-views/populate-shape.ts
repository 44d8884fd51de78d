/**
 * What a populate puts into a document: its populated relations and components, to their
 * depth, and the sort of a sorted list. Shared by the list and GraphQL rules of the read model.
 */

/** What a view row holds below one object: its populated relations and components, and the sort of a list. */
export interface ViewShape {
  sort: readonly string[] | null;
  relations: ReadonlyMap<string, ViewShape>;
}

/** The shape a populate object gives a row (`{ people: { populate: { affiliation: true } }, quotes: { sort: [...] } }`). */
export function shapeOfPopulate(populate: Readonly<Record<string, unknown>>): ViewShape {
  const relations = new Map<string, ViewShape>();
  for (const [name, value] of Object.entries(populate)) {
    const options = value !== null && typeof value === 'object' ? (value as { sort?: unknown; populate?: unknown }) : {};
    const inner = options.populate !== null && typeof options.populate === 'object' ? shapeOfPopulate(options.populate as Record<string, unknown>) : null;
    const sort = Array.isArray(options.sort) ? options.sort.map(String) : typeof options.sort === 'string' ? [options.sort] : null;
    relations.set(name, { sort, relations: inner?.relations ?? new Map() });
  }
  return { sort: null, relations };
}

/**
 * A document's keys in a fixed order: its own keys as selected (`leading` ones first, see
 * ./list-request.ts leadingKeys), then its populated relations in the populate's order, each
 * ordered the same way. Strapi populates the relations of a page concurrently and adds each
 * key when its query returns, so without this an article's key order depends on query timing
 * and on which other articles share its page: two computations of one answer could differ.
 */
export function canonicalOrder(value: unknown, shape: ViewShape, leading: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalOrder(item, shape));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of leading) if (Object.prototype.hasOwnProperty.call(record, key)) ordered[key] = record[key];
  for (const [key, inner] of Object.entries(record)) if (!shape.relations.has(key) && !(key in ordered)) ordered[key] = inner;
  for (const [key, inner] of shape.relations) if (Object.prototype.hasOwnProperty.call(record, key)) ordered[key] = canonicalOrder(record[key], inner);
  return ordered;
}
