// Two projects: fast unit tests beside the domain modules, and API tests that run
// against one booted app (see tests/helpers/global-setup.ts). `npm test` runs both
// in band, because the API suite shares one server and one compiled dist/.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/database'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
  testTimeout: 120000,
};
