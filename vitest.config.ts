import { defineConfig } from 'vitest/config';

// End-to-end tests spawn the built CLI (about 1 s each on an idle machine); on a busy 2-core
// machine vitest's 5 s default failed different tests on different runs. 60 s is realistic and
// still catches a hang.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
