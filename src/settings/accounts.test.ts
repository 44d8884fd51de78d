import { AccountConfigError, declaredAccounts } from './accounts';

const strongAdmin = 'Tamarind-Lantern-Quarry-91';
const strongEditor = 'Harbor-Violet-Compass-37';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    declaredAccounts(environment);
    return [];
  } catch (error) {
    if (error instanceof AccountConfigError) return error.problems;
    throw error;
  }
}

describe('declaredAccounts', () => {
  it('declares nothing when no variable is set', () => {
    expect(declaredAccounts({})).toEqual([]);
  });

  it('declares the super admin and the editor, normalising emails', () => {
    expect(
      declaredAccounts({
        ADMIN_EMAIL: ' Chief@Newsroom.Example ',
        ADMIN_PASSWORD: strongAdmin,
        EDITOR_EMAIL: 'desk@newsroom.example',
        EDITOR_PASSWORD: strongEditor,
        EDITOR_FIRSTNAME: 'Layla',
      }),
    ).toEqual([
      { role: 'super-admin', email: 'chief@newsroom.example', password: strongAdmin, firstname: 'Admin', passwordVariable: 'ADMIN_PASSWORD' },
      { role: 'editor', email: 'desk@newsroom.example', password: strongEditor, firstname: 'Layla', passwordVariable: 'EDITOR_PASSWORD' },
    ]);
  });

  it('names a half-declared pair and a bad email', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'chief@newsroom.example', EDITOR_PASSWORD: strongEditor })).toEqual([
      'ADMIN_EMAIL is set but ADMIN_PASSWORD is not',
      'EDITOR_PASSWORD is set but EDITOR_EMAIL is not',
    ]);
    expect(problemsOf({ ADMIN_EMAIL: 'chief', ADMIN_PASSWORD: strongAdmin })).toEqual(['ADMIN_EMAIL is not an email address']);
  });

  it("applies Strapi's own password rules in every environment", () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'short' })).toEqual([
      'ADMIN_PASSWORD must be at least 8 characters',
      'ADMIN_PASSWORD must contain an uppercase letter',
      'ADMIN_PASSWORD must contain a number',
    ]);
  });

  it('accepts a simple valid password in development', () => {
    expect(declaredAccounts({ ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'Admin12345!' })).toHaveLength(1);
  });

  it.each([
    ['Admin12345!', 'ADMIN_PASSWORD is an example password from the documentation; choose your own'],
    ['Password123', 'ADMIN_PASSWORD is an example password from the documentation; choose your own'],
    ['Newsroom2024', 'ADMIN_PASSWORD is too weak for production: strength'],
    ['Chief1234567', 'ADMIN_PASSWORD is too weak for production: strength'],
    ['Abc123', 'ADMIN_PASSWORD must be at least 12 characters in production'],
  ])('refuses %s in production', (password, message) => {
    const problems = problemsOf({ NODE_ENV: 'production', ADMIN_EMAIL: 'chief@newsroom.example', ADMIN_PASSWORD: password });
    expect(problems.join('\n')).toContain(message);
    expect(problems.join('\n')).not.toContain(password);
  });

  it('accepts strong passwords in production', () => {
    expect(
      declaredAccounts({
        NODE_ENV: 'production',
        ADMIN_EMAIL: 'chief@newsroom.example',
        ADMIN_PASSWORD: strongAdmin,
        EDITOR_EMAIL: 'desk@newsroom.example',
        EDITOR_PASSWORD: strongEditor,
      }),
    ).toHaveLength(2);
  });

  it('refuses the same email for both accounts', () => {
    expect(
      problemsOf({ ADMIN_EMAIL: 'x@newsroom.example', ADMIN_PASSWORD: strongAdmin, EDITOR_EMAIL: 'X@newsroom.example', EDITOR_PASSWORD: strongEditor }),
    ).toEqual(['ADMIN_EMAIL and EDITOR_EMAIL must be different accounts']);
  });
});
