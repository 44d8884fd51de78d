/**
 * After a localization exists, an editor who links or unlinks a person,
 * organization, source, publisher or quote in one locale means the same story in
 * every locale. This plans carrying that change to another locale's draft: the
 * same-locale versions of what was linked are linked, what was unlinked is
 * unlinked, and what has no version there is reported as a translation gap.
 */

/** Relation field -> the documentIds it links to. */
export type RelationIds = Record<string, string[]>;

export interface RelationChange {
  field: string;
  added: string[];
  removed: string[];
}

/** What a write changed in one locale's relations, field by field (order changes are not changes). */
export function relationChanges(before: RelationIds, after: RelationIds): RelationChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => {
      const was = new Set(before[field] ?? []);
      const is = new Set(after[field] ?? []);
      return { field, added: [...is].filter((id) => !was.has(id)), removed: [...was].filter((id) => !is.has(id)) };
    })
    .filter((change) => change.added.length > 0 || change.removed.length > 0);
}

export interface RelationOps {
  connect?: Array<{ documentId: string }>;
  disconnect?: Array<{ documentId: string }>;
  set?: Array<{ documentId: string }>;
}

export interface Propagation {
  /** The relation operations for the other locale's draft; empty when it already agrees. */
  data: Record<string, RelationOps>;
  /** Linked in the changed locale, with no version in the other one. */
  missing: Array<{ field: string; documentId: string }>;
  /** Unlinked in the changed locale: any gap the other locale had for them is moot. */
  dropped: Array<{ field: string; documentId: string }>;
}

/**
 * The operations that carry `changes` into another locale whose draft links
 * `current`. A to-one field (speaker, publisher, article) takes the new value if it
 * exists there and is emptied otherwise, rather than keep pointing at what the
 * changed locale no longer links.
 */
export function propagate(
  changes: readonly RelationChange[],
  current: RelationIds,
  existsThere: (field: string, documentId: string) => boolean,
  toOne: ReadonlySet<string>,
): Propagation {
  const data: Record<string, RelationOps> = {};
  const missing: Propagation['missing'] = [];
  const dropped: Propagation['dropped'] = [];
  for (const { field, added, removed } of changes) {
    const linked = new Set(current[field] ?? []);
    const available = added.filter((id) => existsThere(field, id));
    missing.push(...added.filter((id) => !existsThere(field, id)).map((documentId) => ({ field, documentId })));
    dropped.push(...removed.map((documentId) => ({ field, documentId })));
    if (toOne.has(field)) {
      const next = available[0] ?? (added.length > 0 || removed.some((id) => linked.has(id)) ? null : undefined);
      if (next === undefined || (next !== null && linked.has(next) && linked.size === 1)) continue;
      data[field] = { set: next === null ? [] : [{ documentId: next }] };
      continue;
    }
    const connect = available.filter((id) => !linked.has(id)).map((documentId) => ({ documentId }));
    const disconnect = removed.filter((id) => linked.has(id)).map((documentId) => ({ documentId }));
    if (connect.length > 0 || disconnect.length > 0) data[field] = { ...(connect.length > 0 && { connect }), ...(disconnect.length > 0 && { disconnect }) };
  }
  return { data, missing, dropped };
}
