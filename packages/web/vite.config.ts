import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { BUREAU_NAME } from '../core/src/bureau.ts';

/**
 * Writes `name.br` and `name.gz` beside every compressible build output, once at build time, so
 * the server sends them as they are (`@fastify/static` `preCompressed`) instead of compressing per
 * request or not at all. Small files are left alone: the server falls back to the plain file.
 */
/** The page title and description name the bureau as core/bureau.ts does, not a copy in index.html. */
export function bureauName(): Plugin {
  return {
    name: 'qingshan-bureau-name',
    transformIndexHtml: (html) => html.replaceAll('%BUREAU_NAME%', BUREAU_NAME),
  };
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'qingshan-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const p = path.join(dir, e.name);
          return e.isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        const br = zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        });
        const gz = zlib.gzipSync(data, { level: 9 });
        if (br.length < data.length) fs.writeFileSync(`${file}.br`, br);
        if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

// The dev server proxies the API to the Fastify server (port 3000 unless QINGSHAN_API_TARGET says
// otherwise). The build goes to dist/, which the server serves at `/` with an SPA fallback.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', 'QINGSHAN_');
  const target = env.QINGSHAN_API_TARGET || 'http://127.0.0.1:3000';
  return {
    base: '/',
    plugins: [react(), bureauName(), precompress()],
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
