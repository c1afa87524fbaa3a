import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/chrome-mv3) in a real Chromium. One file at a
// time (each launches a browser), long timeouts. `npm run test:e2e` builds first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
