/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `vite build --mode offline` (npm run build:offline) → dist-offline/: one index.html that opens
 * by double-click (file://) as well as from any folder of any host. Chrome refuses module scripts
 * and `new Worker(url)` from file:// (origin "null"), so this build
 * - bundles the app as one classic (IIFE) script and inlines it, and the CSS, into index.html;
 * - inlines the engine worker as a Blob-URL classic worker (`?worker&inline`), which Chrome
 *   allows from file://; where a CSP forbids blob: workers, engineClient.ts's in-process
 *   fallback takes over as it does in the normal build.
 * The normal build is unchanged: module script, worker as its own chunk.
 */
function offlineSingleFile(): Plugin[] {
  // The one line in engineClient.ts that creates the worker (kept in step by the build failing below).
  const workerNew = /new Worker\(\s*new URL\(\s*(['"])\.\/engine\.worker\.ts\1\s*,\s*import\.meta\.url\s*\)\s*,\s*(\{[^}]*\})\s*\)/;
  const inlineWorker: Plugin = {
    name: 'reservation-lab:offline-inline-worker',
    // Before Vite's own worker plugin turns the `new Worker(new URL(...))` pattern into a chunk.
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/worker/engineClient.ts')) return null;
      if (!workerNew.test(code)) {
        this.error("offline build: src/worker/engineClient.ts no longer creates its worker as new Worker(new URL('./engine.worker.ts', import.meta.url), { ... }); update offlineSingleFile in vite.config.ts to match");
      }
      return { code: `import __InlineEngineWorker from './engine.worker.ts?worker&inline';\n${code.replace(workerNew, 'new __InlineEngineWorker($2)')}`, map: null };
    },
  };
  const singleFile: Plugin = {
    name: 'reservation-lab:offline-single-file',
    // After Vite has written index.html.
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') this.error('offline build: no index.html in the bundle');
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      if (chunks.length !== 1) this.error(`offline build: expected one script, got ${chunks.map((c) => c.fileName).join(', ')}`);
      const js = chunks[0]!;
      if (js.type !== 'chunk') return;
      const css = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      // Inside <script>, "</script" would end the element and "<!--" can change how it is parsed.
      const script = js.code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
      if (/<!--/.test(script)) this.error('offline build: the bundle contains "<!--", which cannot be inlined safely');
      let page = String(html.source)
        .replace(/\s*<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/, '')
        .replace(/\s*<link rel="stylesheet"[^>]*href="[^"]*"[^>]*>/g, '');
      const styles = css.map((c) => `<style>\n${String(c.type === 'asset' ? c.source : '')}</style>`).join('\n');
      page = page.replace('</head>', () => `${styles}\n  </head>`).replace('</body>', () => `<script>\n${script}</script>\n  </body>`);
      html.source = page;
      delete bundle[js.fileName];
      for (const c of css) delete bundle[c.fileName];
    },
  };
  return [inlineWorker, singleFile];
}

export default defineConfig(({ mode }) => {
  const offline = mode === 'offline';
  return {
    // Relative base: the build runs from any sub-path of a static host (and, with the worker
    // inlined, from a plain folder).
    base: './',
    plugins: [react(), ...(offline ? offlineSingleFile() : [])],
    worker: { format: offline ? 'iife' : 'es' },
    ...(offline
      ? {
          build: {
            outDir: 'dist-offline',
            modulePreload: false,
            cssCodeSplit: false,
            rolldownOptions: {
              output: { format: 'iife', codeSplitting: false },
              // Vite's preload helper mentions import.meta; with one chunk it is never called (and is dropped).
              checks: { emptyImportMeta: false },
            },
          },
        }
      : {}),
    server: { port: 5173 },
    preview: { port: 4173, strictPort: true },
    test: {
      // Unit tests live beside the code; Playwright owns e2e/ and must never be picked up here.
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      environment: 'node',
      testTimeout: 30_000,
    },
  };
});
