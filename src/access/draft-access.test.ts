import { draftReadAllowed } from './draft-access';

describe('draft reads', () => {
  it.each([
    [{ status: 'published', strategy: 'users-permissions' }, true],
    [{ status: undefined, strategy: 'users-permissions' }, true],
    [{ status: 'draft', strategy: 'content-api-token' }, true],
    [{ status: 'draft', strategy: 'admin' }, true],
    [{ status: 'draft', strategy: undefined }, true],
    [{ status: 'draft', strategy: 'users-permissions' }, false],
  ] as const)('%p -> allowed: %s', (request, allowed) => {
    expect(draftReadAllowed(request)).toBe(allowed);
  });
});
