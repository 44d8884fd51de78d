/**
 * What the audit log records: the admin API calls that change who may do what, and
 * the project's settings. One entry per route, by method and path as Strapi serves
 * them (tests/api/audit-log.test.ts checks each one against the running app's router).
 * Content edits are not here: revision history records those.
 */

/** What names the thing acted on, when the request and its answer say it. */
export type TargetRule =
  /** The email in the request body (a login tried, an account created, a password reset asked for). */
  | { from: 'body'; field: string }
  /** A record named by the `:id` in the path, looked up before the change (a deleted one is gone after). */
  | { from: 'record'; kind: RecordKind }
  /** The ids in a batch body. */
  | { from: 'ids'; kind: RecordKind }
  /** A fixed name: the project settings, a plugin's settings. */
  | { from: 'fixed'; name: string }
  /** The path parameter itself (a content type's uid, a users-permissions role). */
  | { from: 'param'; name: string };

export type RecordKind = 'admin-user' | 'admin-role' | 'api-token' | 'transfer-token' | 'webhook' | 'locale';

export interface AuditedRoute {
  method: 'POST' | 'PUT' | 'DELETE';
  /** As in Strapi's router: `/admin/users/:id`. */
  path: string;
  action: string;
  target: TargetRule;
}

const record = (kind: RecordKind): TargetRule => ({ from: 'record', kind });
const ids = (kind: RecordKind): TargetRule => ({ from: 'ids', kind });

export const AUDITED_ROUTES: readonly AuditedRoute[] = [
  // Sessions and accounts.
  { method: 'POST', path: '/admin/login', action: 'admin.login', target: { from: 'body', field: 'email' } },
  { method: 'POST', path: '/admin/register-admin', action: 'admin.register', target: { from: 'body', field: 'email' } },
  { method: 'POST', path: '/admin/register', action: 'admin.register', target: { from: 'body', field: 'userInfo.email' } },
  { method: 'POST', path: '/admin/forgot-password', action: 'admin.password.forgot', target: { from: 'body', field: 'email' } },
  { method: 'POST', path: '/admin/reset-password', action: 'admin.password.reset', target: { from: 'fixed', name: 'reset token' } },
  { method: 'POST', path: '/admin/users', action: 'admin.user.create', target: { from: 'body', field: 'email' } },
  { method: 'PUT', path: '/admin/users/me', action: 'admin.user.update-self', target: { from: 'fixed', name: 'own account' } },
  { method: 'PUT', path: '/admin/users/:id', action: 'admin.user.update', target: record('admin-user') },
  { method: 'DELETE', path: '/admin/users/:id', action: 'admin.user.delete', target: record('admin-user') },
  { method: 'POST', path: '/admin/users/batch-delete', action: 'admin.user.delete', target: ids('admin-user') },
  // Roles and permissions.
  { method: 'POST', path: '/admin/roles', action: 'admin.role.create', target: { from: 'body', field: 'name' } },
  { method: 'PUT', path: '/admin/roles/:id', action: 'admin.role.update', target: record('admin-role') },
  { method: 'PUT', path: '/admin/roles/:id/permissions', action: 'admin.role.permissions', target: record('admin-role') },
  { method: 'DELETE', path: '/admin/roles/:id', action: 'admin.role.delete', target: record('admin-role') },
  { method: 'POST', path: '/admin/roles/batch-delete', action: 'admin.role.delete', target: ids('admin-role') },
  { method: 'POST', path: '/users-permissions/roles', action: 'users-permissions.role.create', target: { from: 'body', field: 'name' } },
  { method: 'PUT', path: '/users-permissions/roles/:role', action: 'users-permissions.role.update', target: { from: 'param', name: 'role' } },
  { method: 'DELETE', path: '/users-permissions/roles/:role', action: 'users-permissions.role.delete', target: { from: 'param', name: 'role' } },
  // Tokens.
  { method: 'POST', path: '/admin/api-tokens', action: 'api-token.create', target: { from: 'body', field: 'name' } },
  { method: 'PUT', path: '/admin/api-tokens/:id', action: 'api-token.update', target: record('api-token') },
  { method: 'POST', path: '/admin/api-tokens/:id/regenerate', action: 'api-token.regenerate', target: record('api-token') },
  { method: 'DELETE', path: '/admin/api-tokens/:id', action: 'api-token.delete', target: record('api-token') },
  { method: 'POST', path: '/admin/transfer/tokens', action: 'transfer-token.create', target: { from: 'body', field: 'name' } },
  { method: 'PUT', path: '/admin/transfer/tokens/:id', action: 'transfer-token.update', target: record('transfer-token') },
  { method: 'POST', path: '/admin/transfer/tokens/:id/regenerate', action: 'transfer-token.regenerate', target: record('transfer-token') },
  { method: 'DELETE', path: '/admin/transfer/tokens/:id', action: 'transfer-token.delete', target: record('transfer-token') },
  // The project's settings.
  { method: 'POST', path: '/admin/webhooks', action: 'webhook.create', target: { from: 'body', field: 'name' } },
  { method: 'PUT', path: '/admin/webhooks/:id', action: 'webhook.update', target: record('webhook') },
  { method: 'DELETE', path: '/admin/webhooks/:id', action: 'webhook.delete', target: record('webhook') },
  { method: 'POST', path: '/admin/webhooks/batch-delete', action: 'webhook.delete', target: ids('webhook') },
  {
    method: 'POST',
    path: '/newsroom/webhook-deliveries/retry-failed',
    action: 'webhook-delivery.retry',
    target: { from: 'fixed', name: 'every failed delivery' },
  },
  { method: 'POST', path: '/newsroom/webhook-deliveries/:id/retry', action: 'webhook-delivery.retry', target: { from: 'param', name: 'id' } },
  { method: 'POST', path: '/admin/project-settings', action: 'project-settings.update', target: { from: 'fixed', name: 'project settings' } },
  { method: 'POST', path: '/i18n/locales', action: 'locale.create', target: { from: 'body', field: 'code' } },
  { method: 'PUT', path: '/i18n/locales/:id', action: 'locale.update', target: record('locale') },
  { method: 'DELETE', path: '/i18n/locales/:id', action: 'locale.delete', target: record('locale') },
  { method: 'PUT', path: '/upload/settings', action: 'upload.settings.update', target: { from: 'fixed', name: 'media library settings' } },
  { method: 'PUT', path: '/users-permissions/advanced', action: 'users-permissions.settings.update', target: { from: 'fixed', name: 'advanced settings' } },
  { method: 'PUT', path: '/users-permissions/providers', action: 'users-permissions.settings.update', target: { from: 'fixed', name: 'providers' } },
  {
    method: 'PUT',
    path: '/users-permissions/email-templates',
    action: 'users-permissions.settings.update',
    target: { from: 'fixed', name: 'email templates' },
  },
  { method: 'PUT', path: '/content-manager/content-types/:uid/configuration', action: 'content-manager.view.update', target: { from: 'param', name: 'uid' } },
  { method: 'PUT', path: '/content-manager/components/:uid/configuration', action: 'content-manager.view.update', target: { from: 'param', name: 'uid' } },
];

export interface MatchedRoute {
  route: AuditedRoute;
  params: Record<string, string>;
}

const compiled = AUDITED_ROUTES.map((route) => {
  const names: string[] = [];
  const pattern = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, regex: new RegExp(`^${pattern}/?$`) };
});

/** The audited route a request is for, if any. A literal path (`/admin/users/me`) wins over a parameter (`/admin/users/:id`). */
export function matchAuditedRoute(method: string, path: string): MatchedRoute | null {
  const candidates = compiled.filter((c) => c.route.method === method.toUpperCase() && c.regex.test(path));
  const best = candidates.sort((a, b) => a.names.length - b.names.length)[0];
  if (!best) return null;
  const values = best.regex.exec(path)!.slice(1);
  return { route: best.route, params: Object.fromEntries(best.names.map((name, i) => [name, decodeURIComponent(values[i]!)])) };
}

/** A dotted field of a parsed body, as text; anything else is not a name. */
export function bodyField(body: unknown, field: string): string | null {
  let value: unknown = body;
  for (const key of field.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 255) : null;
}

/** `success` for a 2xx or 3xx answer, `failure` otherwise: a refused login, a forbidden change, a bad request. */
export const outcomeOf = (status: number): 'success' | 'failure' => (status >= 200 && status < 400 ? 'success' : 'failure');
