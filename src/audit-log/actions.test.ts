import { AUDITED_ROUTES, bodyField, matchAuditedRoute, outcomeOf } from './actions';

describe('the audited routes', () => {
  it('match by method and path, with their parameters', () => {
    expect(matchAuditedRoute('DELETE', '/admin/api-tokens/12')).toMatchObject({ route: { action: 'api-token.delete' }, params: { id: '12' } });
    expect(matchAuditedRoute('POST', '/admin/api-tokens/12/regenerate')).toMatchObject({ route: { action: 'api-token.regenerate' }, params: { id: '12' } });
    expect(matchAuditedRoute('put', '/content-manager/content-types/api%3A%3Aarticle.article/configuration')).toMatchObject({
      params: { uid: 'api::article.article' },
    });
    expect(matchAuditedRoute('GET', '/admin/api-tokens')).toBeNull();
    expect(matchAuditedRoute('POST', '/api/articles')).toBeNull();
  });

  it('prefer a literal path to a parameter', () => {
    expect(matchAuditedRoute('PUT', '/admin/users/me')?.route.action).toBe('admin.user.update-self');
    expect(matchAuditedRoute('PUT', '/admin/users/7')?.route.action).toBe('admin.user.update');
  });

  it('are listed once each', () => {
    const keys = AUDITED_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('read names from bodies, and call 2xx/3xx a success', () => {
    expect(bodyField({ userInfo: { email: ' a@b.org ' } }, 'userInfo.email')).toBe('a@b.org');
    expect(bodyField({ email: 42 }, 'email')).toBeNull();
    expect(bodyField(undefined, 'email')).toBeNull();
    expect([200, 204, 302, 400, 401, 403, 500].map(outcomeOf)).toEqual(['success', 'success', 'success', 'failure', 'failure', 'failure', 'failure']);
  });
});
