import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Relative asset paths so the production build runs from any static folder.
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
