/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // The storage-outage test takes a minute and still fails about one run in three on a loaded
  // 2-core machine (a timing race in the test, not yet pinned down), so only
  // `npm run test:faults` runs it.
  testPathIgnorePatterns: process.env.ALL_FAULTS ? ['/node_modules/'] : ['/node_modules/', 'storage-outage'],
  // The renderer's package entry point is ES modules; its UMD bundle loads in Node.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
};
