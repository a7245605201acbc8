import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Native addons (better-sqlite3, resvg) are safest in child processes.
    pool: 'forks',
    testTimeout: 30_000,
    reporters: ['default', './tests/helpers/closing-line-reporter.ts'],
    hookTimeout: 60_000,
  },
});
