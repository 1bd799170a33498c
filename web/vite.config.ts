import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The graph browser: `npm run web:build` writes static files to web/dist, which the server
 * serves at `/`. `npm run web:dev` serves web/ with hot reload and proxies /api to the API
 * (KG_API_URL, default http://127.0.0.1:3000).
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // Types and label constants are imported from ../graph-schema and ../server.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': process.env.KG_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
