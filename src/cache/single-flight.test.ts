import { SingleFlight } from './single-flight';

describe('single flight', () => {
  it('gives joiners at the same epoch the leader’s answer', async () => {
    const flights = new SingleFlight<string>(0);
    const done = flights.lead('/api/articles', 3);
    const joiners = [flights.join('/api/articles', 3), flights.join('/api/articles', 3)];
    expect(joiners.every(Boolean)).toBe(true);
    done('answer');
    expect(await Promise.all(joiners)).toEqual(['answer', 'answer']);
    expect(flights.joined).toBe(2);
    expect(flights.size).toBe(0);
  });

  it('keeps a finished answer for a moment, at its epoch only', async () => {
    const flights = new SingleFlight<string>(60_000);
    flights.lead('/k', 5)('answer');
    expect(await flights.join('/k', 5)).toBe('answer');
    expect(flights.join('/k', 6)).toBeNull();
  });

  it('never lets a request that saw a newer epoch join an older computation', () => {
    const flights = new SingleFlight<string>();
    flights.lead('/api/articles', 3);
    expect(flights.join('/api/articles', 4)).toBeNull();
    expect(flights.join('/api/people', 3)).toBeNull();
  });

  it('lets joiners compute their own when the leader has nothing to share, and ignores a second settle', async () => {
    const flights = new SingleFlight<string>();
    const done = flights.lead('/k', 1);
    const joiner = flights.join('/k', 1);
    done(null);
    done('late');
    expect(await joiner).toBeNull();
    expect(flights.join('/k', 1)).toBeNull();
  });

  it('keeps the newer flight when an older one settles after it was replaced', async () => {
    const flights = new SingleFlight<string>();
    const older = flights.lead('/k', 1);
    const newer = flights.lead('/k', 2);
    older('old');
    const joiner = flights.join('/k', 2);
    expect(joiner).not.toBeNull();
    newer('new');
    expect(await joiner).toBe('new');
  });
});
