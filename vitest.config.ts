import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // End-to-end tests start the CLI (and a browser): on a busy 2-core machine 5 s is too tight.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
