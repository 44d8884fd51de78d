import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who a write is recorded as. A request carries its own (the admin user, or the API
 * token by name); work that runs outside a request names itself with
 * runAs({ kind: 'system', name }) (the scheduler, seeds, imports), and a restore
 * names its action the same way.
 */
export interface Actor {
  kind: 'admin' | 'token' | 'system';
  id: string | null;
  name: string | null;
}

export const systemActor = (name: string): Actor => ({ kind: 'system', id: null, name });

export interface HistoryContext {
  actor?: Actor;
  /** Records this one write (uid, documentId, locale) under another action: a restore is an update of the draft. */
  action?: { name: string; uid: string; documentId: string; locale: string };
}

const storage = new AsyncLocalStorage<HistoryContext>();

/** Runs fn with these facts for every write it makes, inner settings winning over outer ones. */
export function withHistory<T>(context: HistoryContext, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export const historyContext = (): HistoryContext => storage.getStore() ?? {};

interface RequestState {
  auth?: { strategy?: { name?: string }; credentials?: { id?: unknown; name?: unknown; email?: unknown } };
  user?: { id?: unknown; email?: unknown };
}

/** The actor of a Koa request, from Strapi's auth state (admin session or API token); anything else is the system. */
export function actorOfRequest(state: RequestState | undefined): Actor {
  const strategy = state?.auth?.strategy?.name;
  const credentials = state?.auth?.credentials;
  if (strategy === 'admin' && (state?.user ?? credentials)) {
    const user = state?.user ?? credentials;
    return { kind: 'admin', id: user?.id == null ? null : String(user.id), name: typeof user?.email === 'string' ? user.email : null };
  }
  if (strategy && strategy !== 'users-permissions' && credentials && typeof credentials.name === 'string')
    return { kind: 'token', id: credentials.id == null ? null : String(credentials.id), name: credentials.name };
  return systemActor('system');
}
