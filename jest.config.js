/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The production bundle on ../shared/office-emu (test/emu) runs in `npm test`. The malformed-input corpus
  // (test/robustness, ~10 minutes) runs with `npm run test:corpus` (or CHURN_DESK_ALL_TESTS=1).
  testPathIgnorePatterns: process.env.CHURN_DESK_ALL_TESTS ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/robustness/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 120000,
};
