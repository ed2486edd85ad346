import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// The dev server proxies the API to the Fastify server (port 3000 unless QINGSHAN_API_TARGET says
// otherwise). The build goes to dist/, which the server serves at `/` with an SPA fallback.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', 'QINGSHAN_');
  const target = env.QINGSHAN_API_TARGET || 'http://127.0.0.1:3000';
  return {
    base: '/',
    plugins: [react()],
    server: {
      proxy: {
        '/api': { target, changeOrigin: false },
        '/metrics': { target, changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
  };
});
