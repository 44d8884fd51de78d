import { DEFAULT_RETRY_DELAYS, parseDelays } from '../settings/webhooks';
import { afterFailure, isDelivered } from './retry';

describe('afterFailure', () => {
  const delays = parseDelays(DEFAULT_RETRY_DELAYS) ?? [];

  it('retries first within 10 s, then within 40 s after that, then grows to hours', () => {
    const waits = Array.from({ length: 11 }, (_, i) => afterFailure(i + 1, 12, delays)).map((next) => (next.state === 'pending' ? next.retryInMs : null));
    expect(waits[0]).toBeLessThanOrEqual(10_000);
    expect(waits[1]).toBeLessThanOrEqual(40_000);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThan(waits[i - 1] ?? Infinity);
    expect(waits[10]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('fails the message after the last attempt', () => {
    expect(afterFailure(12, 12, delays)).toEqual({ state: 'failed' });
    expect(afterFailure(13, 12, delays)).toEqual({ state: 'failed' });
    expect(afterFailure(1, 1, delays)).toEqual({ state: 'failed' });
  });

  it('repeats the last delay of a shorter schedule', () => {
    expect(afterFailure(5, 10, [1000, 2000])).toEqual({ state: 'pending', retryInMs: 2000 });
  });
});

describe('isDelivered', () => {
  it('counts only a 2xx', () => {
    expect([200, 204, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([0, 199, 301, 404, 500].map(isDelivered)).toEqual([false, false, false, false, false]);
  });
});
