import { defineConfig } from 'vitest/config';

// The Firefox build (.output/firefox-mv3) in Firefox ESR over WebDriver BiDi. One file,
// one browser. Node 20 has its WebSocket behind a flag; Node 22+ has it built in.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
  },
});
