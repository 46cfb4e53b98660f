import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, Plugin, Rollup } from 'vite';

/**
 * The boot script (src/boot/boot.ts) is an entry of its own, loaded first and alone, so it runs
 * before the app's code has downloaded; Vite would otherwise merge every page script into one.
 *
 * In the build the app's entry is preloaded, not run: it is named in <meta name="duban-app"> and the
 * boot script runs it once its copy of the 工作台 is painted, or at once on other pages. Evaluating
 * the app (hundreds of milliseconds of main thread) would otherwise stand between the 工作台's
 * answers and their paint. The boot script's own imports and its copy of the 工作台
 * (workbench-shell.ts) are preloaded first.
 */
function bootFirst(): Plugin {
  return {
    name: 'duban-boot-first',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return [{ tag: 'script', attrs: { type: 'module', src: '/src/boot/boot.ts' }, injectTo: 'head-prepend' }];
        const chunks = Object.values(ctx.bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const find = (what: string, test: (c: (typeof chunks)[number]) => boolean) => {
          const found = chunks.find(test);
          if (!found) throw new Error(`${what} chunk missing`);
          return found;
        };
        const boot = find('boot', (c) => c.isEntry && c.name === 'boot');
        const app = find('app entry', (c) => c.isEntry && c.name === 'index').fileName;
        const shell = find('workbench-shell', (c) => !!c.facadeModuleId?.endsWith('/src/boot/workbench-shell.ts'));
        const script = `<script type="module" crossorigin src="/app/${app}"></script>`;
        if (!html.includes(script)) throw new Error('the app entry script is not where the boot script expects it');
        const early = [...new Set([...boot.imports, shell.fileName, ...shell.imports])];
        const page = early
          .reduce((h, f) => h.replace(new RegExp(`\\s*<link rel="modulepreload" crossorigin href="/app/${f.replace(/[.$]/g, '\\$&')}">`), ''), html)
          .replace(script, `<meta name="duban-app" content="/app/${app}">\n    <link rel="modulepreload" crossorigin href="/app/${app}">`);
        const preload = (file: string) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/app/${file}` }, injectTo: 'head-prepend' as const });
        return {
          html: page,
          tags: [{ tag: 'script', attrs: { type: 'module', src: `/app/${boot.fileName}` }, injectTo: 'head-prepend' as const }, ...early.map(preload)],
        };
      },
    },
  };
}

/**
 * src/boot/page-ask.ts as a classic script, first in <head>: the parser runs it as soon as the page
 * arrives, where a module (the boot script) waits for the end of the document; on the 工作台 it sends
 * the first requests that much sooner. Built on its own as one IIFE (its imports inlined), named by
 * the hash of its content like every asset, so the API may let browsers cache it for good.
 */
function pageAsk(): Plugin {
  let code = '';
  let fileName = '';
  return {
    name: 'duban-page-ask',
    apply: 'build',
    async buildStart() {
      const out = (await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          minify: true,
          lib: { entry: fileURLToPath(new URL('src/boot/page-ask.ts', import.meta.url)), formats: ['iife'], name: 'dubanPageAsk' },
        },
      })) as Rollup.RollupOutput[];
      code = out[0].output[0].code;
      fileName = `assets/page-ask-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => (ctx.bundle ? [{ tag: 'script', attrs: { src: `/app/${fileName}` }, injectTo: 'head-prepend' }] : []),
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
  plugins: [react(), bootFirst(), pageAsk(), precompress()],
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
