import { AUDITED_ROUTES } from '../../src/audit-log/actions';
import type { AuditEntry as Entry } from '../../src/audit-log/store';
import { EDITOR, SUPER_ADMIN } from '../fixtures/accounts';
import { adminLogin, api, bearer, callers, tokens, type ErrorBody } from '../helpers/http';
import { openTestDb } from '../helpers/test-database';

/**
 * The audit log (src/audit-log/): admin logins, successful and failed with the email
 * tried; changes to admin users, roles and permissions, API tokens and settings;
 * append-only in the database; read with a full-access token or, in the admin, by
 * super admins.
 */

interface LogPage {
  data: Entry[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

let session: string;
const asChief = () => bearer(session);
const stamp = Date.now().toString(36);

/** The newest entries, as a tool reads them. */
async function newest(pageSize = 50): Promise<Entry[]> {
  const res = await callers.fullAccess.get('/api/audit-log').query({ 'pagination[pageSize]': pageSize }).expect(200);
  return (res.body as LogPage).data;
}
const find = async (action: string, target: string) => (await newest()).find((e) => e.action === action && e.target === target);

beforeAll(async () => {
  session = await adminLogin(SUPER_ADMIN);
});

describe('what is recorded', () => {
  it('has an entry for every route the table names, and each is a route the app serves', () => {
    const served = new Set(JSON.parse(process.env.TEST_ADMIN_ROUTES ?? '[]') as string[]);
    expect(served.size).toBeGreaterThan(50);
    for (const route of AUDITED_ROUTES)
      expect({ route: `${route.method} ${route.path}`, served: served.has(`${route.method} ${route.path}`) }).toMatchObject({ served: true });
  });

  it('records a successful admin login with who logged in, and where from', async () => {
    const entry = (await newest()).find((e) => e.action === 'admin.login' && e.target === SUPER_ADMIN.email && e.outcome === 'success');
    expect(entry).toMatchObject({ actor: { kind: 'admin', name: SUPER_ADMIN.email }, ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(Date.now() - new Date(entry!.at).getTime()).toBeLessThan(120_000);
  });

  it('records a failed login with the email tried', async () => {
    const tried = `nobody-${stamp}@newsroom.test`;
    await api().post('/admin/login').send({ email: tried, password: 'Wrong-Password-123' }).expect(400);
    expect(await find('admin.login', tried)).toMatchObject({ outcome: 'failure', actor: { kind: 'anonymous', id: null, name: tried } });
  });

  it('records an API token’s creation, regeneration and deletion by name, and who did it', async () => {
    const name = `audit-token-${stamp}`;
    const created = await api().post('/admin/api-tokens').set(asChief()).send({ name, type: 'read-only', lifespan: null }).expect(201);
    const id = created.body.data.id as number;
    await api().post(`/admin/api-tokens/${id}/regenerate`).set(asChief()).send({}).expect(201);
    await api().delete(`/admin/api-tokens/${id}`).set(asChief()).expect(200);
    for (const action of ['api-token.create', 'api-token.regenerate', 'api-token.delete']) {
      expect({ action, entry: await find(action, name) }).toMatchObject({
        action,
        entry: { outcome: 'success', actor: { kind: 'admin', name: SUPER_ADMIN.email } },
      });
    }
  });

  it('records role and permission changes by role name', async () => {
    const name = `Audit role ${stamp}`;
    const role = await api().post('/admin/roles').set(asChief()).send({ name, description: 'for the audit test' }).expect(201);
    const id = role.body.data.id as number;
    await api()
      .put(`/admin/roles/${id}/permissions`)
      .set(asChief())
      .send({ permissions: [{ action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] }] })
      .expect(200);
    await api().delete(`/admin/roles/${id}`).set(asChief()).expect(200);
    for (const action of ['admin.role.create', 'admin.role.permissions', 'admin.role.delete'])
      expect({ action, entry: await find(action, name) }).toMatchObject({ action, entry: { outcome: 'success' } });
  });

  it('records a change to an admin user by their email, and a refused one as a failure', async () => {
    const users = await api().get('/admin/users').query({ pageSize: 100 }).set(asChief()).expect(200);
    const editor = (users.body.data.results as Array<{ id: number; email: string; firstname: string }>).find((u) => u.email === EDITOR.email)!;
    await api().put(`/admin/users/${editor.id}`).set(asChief()).send({ firstname: editor.firstname }).expect(200);
    expect(await find('admin.user.update', EDITOR.email)).toMatchObject({ outcome: 'success', actor: { name: SUPER_ADMIN.email } });
    // An editor may not change accounts: refused, and recorded as such.
    await api().put(`/admin/users/${editor.id}`).set(bearer(tokens.editorSession())).send({ firstname: 'Self-promoted' }).expect(403);
    const refused = (await newest()).find((e) => e.action === 'admin.user.update' && e.outcome === 'failure');
    expect(refused).toMatchObject({ target: EDITOR.email, actor: { kind: 'admin', name: EDITOR.email } });
  });

  it('records changes to the project’s settings', async () => {
    const webhook = `audit-webhook-${stamp}`;
    await api()
      .post('/admin/webhooks')
      .set(asChief())
      .send({ name: webhook, url: 'https://hooks.newsroom.test/x', headers: {}, events: ['entry.publish'] })
      .expect(201);
    expect(await find('webhook.create', webhook)).toMatchObject({ outcome: 'success' });
    await api()
      .put('/content-manager/content-types/api::source.source/configuration')
      .set(asChief())
      .send({ settings: { pageSize: 20 } });
    expect(await find('content-manager.view.update', 'api::source.source')).toBeDefined();
  });
});

describe('how it is read', () => {
  it('answers a full-access token newest first, page by page, in Strapi’s list shape', async () => {
    const first = (await callers.fullAccess.get('/api/audit-log').query({ 'pagination[page]': 1, 'pagination[pageSize]': 3 }).expect(200)).body as LogPage;
    const second = (await callers.fullAccess.get('/api/audit-log').query({ 'pagination[page]': 2, 'pagination[pageSize]': 3 }).expect(200)).body as LogPage;
    expect(first.data).toHaveLength(3);
    expect(first.meta.pagination).toMatchObject({ page: 1, pageSize: 3, total: expect.any(Number) });
    expect(first.meta.pagination.pageCount).toBe(Math.ceil(first.meta.pagination.total / 3));
    const ids = [...first.data, ...second.data].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(Object.keys(first.data[0]!).sort()).toEqual(['action', 'actor', 'at', 'id', 'ip', 'outcome', 'target']);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a page size over 100', { 'pagination[pageSize]': '500' }, /^pagination\[pageSize\]: expected a whole number from 1 to 100, got "500"/],
    ['a page that is not a number', { 'pagination[page]': 'x' }, /^pagination\[page\]: expected a whole number/],
    ['a filter it does not have', { 'filters[action][$eq]': 'admin.login' }, /^filters: unknown parameter/],
  ])('refuses %s with a 400 naming it', async (_, query, message) => {
    const res = await callers.fullAccess.get('/api/audit-log').query(query).expect(400);
    expect((res.body as ErrorBody).error.message).toMatch(message);
  });

  it('is closed to the public (403), read-only tokens (403) and admin sessions on the content API (401)', async () => {
    await callers.public.get('/api/audit-log').expect(403);
    await callers.readOnly.get('/api/audit-log').expect(403);
    await callers.editor.get('/api/audit-log').expect(401);
  });

  it('is the Settings page’s data for a super admin, and a 403 for an editor', async () => {
    const res = await api().get('/newsroom/audit-log').query({ 'pagination[pageSize]': 5 }).set(asChief()).expect(200);
    expect((res.body as LogPage).data).toHaveLength(5);
    await api().get('/newsroom/audit-log').set(bearer(tokens.editorSession())).expect(403);
    await api().get('/newsroom/audit-log').set(bearer(tokens.reporterSession())).expect(403);
  });
});

describe('append-only', () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    const before = (await callers.fullAccess.get('/api/audit-log').expect(200)).body as LogPage;
    expect(before.meta.pagination.total).toBeGreaterThan(0);
    const db = await openTestDb();
    try {
      // Matched by message: better-sqlite3's errors come from another realm than jest's Error.
      const refused = { message: expect.stringMatching(/newsroom_audit_log is append-only/) };
      await expect(db.rows(`UPDATE newsroom_audit_log SET target = 'rewritten'`)).rejects.toMatchObject(refused);
      await expect(db.rows('DELETE FROM newsroom_audit_log')).rejects.toMatchObject(refused);
    } finally {
      await db.close();
    }
    const after = (await callers.fullAccess.get('/api/audit-log').expect(200)).body as LogPage;
    expect(after.data.filter((e) => e.target === 'rewritten')).toEqual([]);
    expect(after.meta.pagination.total).toBeGreaterThanOrEqual(before.meta.pagination.total);
  });
});
