/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // With isolatedModules in tsconfig, ts-jest transpiles file by file; `npm run typecheck` checks types once.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    // The package's `main` is untranspiled ESM that neither Node nor jest loads; its UMD bundle works
    // without a DOM for parsing and validating cards.
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.min.js',
    // strip-bom 5 is ESM only and @microsoft/app-manifest require()s it (toolchain G9).
    '^strip-bom$': '<rootDir>/test/shims/strip-bom.js',
  },
  testTimeout: 30000,
};
