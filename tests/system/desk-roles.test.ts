import { productionEnvironment, startServer, stopServer, type AppProcess } from '../../scripts/lib/app-server';
import { startSystemApp, stopSystemApp, type SystemApp } from '../helpers/system-app';
import { SUPER_ADMIN } from '../fixtures/accounts';

/**
 * The desk roles are code, reconciled at every boot (src/editorial-roles/): what a
 * super admin changes in Settings → Roles (a permission granted, a role renamed) is
 * put back when the app next starts, and a role deleted by hand is created again.
 */

interface Role {
  id: number;
  name: string;
  code: string;
}
interface Permission {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

const PUBLISH = 'plugin::content-manager.explorer.publish';
let system: SystemApp | undefined;
/** The app now: restarted on the same database by the test. */
let app: AppProcess | undefined;

async function admin<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const login = await fetch(`${app!.baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SUPER_ADMIN),
  });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const res = await fetch(`${app!.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const body = (await res.json()) as { data: T };
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body.data;
}

const roles = () => admin<Role[]>('/admin/roles');
const permissionsOf = (id: number) => admin<Permission[]>(`/admin/roles/${id}/permissions`);

beforeAll(async () => {
  system = await startSystemApp('desk-roles', {
    ...productionEnvironment(),
    ADMIN_EMAIL: SUPER_ADMIN.email,
    ADMIN_PASSWORD: SUPER_ADMIN.password,
    CRON_ENABLED: 'false',
    RATE_LIMIT_ENABLED: 'false',
    SEED_ON_BOOT: 'false',
  });
  app = system.app;
}, 300_000);

afterAll(async () => {
  if (app !== system?.app) await stopServer(app?.child);
  await stopSystemApp(system);
});

describe('the desk roles across a restart', () => {
  it('put back a permission granted by hand, a renamed Editor role and a deleted Reporter role', async () => {
    const before = await roles();
    const reporter = before.find((r) => r.name === 'Reporter')!;
    const editor = before.find((r) => r.code === 'strapi-editor')!;
    expect(editor.name).toBe('Editor');
    const reporterPermissions = await permissionsOf(reporter.id);
    expect(reporterPermissions.some((p) => p.action === PUBLISH)).toBe(false);

    // A super admin lets reporters publish articles and renames the Editor role...
    const granted = [
      ...reporterPermissions.map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions })),
      { action: PUBLISH, subject: 'api::article.article', properties: { locales: ['ar', 'en'] }, conditions: [] },
    ];
    await admin(`/admin/roles/${reporter.id}/permissions`, { method: 'PUT', body: { permissions: granted } });
    expect((await permissionsOf(reporter.id)).some((p) => p.action === PUBLISH)).toBe(true);
    await admin(`/admin/roles/${editor.id}`, { method: 'PUT', body: { name: 'Desk', description: 'renamed by hand' } });

    // ...and the next boot puts the roles back as the code declares them.
    await stopServer(app!.child);
    app = await startServer(system!.env, { label: 'desk-roles restarted' });
    const after = await roles();
    expect(after.find((r) => r.id === editor.id)).toMatchObject({ name: 'Editor', code: 'strapi-editor' });
    expect((await permissionsOf(reporter.id)).some((p) => p.action === PUBLISH)).toBe(false);
    expect((await permissionsOf(reporter.id)).length).toBe(reporterPermissions.length);

    // A Reporter role deleted by hand (it has no users) comes back at the next boot.
    await admin(`/admin/roles/${reporter.id}`, { method: 'DELETE' });
    await stopServer(app!.child);
    app = await startServer(system!.env, { label: 'desk-roles restarted again' });
    const recreated = (await roles()).filter((r) => r.name === 'Reporter');
    expect(recreated).toHaveLength(1);
    expect((await permissionsOf(recreated[0]!.id)).length).toBe(reporterPermissions.length);
  }, 240_000);
});
