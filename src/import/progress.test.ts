import { etaSeconds, formatDuration, progressLine, rate } from './progress';

describe('import progress', () => {
  const state = { bundles: 500, bad: 0, bytesRead: 250_000, totalBytes: 1_000_000, elapsedMs: 2_500 };

  it('gives the rate in bundles a second and the time left from the share of the file read', () => {
    expect(rate(state)).toBe(200);
    expect(etaSeconds(state)).toBe(8);
    expect(etaSeconds({ ...state, bytesRead: 0 })).toBeNull();
  });

  it('formats durations for people', () => {
    expect([formatDuration(9), formatDuration(75), formatDuration(3725)]).toEqual(['9s', '1m15s', '1h02m']);
  });

  it('writes one plain line, with the bad lines when there are some', () => {
    expect(progressLine(state)).toBe('import: 25% 500 bundles, 200.0 bundles/s, ETA 8s');
    expect(progressLine({ ...state, bad: 3, bytesRead: 1_000_000 })).toBe('import: 100% 500 bundles (3 bad), 200.0 bundles/s, ETA 0s');
  });
});
