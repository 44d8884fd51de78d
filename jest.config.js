// Four projects: fast unit tests beside the domain modules, API tests against one
// booted app (tests/helpers/global-setup.ts), the two-instance test, and the browser test of the admin panel.
// `npm test` runs unit and api in band (the API suite shares one server and one
// compiled dist/); `npm run test:browser` runs the browser project.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      // scripts/: the benchmarks' pure rules (percentiles, stale reads), tested like the app's.
      roots: ['<rootDir>/src', '<rootDir>/database', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/api'],
      testMatch: ['**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      // Not part of `npm test`: the exhaustive filter sweep against one booted app (`npm run sweep`).
      displayName: 'sweep',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/sweep'],
      testMatch: ['**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      // Not part of `npm test`: needs a production build, PostgreSQL and Redis (`npm run test:cluster`).
      displayName: 'cluster',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/cluster'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      // Not part of `npm test`: faults and limits in real processes (`npm run test:system`); needs a build,
      // PostgreSQL it may stop and start, and root to do so.
      displayName: 'system',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/system'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      // Not part of `npm test`: needs Chromium and an admin build (`npm run test:browser`).
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/browser'],
      testMatch: ['**/*.browser.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/browser/global-setup.ts',
      globalTeardown: '<rootDir>/tests/browser/global-teardown.ts',
    },
  ],
  testTimeout: 120000,
};
