import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Relative asset paths so the production build runs from any static folder.
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    // The component tests resolve with the `browser` condition, which gives ws its browser stub;
    // the server tests need Node's ws, and so does @hocuspocus/server (inlined to see the alias).
    alias: { ws: fileURLToPath(new URL('./node_modules/ws/wrapper.mjs', import.meta.url)) },
    server: { deps: { inline: ['@hocuspocus/server', '@hocuspocus/extension-redis'] } },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
