import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, Plugin } from 'vite';

/**
 * The boot script (src/boot/boot.ts) is an entry of its own, loaded first and alone, so it runs
 * before the app's code has downloaded; Vite would otherwise merge every page script into one.
 */
function bootFirst(): Plugin {
  return {
    name: 'duban-boot-first',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = ctx.bundle
          ? Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot')?.fileName
          : 'src/boot/boot.ts';
        if (!boot) throw new Error('boot chunk missing');
        return [{ tag: 'script', attrs: { type: 'module', src: `/app/${boot}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/** Writes a .gz beside every script and stylesheet; the API sends it to browsers that accept gzip. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'duban-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const f of readdirSync(assets)) {
        if (/\.(js|css)$/.test(f)) writeFileSync(join(assets, `${f}.gz`), gzipSync(readFileSync(join(assets, f)), { level: 9 }));
      }
    },
  };
}

// The pages are served by the API process under /app (apps/api/src/web); `vite` alone (dev server)
// proxies the API on the same origin so cookies and CSP behave as in production.
const api = 'http://127.0.0.1:3000';
const proxied = ['/auth', '/me', '/tasks', '/ack', '/plans', '/units', '/users', '/reports', '/extensions', '/reminders', '/calendar', '/health', '/docs', '/imports'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react(), bootFirst(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('index.html', import.meta.url)), boot: fileURLToPath(new URL('src/boot/boot.ts', import.meta.url)) },
    },
    // The budget that matters is the first load of login and 工作台 (bench/web measures it).
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: Object.fromEntries(proxied.map((p) => [p, api])) },
});
