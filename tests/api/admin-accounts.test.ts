import { adminLogin, api, bearer, tokens } from '../helpers/http';
import { runSeedWith } from '../helpers/seed-cli';
import { openTestDb } from '../helpers/test-database';
import { EDITOR, REPORTER, SUPER_ADMIN } from '../fixtures/accounts';

async function me(token: string) {
  const res = await api().get('/admin/users/me').set(bearer(token)).expect(200);
  return res.body.data as { email: string; roles: Array<{ code: string; name: string }> };
}

describe('accounts declared in the environment', () => {
  it('lets the super admin log straight in', async () => {
    const token = await adminLogin(SUPER_ADMIN);
    expect(await me(token)).toMatchObject({ email: SUPER_ADMIN.email, roles: [{ code: 'strapi-super-admin' }] });
  });

  it('gives the editor the built-in Editor role', async () => {
    const token = await adminLogin(EDITOR);
    expect(await me(token)).toMatchObject({ email: EDITOR.email, roles: [{ code: 'strapi-editor' }] });
  });

  it('gives the reporter the Reporter role', async () => {
    const token = await adminLogin(REPORTER);
    expect(await me(token)).toMatchObject({ email: REPORTER.email, roles: [{ name: 'Reporter' }] });
  });

  it('refuses a wrong password', async () => {
    await api().post('/admin/login').send({ email: EDITOR.email, password: 'Wrong-Password-123' }).expect(400);
  });
});

describe("the editor's permissions", () => {
  const token = () => tokens.editorSession();

  it.each(['ar', 'en'])('can list articles in %s in the Content Manager', async (locale) => {
    const res = await api().get('/content-manager/collection-types/api::article.article').query({ locale }).set(bearer(token())).expect(200);
    expect(res.body.results.length).toBeGreaterThanOrEqual(1);
    expect(res.body.results[0]).toMatchObject({ locale });
  });

  it.each(['api::person.person', 'api::organization.organization', 'api::source.source', 'api::quote.quote'])('can list %s in Arabic', async (uid) => {
    const res = await api().get(`/content-manager/collection-types/${uid}`).query({ locale: 'ar' }).set(bearer(token())).expect(200);
    expect(res.body.results.length).toBeGreaterThanOrEqual(1);
  });

  it('can publish an article in either locale (the Editor role promises "manage and publish")', async () => {
    const list = await api().get('/content-manager/collection-types/api::article.article').query({ locale: 'en' }).set(bearer(token())).expect(200);
    const { documentId } = list.body.results[0];
    for (const locale of ['ar', 'en']) {
      const res = await api()
        .post(`/content-manager/collection-types/api::article.article/${documentId}/actions/publish`)
        .query({ locale })
        .set(bearer(token()))
        .send({})
        .expect(200);
      expect(res.body.data).toMatchObject({ documentId, locale, publishedAt: expect.any(String) });
    }
  });

  it.each([
    ['GET', '/admin/users'],
    ['GET', '/admin/roles/1'],
    ['GET', '/admin/api-tokens'],
    ['POST', '/admin/api-tokens'],
    ['GET', '/admin/webhooks'],
    ['GET', '/users-permissions/roles'],
    ['POST', '/i18n/locales'],
  ])('cannot %s %s (settings are the super admin’s)', async (method, path) => {
    const res = await api()[method === 'GET' ? 'get' : 'post'](path).set(bearer(token())).send({});
    expect(res.status).toBe(403);
  });
});

describe('account creation at boot', () => {
  it('is idempotent, keeps passwords out of the logs, and leaves the accounts usable', async () => {
    const run = await runSeedWith({ LOG_LEVEL: 'info' });
    expect(run.code).toBe(0);
    const output = run.stdout + run.stderr;
    // The boot did consider the declared accounts (and said so without the passwords).
    expect(output).toContain(`an admin already exists; ADMIN_EMAIL (${SUPER_ADMIN.email}) was not created`);
    expect(output).not.toContain(SUPER_ADMIN.password);
    expect(output).not.toContain(EDITOR.password);
    expect(output).not.toContain(REPORTER.password);

    const db = await openTestDb();
    try {
      const rows = await db.rows<{ email: string }>('select email from admin_users order by id');
      expect(rows.map((r) => r.email)).toEqual([SUPER_ADMIN.email, EDITOR.email, REPORTER.email]);
    } finally {
      await db.close();
    }
    await adminLogin(EDITOR);
  });
});
