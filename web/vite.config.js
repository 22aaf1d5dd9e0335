import { defineConfig } from 'vite';
import { nodePolyfills } from 'vite-plugin-node-polyfills';

// @kusto/language-service (the Kusto parser compiled to JavaScript, run in the editor's worker)
// expects Node's globals; the polyfills give it those, without a file system.
export default defineConfig({
  base: './',
  plugins: [nodePolyfills({ overrides: { fs: null } })],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 12000,
    sourcemap: false,
  },
  optimizeDeps: {
    include: [
      '@kusto/monaco-kusto/release/esm/kusto.worker',
      '@kusto/language-service/bridge.min',
      'monaco-editor/esm/vs/editor/editor.worker',
      'xregexp',
    ],
  },
  server: {
    // `npm run dev` proxies the REST endpoints to a running `huntdb serve`.
    proxy: { '/v1': 'http://127.0.0.1:8080', '/v2': 'http://127.0.0.1:8080' },
  },
});
