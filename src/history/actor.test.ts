import { actorOfRequest, historyContext, systemActor, withHistory } from './actor';

describe('actorOfRequest', () => {
  it('names an admin by id and email', () => {
    expect(actorOfRequest({ auth: { strategy: { name: 'admin' }, credentials: { id: 3 } }, user: { id: 3, email: 'e@newsroom.test' } })).toEqual({
      kind: 'admin',
      id: '3',
      name: 'e@newsroom.test',
    });
  });

  it('names an API token by its name', () => {
    expect(actorOfRequest({ auth: { strategy: { name: 'content-api-token' }, credentials: { id: 5, name: 'importer' } } })).toEqual({
      kind: 'token',
      id: '5',
      name: 'importer',
    });
  });

  it('is the system outside a request, and for the public', () => {
    expect(actorOfRequest(undefined)).toEqual(systemActor('system'));
    expect(actorOfRequest({ auth: { strategy: { name: 'users-permissions' }, credentials: { id: 1, name: 'reader' } } })).toEqual(systemActor('system'));
  });
});

describe('withHistory', () => {
  it('holds across awaits and lets inner settings win', async () => {
    const seen = await withHistory({ actor: systemActor('seed') }, async () => {
      await new Promise((r) => setImmediate(r));
      const outer = historyContext().actor?.name;
      const inner = await withHistory({ actor: systemActor('import') }, async () => historyContext().actor?.name);
      return [outer, inner, historyContext().actor?.name];
    });
    expect(seen).toEqual(['seed', 'import', 'seed']);
    expect(historyContext()).toEqual({});
  });
});
