import { allowedOrigin, clientAddress, httpSettings, HttpSettingsError, parseSize } from './http';

describe('httpSettings', () => {
  it('turns the rate limit and HSTS on in production only, and allows no origin there by default', () => {
    expect(httpSettings({ NODE_ENV: 'production' })).toMatchObject({
      rateLimit: { enabled: true, max: 300, windowSeconds: 60, allowList: [], redisUrl: null },
      bodyLimit: '1mb',
      bodyLimitBytes: 1024 * 1024,
      corsOrigins: [],
      hstsMaxAgeSeconds: 31_536_000,
    });
    expect(httpSettings({})).toMatchObject({
      rateLimit: { enabled: false },
      hstsMaxAgeSeconds: 0,
      corsOrigins: ['http://localhost:1337', 'http://localhost:3000'],
    });
  });

  it('reads every variable', () => {
    expect(
      httpSettings({
        RATE_LIMIT_ENABLED: 'on',
        RATE_LIMIT_MAX: '50',
        RATE_LIMIT_WINDOW_SECONDS: '10',
        RATE_LIMIT_ALLOW_IPS: '10.0.0.1, 10.0.0.2',
        REDIS_URL: 'redis://cache:6379',
        REQUEST_BODY_LIMIT: '256kb',
        CORS_ORIGINS: 'https://www.example.com, https://m.example.com',
        CSP_MEDIA_SOURCES: 'https://media.example.com',
        HTTP_HSTS_MAX_AGE: '600',
      }),
    ).toMatchObject({
      rateLimit: { enabled: true, max: 50, windowSeconds: 10, allowList: ['10.0.0.1', '10.0.0.2'], redisUrl: 'redis://cache:6379' },
      bodyLimitBytes: 256 * 1024,
      corsOrigins: ['https://www.example.com', 'https://m.example.com'],
      cspMediaSources: ['https://media.example.com'],
      hstsMaxAgeSeconds: 600,
    });
  });

  it('refuses bad values, naming every variable at once', () => {
    const bad = { RATE_LIMIT_MAX: 'lots', RATE_LIMIT_ENABLED: 'maybe', REQUEST_BODY_LIMIT: 'huge', CORS_ORIGINS: 'www.example.com/path' };
    expect(() => httpSettings(bad)).toThrow(HttpSettingsError);
    const message = (() => {
      try {
        httpSettings(bad);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['RATE_LIMIT_MAX', 'RATE_LIMIT_ENABLED', 'REQUEST_BODY_LIMIT', 'CORS_ORIGINS']) expect(message).toContain(name);
  });
});

describe('parseSize', () => {
  it.each([
    ['1mb', 1048576],
    ['512kb', 524288],
    ['2048', 2048],
    ['1.5MB', 1572864],
    ['lots', null],
  ])('%s is %p', (raw, bytes) => expect(parseSize(raw)).toBe(bytes));
});

describe('allowedOrigin', () => {
  it('echoes a listed origin, any origin for *, and nothing otherwise', () => {
    expect(allowedOrigin('https://a.example', ['https://a.example'])).toBe('https://a.example');
    expect(allowedOrigin('https://b.example', ['https://a.example'])).toBeNull();
    expect(allowedOrigin('https://b.example', ['*'])).toBe('https://b.example');
    expect(allowedOrigin(undefined, ['*'])).toBeNull();
  });
});

describe('clientAddress', () => {
  it('uses X-Forwarded-For only behind a trusted proxy, and one key per IPv4 client', () => {
    expect(clientAddress('::ffff:10.1.2.3', '203.0.113.9', false)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', '203.0.113.9, 10.0.0.1', true)).toBe('203.0.113.9');
    expect(clientAddress('10.1.2.3', undefined, true)).toBe('10.1.2.3');
  });
});
