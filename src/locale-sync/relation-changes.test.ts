import fc from 'fast-check';
import { propagate, relationChanges, type RelationIds } from './relation-changes';

const SEED = Number(process.env.FC_SEED ?? 20261201);
const everywhere = () => true;

describe('relation changes in one locale', () => {
  it('are what was linked and unlinked, per field; a new order is no change', () => {
    expect(relationChanges({ people: ['a', 'b'], sources: ['s'] }, { people: ['b', 'c'], sources: ['s'] })).toEqual([
      { field: 'people', added: ['c'], removed: ['a'] },
    ]);
    expect(relationChanges({ people: ['a', 'b'] }, { people: ['b', 'a'] })).toEqual([]);
  });

  it('carried over, leave the other locale linking what this one links, where versions exist (property)', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    fc.assert(
      fc.property(ids, ids, fc.func(fc.boolean()), (before, after, exists) => {
        const existsThere = (_: string, id: string) => exists(id);
        // The other locale starts in step with "before" (where versions exist).
        const current: RelationIds = { people: before.filter((id) => exists(id)) };
        const { data, missing } = propagate(relationChanges({ people: before }, { people: after }), current, existsThere, new Set());
        const ops = data.people ?? {};
        const result = new Set(current.people);
        for (const { documentId } of ops.disconnect ?? []) result.delete(documentId);
        for (const { documentId } of ops.connect ?? []) result.add(documentId);
        expect([...result].sort()).toEqual(after.filter((id) => exists(id)).sort());
        expect(missing.map((m) => m.documentId).sort()).toEqual(after.filter((id) => !before.includes(id) && !exists(id)).sort());
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('set a to-one field to the new value there, or empty it when the new value has no version there', () => {
    const changes = relationChanges({ speaker: ['old'] }, { speaker: ['new'] });
    expect(propagate(changes, { speaker: ['old'] }, everywhere, new Set(['speaker'])).data).toEqual({ speaker: { set: [{ documentId: 'new' }] } });
    const gap = propagate(changes, { speaker: ['old'] }, (_, id) => id !== 'new', new Set(['speaker']));
    expect(gap).toMatchObject({ data: { speaker: { set: [] } }, missing: [{ field: 'speaker', documentId: 'new' }] });
    expect(propagate(relationChanges({ speaker: ['old'] }, { speaker: [] }), { speaker: ['old'] }, everywhere, new Set(['speaker'])).data).toEqual({
      speaker: { set: [] },
    });
  });

  it('write nothing when the other locale already agrees', () => {
    expect(propagate(relationChanges({ people: [] }, { people: ['a'] }), { people: ['a'] }, everywhere, new Set()).data).toEqual({});
  });
});
