import fc from 'fast-check';
import { embargoProblem, instantOf, scheduleAfterWrite, scheduleProblems } from './rules';
import { nextTick } from './timer';

const SEED = Number(process.env.FC_SEED ?? 20261201);
const at = (iso: string) => new Date(iso);

describe('a schedule', () => {
  it('refuses unpublishAt at or before publishAt, naming both', () => {
    const [p] = scheduleProblems({ publishAt: at('2026-12-01T10:00:00Z'), unpublishAt: at('2026-12-01T09:00:00Z') }, ['data']);
    expect(p).toEqual({
      path: ['data', 'unpublishAt'],
      message: 'unpublishAt (2026-12-01T09:00:00.000Z) must be later than publishAt (2026-12-01T10:00:00.000Z)',
    });
    expect(scheduleProblems({ publishAt: at('2026-12-01T10:00:00Z'), unpublishAt: at('2026-12-01T10:00:00Z') }, [])).toHaveLength(1);
    expect(scheduleProblems({ publishAt: at('2026-12-01T10:00:00Z'), unpublishAt: at('2026-12-01T10:00:01Z') }, [])).toEqual([]);
    expect(scheduleProblems({ publishAt: null, unpublishAt: at('2026-12-01T10:00:00Z') }, [])).toEqual([]);
  });

  it('keeps what a write does not send, and clears what it sends as null', () => {
    const stored = { publishAt: at('2026-12-01T10:00:00Z'), unpublishAt: at('2026-12-02T10:00:00Z') };
    expect(scheduleAfterWrite(stored, { headline: 'x' })).toEqual(stored);
    expect(scheduleAfterWrite(stored, { unpublishAt: '2026-12-01T09:00:00+00:00' })).toEqual({ ...stored, unpublishAt: at('2026-12-01T09:00:00Z') });
    expect(scheduleAfterWrite(stored, { publishAt: null })).toEqual({ ...stored, publishAt: null });
    expect(scheduleAfterWrite(stored, undefined)).toEqual(stored);
  });

  it('holds an embargo until publishAt, and only until then', () => {
    const now = at('2026-12-01T10:00:00Z');
    expect(embargoProblem({ publishAt: at('2026-12-01T10:00:01Z'), unpublishAt: null }, now, ['data'])).toMatchObject({
      path: ['data', 'publishAt'],
      message: expect.stringMatching(/^embargoed until 2026-12-01T10:00:01.000Z: the scheduler publishes it then/),
    });
    expect(embargoProblem({ publishAt: now, unpublishAt: null }, now, [])).toBeNull();
    expect(embargoProblem({ publishAt: null, unpublishAt: null }, now, [])).toBeNull();
  });

  it('reads instants the way the API accepts them, and nothing else', () => {
    expect(instantOf('2026-12-01T13:00:00+03:00')).toEqual(at('2026-12-01T10:00:00Z'));
    expect(instantOf('')).toBeNull();
    expect(instantOf(undefined)).toBeNull();
    expect(instantOf('soon')).toBeNull();
  });
});

describe('the scheduler’s ticks', () => {
  it('are the next multiple of the interval: later than now, at most one interval away, the same on every instance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 1, max: 3600 }), (now, seconds) => {
        const ms = seconds * 1000;
        const tick = nextTick(now, ms);
        expect(tick % ms).toBe(0);
        expect(tick).toBeGreaterThan(now);
        expect(tick - now).toBeLessThanOrEqual(ms);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
