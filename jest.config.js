/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  testPathIgnorePatterns: ['/node_modules/'],
  // The renderer's package entry point is ES modules; its UMD bundle loads in Node.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
};
