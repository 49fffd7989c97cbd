import { defineConfig } from 'vitest/config';

/**
 * `npm run test:conformance`: the tests on third-party corpora that may not be copied into the
 * repository, read from CORPORA_DIR (default ../shared/corpora). `npm test` never runs them.
 */
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    // Real corpora are large (a 3.1 MB framework, 717-claim layouts): give them time on a busy machine.
    testTimeout: 60_000,
    globalSetup: ['tests/conformance/global-setup.ts'],
  },
});
