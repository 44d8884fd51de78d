import fc from 'fast-check';
import { appendOnlyProblems, normalizeCorrection, type Correction } from './append-only';

const SEED = Number(process.env.FC_SEED ?? 20261201);
const at = ['data', 'corrections'];
const correction = fc.record<Correction>({
  kind: fc.constantFrom('correction', 'clarification', 'update'),
  text: fc.string({ minLength: 1, maxLength: 12 }),
  issuedAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
});
const distinct = fc.uniqueArray(correction, { minLength: 1, maxLength: 5, selector: (c) => `${c.kind}|${c.text}|${c.issuedAt}` });

describe('published corrections are append-only', () => {
  it('accepts the published list followed by any new corrections', () => {
    fc.assert(
      fc.property(distinct, fc.array(correction, { maxLength: 3 }), (published, added) => {
        expect(appendOnlyProblems(published, [...published, ...added], at)).toEqual([]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('refuses removing, rewriting or reordering any published correction, naming it by index', () => {
    fc.assert(
      fc.property(distinct, fc.nat(), fc.constantFrom('remove', 'rewrite', 'swap'), (published, pick, change) => {
        const index = pick % published.length;
        const proposed = [...published];
        if (change === 'remove') proposed.splice(index, 1);
        if (change === 'rewrite') proposed[index] = { ...published[index]!, text: `${published[index]!.text}!` };
        if (change === 'swap') {
          if (published.length < 2) return;
          const other = (index + 1) % published.length;
          [proposed[index], proposed[other]] = [proposed[other]!, proposed[index]!];
        }
        const problems = appendOnlyProblems(published, proposed, at);
        expect(problems.map((p) => p.path)).toContainEqual([...at, index]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('says what happened to the correction', () => {
    const first: Correction = { kind: 'correction', text: 'الاسم الصحيح هو قاسم', issuedAt: '2026-11-30T10:00:00.000Z' };
    const second: Correction = { kind: 'update', text: 'later', issuedAt: '2026-11-30T12:00:00.000Z' };
    expect(appendOnlyProblems([first], [], at)[0]!.message).toMatch(/correction issued 2026-11-30T10:00:00.000Z has been published and may not be removed/);
    expect(appendOnlyProblems([first], [{ ...first, kind: 'clarification' }], at)[0]!.message).toMatch(/may not be rewritten/);
    expect(appendOnlyProblems([first, second], [second, first], at)[0]!.message).toMatch(/may not be moved \(now at 1\)/);
  });

  it('compares issue dates as instants and ignores ids and editor keys', () => {
    const stored = normalizeCorrection({ id: 7, kind: 'correction', text: 'x', issuedAt: '2026-11-30T10:00:00.000Z' });
    const sent = normalizeCorrection({ __temp_key__: 'a0', kind: 'correction', text: 'x', issuedAt: '2026-11-30T13:00:00+03:00' });
    expect(appendOnlyProblems([stored], [sent], at)).toEqual([]);
  });
});
