import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Every exchange with the fake Admin API is checked against the OpenAPI document; drift fails the test.
    globalSetup: ['test/setup/openapi-coverage.ts'],
    setupFiles: ['test/setup/openapi-drift.ts'],
  },
});
