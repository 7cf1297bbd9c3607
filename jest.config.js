// Jest: three projects (node for domain, data and workbench tests; jsdom for UI components; jsdom
// with Node's fetch for the request budgets against the stand-in), one
// swc transform for TypeScript, TSX and the workbench's .mjs helpers. PnPjs ships ESM only, so
// it is transformed too. Run with `npm test` (never `gulp test`: it brings its own jest 25).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { react: { runtime: 'classic' } },
      target: 'es2020'
    },
    module: { type: 'commonjs' }
  }
];

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json']
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'node', testEnvironment: 'node', testMatch: ['<rootDir>/test/{domain,data,workbench}/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/ui/setup.ts']
    },
    {
      ...shared,
      displayName: 'budget',
      testEnvironment: '<rootDir>/test/budget/environment.js',
      testMatch: ['<rootDir>/test/budget/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/ui/setup.ts']
    }
  ]
};
