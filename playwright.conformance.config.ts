import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** The browser half of `npm run test:conformance`: opening the outside corpora in the built app. */
export default defineConfig({
  ...base,
  testDir: 'tests/conformance/e2e',
  globalSetup: './tests/conformance/global-setup.ts',
});
