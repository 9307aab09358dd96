/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Everything runs in `npm test`, the production bundle on ../shared/office-emu (test/emu) and the malformed-input
  // corpus (test/robustness) included; `npm run test:emu` / `npm run test:corpus` run one of them alone.
  testPathIgnorePatterns: ['/node_modules/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 120000,
};
