// The renderer bundle: root is renderer/, output goes to dist/renderer (served by `millrace serve`).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    // `npm run dev:ui` proxies the API to a running `millrace serve` (MILLRACE_API, default port 5180).
    proxy: {
      '/api': { target: process.env.MILLRACE_API ?? 'http://127.0.0.1:5180', ws: true, changeOrigin: false },
    },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
