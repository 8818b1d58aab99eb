import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The app icon as dist/renderer/favicon.ico (linked from index.html), so browsers get no 404 for it. */
const favicon = (): Plugin => ({
  name: 'wtc-favicon',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'favicon.ico',
      source: readFileSync(fileURLToPath(new URL('../assets/icon.ico', import.meta.url))),
    });
  },
});

// The UI is loaded from file:// by the desktop window and from http://localhost:7585 by the browser,
// so assets use relative URLs and routing uses the hash.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), favicon()],
  resolve: {
    alias: { '@contract': fileURLToPath(new URL('../src-main/contract/index.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true },
});
