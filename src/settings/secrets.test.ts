import { appKeys, assertProductionSecrets, InsecureSecretError, secret, secretProblems } from './secrets';

const strong = 'k3J9vQ2mX8pL4wR7tY1uZ6aB';
const productionEnv = {
  NODE_ENV: 'production',
  APP_KEYS: `${strong}1,${strong}2`,
  API_TOKEN_SALT: `${strong}3`,
  ADMIN_JWT_SECRET: `${strong}4`,
  TRANSFER_TOKEN_SALT: `${strong}5`,
  JWT_SECRET: `${strong}6`,
  ENCRYPTION_KEY: `${strong}7`,
};

describe('secrets in development', () => {
  it('falls back to labelled development values when nothing is set', () => {
    expect(secret('JWT_SECRET', {})).toBe('dev-only-insecure-jwt_secret');
    expect(appKeys({})).toEqual(['dev-only-insecure-app-key-1', 'dev-only-insecure-app-key-2']);
  });

  it('uses the environment value when one is set', () => {
    expect(secret('JWT_SECRET', { JWT_SECRET: 'mine' })).toBe('mine');
    expect(appKeys({ APP_KEYS: 'a, b ,,c' })).toEqual(['a', 'b', 'c']);
  });
});

describe('secrets in production', () => {
  it('accepts a complete set of strong secrets', () => {
    expect(() => assertProductionSecrets(productionEnv)).not.toThrow();
    expect(secret('ADMIN_JWT_SECRET', productionEnv)).toBe(`${strong}4`);
    expect(appKeys(productionEnv)).toHaveLength(2);
  });

  it.each([
    ['JWT_SECRET', undefined, 'JWT_SECRET is not set'],
    ['JWT_SECRET', '   ', 'JWT_SECRET is not set'],
    ['ADMIN_JWT_SECRET', 'tobemodified', 'ADMIN_JWT_SECRET is still a placeholder value'],
    ['ENCRYPTION_KEY', 'replace-me-with-32-random-bytes', 'ENCRYPTION_KEY is still a placeholder value'],
    ['API_TOKEN_SALT', 'dev-only-insecure-api_token_salt', 'API_TOKEN_SALT is still a placeholder value'],
    ['TRANSFER_TOKEN_SALT', 'short', 'TRANSFER_TOKEN_SALT is shorter than 16 characters'],
    ['APP_KEYS', '', 'APP_KEYS is not set'],
    ['APP_KEYS', `${strong},changeme`, 'APP_KEYS (key 2) is still a placeholder value'],
  ])('refuses %s=%p with a message naming the variable', (name, value, message) => {
    const environment = { ...productionEnv, [name]: value };
    expect(() => assertProductionSecrets(environment)).toThrow(InsecureSecretError);
    expect(() => assertProductionSecrets(environment)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    const environment = { NODE_ENV: 'production' };
    expect(secretProblems(environment).map((p) => p.variable)).toEqual([
      'APP_KEYS',
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'JWT_SECRET',
      'ENCRYPTION_KEY',
    ]);
  });
});
