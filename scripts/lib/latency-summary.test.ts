import { LatencyRecorder, percentile } from './latency-summary';

describe('percentile', () => {
  it('is the nearest rank of a sorted array, and 0 for none', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(51);
    expect(percentile(sorted, 95)).toBe(96);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('LatencyRecorder', () => {
  it('summarizes count, errors, p50, p95 and the exact maximum in milliseconds', () => {
    const recorder = new LatencyRecorder();
    // 1..100 ms in a shuffled order: the summary must not depend on arrival order.
    for (let i = 0; i < 100; i++) recorder.record(((i * 37) % 100) + 1);
    recorder.record(1234.56);
    recorder.error();
    const summary = recorder.summary();
    expect(summary.count).toBe(101);
    expect(summary.errors).toBe(1);
    // The histogram keeps 3 significant digits: within 0.1% of the exact value.
    expect(summary.p50).toBeCloseTo(51, 0);
    expect(summary.p95).toBeCloseTo(96, 0);
    expect(summary.max).toBe(1234.6);
  });

  it('reports zeros, not NaN, when nothing was recorded', () => {
    expect(new LatencyRecorder().summary()).toEqual({ count: 0, errors: 0, p50: 0, p95: 0, max: 0 });
  });
});
