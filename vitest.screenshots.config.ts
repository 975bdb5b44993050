import { defineConfig } from 'vitest/config';

// `npm run screenshots`: only the screenshot script, which `npm test` leaves out (see tests/browser/screenshots.ts).
export default defineConfig({
  test: {
    include: ['tests/browser/screenshots.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
