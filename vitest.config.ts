import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    // End-to-end tests spawn the real binary; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
