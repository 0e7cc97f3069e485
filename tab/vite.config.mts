import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds the tab to dist/tab/, served by the bot's own server under /tab/. */
export default defineConfig({
  root: here,
  base: '/tab/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(here, '../dist/tab'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    // One bundle is fine: its gzip size is the budget that counts (npm run bench, key tab.js_kb_gzip).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Fluent's icon chunks start with React's "use client", which means nothing in a browser-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
