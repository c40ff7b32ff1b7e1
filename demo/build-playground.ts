/**
 * Builds the clinicians' rule playground into dist/playground/ (`npm start`
 * runs it after the widget build; `npm run build` and the widget bundle are
 * untouched):
 *
 *   dist/playground/playground.js   the page (Preact), default rules as text
 *   dist/playground/worker.js       the checks (loader, Zod, YAML, prover)
 *   dist/playground/mermaid/…       Mermaid's own prebuilt ES module, copied
 *
 * The playground may ship YAML and Zod (it validates what the clinician
 * types); the widget script never does, and this build never writes it.
 * Mermaid is copied, not bundled: its prebuilt files load lazily per diagram
 * type, and bundling 3 MB of it would make every `npm start` slow.
 *
 *   npx tsx demo/build-playground.ts
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { projectConfig } from '../vite.config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'dist/playground');
const MERMAID_DIST = resolve(ROOT, 'node_modules/mermaid/dist');

/** Copies Mermaid's minified ES module and its chunks (no source maps). */
function copyMermaid(): boolean {
  const entry = join(MERMAID_DIST, 'mermaid.esm.min.mjs');
  const chunks = join(MERMAID_DIST, 'chunks/mermaid.esm.min');
  if (!existsSync(entry) || !existsSync(chunks)) return false;
  const target = join(OUT, 'mermaid');
  mkdirSync(join(target, 'chunks/mermaid.esm.min'), { recursive: true });
  cpSync(entry, join(target, 'mermaid.esm.min.mjs'));
  for (const file of readdirSync(chunks)) {
    if (file.endsWith('.mjs')) cpSync(join(chunks, file), join(target, 'chunks/mermaid.esm.min', file));
  }
  return true;
}

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  await build({
    // The project's own JSX set-up: the preview renders the widget's components as the widget build compiles them.
    ...projectConfig(),
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: OUT,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
      lib: {
        entry: { playground: resolve(ROOT, 'demo/playground/main.tsx'), worker: resolve(ROOT, 'demo/playground/worker.ts') },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
    },
  });
  const mermaid = copyMermaid();
  console.log(`playground dist/playground/ built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!mermaid) console.warn('playground: mermaid is not installed (npm install); the flow diagram will show its Mermaid text only');
}

main().catch((error: unknown) => {
  console.error(`playground build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
