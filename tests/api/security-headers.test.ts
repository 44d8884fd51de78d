import { api, graphql } from '../helpers/http';
import { FRONTEND_URL } from '../fixtures/accounts';
import { STORY_SLUG } from '../fixtures/story-000';

/**
 * Headers every response carries (strapi::security, configured in config/middlewares.ts),
 * and CORS limited to the origins in CORS_ORIGINS (the test setup allows FRONTEND_URL only),
 * on cached answers from the fast path as much as on Strapi's own.
 */
const storyPath = `/api/articles/slug/${STORY_SLUG}?locale=ar`;

describe('security headers', () => {
  it.each([
    ['a REST read (Strapi, then the cache fast path)', storyPath],
    ['an error', '/api/articles?colour=blue'],
  ])('are on %s', async (_label, path) => {
    for (let i = 0; i < 2; i += 1) {
      const res = await api().get(path);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
      // Nothing names the stack.
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('CORS', () => {
  it.each([
    ['REST, Strapi then the cache fast path', () => api().get(storyPath)],
    ['GraphQL', () => graphql('{ articles { headline } }')],
  ])('allows the configured origin and no other: %s', async (_label, call) => {
    for (let i = 0; i < 2; i += 1) {
      const allowed = await call().set('Origin', FRONTEND_URL).expect(200);
      expect(allowed.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
      // So a browser frontend can revalidate and see its rate-limit budget.
      expect(allowed.headers['access-control-expose-headers']).toMatch(/ETag.*Retry-After.*RateLimit-Remaining/);
      const other = await call().set('Origin', 'https://evil.example').expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers a preflight from the configured origin only', async () => {
    const ok = await api().options('/api/articles').set({ Origin: FRONTEND_URL, 'Access-Control-Request-Method': 'GET' });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
    const other = await api().options('/graphql').set({ Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
