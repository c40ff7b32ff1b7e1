/// <reference types="vitest/config" />
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig, type Plugin, type UserConfig } from 'vite';
import type { CompiledRuleSet } from './src/core/compile.ts';
import {
  defaultRulesPlugin,
  terserPass,
  trimmedXstatePlugin,
  uiLanguages,
  uiStringsPlugin,
  WIDGET_TSX,
  widgetJsx,
} from './widget/build/plugins.ts';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * What every build and test of this project shares: the root, JSX (the
 * widget's own .tsx with its classic `h`, see widget/build/plugins.ts; every
 * other .tsx with Preact's automatic runtime) and the widget's own words in
 * `languages` (all of them unless a bundle says otherwise). The widget
 * build, the playground build, the bench and Vitest all start from it, so a
 * file compiles the same way everywhere.
 *
 * @example
 * await build({ ...projectConfig(), build: { … } });
 */
export function projectConfig(languages: readonly string[] = uiLanguages()): UserConfig & { configFile: false; root: string } {
  return {
    configFile: false,
    root: ROOT,
    plugins: [widgetJsx(), uiStringsPlugin(languages)],
    // The language switch exists only in a bundle with more than one language (widget/locale.ts).
    define: {
      __SCREENER_MULTILINGUAL__: String(languages.length > 1),
      __SCREENER_REQUIRE_SIGNED__: 'false',
      __SCREENER_SERVER_SAFE__: 'true',
    },
    oxc: { exclude: WIDGET_TSX, jsx: { runtime: 'automatic', importSource: 'preact' } },
  };
}

/** Options of {@link widgetBuild}. */
export interface WidgetBuildOptions {
  /** `iife`: the script tag file (widget/entry-script.ts); `es`: the package's module (widget/entry-module.ts). */
  format: 'iife' | 'es';
  fileName: string;
  /** The default rules the bundle carries (only their patient-facing fields ship); `null` leaves them out (the bench prices them so). */
  compiled: CompiledRuleSet | null;
  /** The package version, shown in the widget's console warnings. */
  version: string;
  /**
   * The language the bundle is for: its rules' text and the widget's own words in it only (each
   * script tag file is one language, within the size budget); `null`, every language (the
   * package's module). Default: the rules' own locale for `iife`, every language for `es`.
   */
  lang?: string | null;
  /** Where to write; nothing is written without it (the bench builds in memory). */
  outDir?: string;
  sourcemap?: boolean;
  /** Terser's second pass on the script tag file (default: on for `iife`); the bench runs it itself to carry the sourcemap through. */
  terser?: boolean;
  /** Plugins after the widget's own (the bench's variants). */
  plugins?: Plugin[];
  /** Rules not signed for their content (`screener sign`) show the contact-the-clinic message (`npm run build -- --require-signed`). */
  requireSigned?: boolean;
}

/**
 * The widget build: the one Vite configuration of both bundles the widget
 * ships, used by `npm run build` (widget/build/build.ts) and by the bench's
 * rebuild with a sourcemap (tests/bench/breakdown.ts), so the bytes the
 * bench attributes are the bytes patients download.
 *
 * @example
 * await build(widgetBuild({ format: 'iife', fileName: 'eligibility-screener.js', compiled, version, outDir: 'dist' }));
 */
export function widgetBuild(options: WidgetBuildOptions): InlineConfig {
  const lang = options.lang !== undefined ? options.lang : options.format === 'iife' ? (options.compiled?.ruleSet.locale ?? null) : null;
  const shared = projectConfig(lang ? [lang] : uiLanguages());
  const terser = options.terser ?? options.format === 'iife';
  return {
    ...shared,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    plugins: [
      ...(shared.plugins ?? []),
      defaultRulesPlugin(options.compiled, lang),
      trimmedXstatePlugin(),
      ...(terser ? [terserPass()] : []),
      ...(options.plugins ?? []),
    ],
    define: {
      ...shared.define,
      __SCREENER_REQUIRE_SIGNED__: String(options.requireSigned === true),
      // Only the package's module is imported on a server (Next.js, Astro); the script tag file pays nothing for it.
      __SCREENER_SERVER_SAFE__: String(options.format === 'es'),
      'process.env.NODE_ENV': '"production"',
      __SCREENER_VERSION__: JSON.stringify(options.version),
    },
    build: {
      ...(options.outDir === undefined ? { write: false } : { outDir: options.outDir, write: true }),
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      cssMinify: true,
      sourcemap: options.sourcemap === true,
      target: 'es2022',
      reportCompressedSize: false,
      lib: {
        entry: resolve(ROOT, options.format === 'iife' ? 'widget/entry-script.ts' : 'widget/entry-module.ts'),
        name: 'EligibilityScreenerBundle',
        formats: [options.format],
        fileName: () => options.fileName,
      },
    },
  };
}

// Vitest projects by folder: every test file lands in exactly one of them.
//   tests/unit/**       Node: schema, loader, engine, machine, CLI, rules, analysis.
//   tests/components/** happy-dom: Preact screens through @testing-library/preact.
//   tests/browser/**    Node driving Debian's Chromium with playwright-core against dist/.
const { configFile: _configFile, ...testBase } = projectConfig();
export default defineConfig({
  ...testBase,
  test: {
    projects: [
      {
        extends: true,
        // Timeouts only catch hangs: a loaded 2-core CI machine can run a heavy test 10x slower.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.{ts,tsx}'], environment: 'happy-dom', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
