/**
 * Vite build of the web app: root web/, output web/dist (served by `jixiao serve`). In dev (`vite --config
 * web/vite.config.ts`) /api is proxied to a server on 127.0.0.1:3000. The pure core under ../src is bundled
 * straight from source (Vite resolves the `.js` suffixes of TypeScript imports).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Libraries split into their own long-cached chunks (all are needed on the first screen except echarts). */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  return undefined;
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: true,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      // zod's sources carry /* @__PURE__ */ comments Rollup cannot place; harmless, and not ours to fix
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
