/**
 * The Vite and Rolldown plugins of the widget build (widget/build/build.ts):
 * the compiled default rules as a virtual module, XState trimmed of code the
 * widget never runs, and Terser's second pass over the script tag file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify as terser, type MinifyOptions } from 'terser';
import { type Plugin, transformWithOxc } from 'vite';
import type { CompiledRuleSet } from '../../src/core/compile.ts';
import { patientFacing, withoutClinicianFields } from './ship.ts';
import {
  NOT_IN_BUILD_CODE,
  NOT_IN_BUILD_MODULE,
  stubbedFeaturesUsed,
  trimXstateModule,
  XSTATE_PIECES,
  xstateChunk,
  XstateTrimError,
} from './xstate-trim.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIRTUAL_RULES = 'virtual:eligibility-screener/default-rules';

/** A build check failed: the message says what and how to fix it. */
export class BuildError extends Error {}

/**
 * Serves the compiled default rules as a module, so no file is written into
 * the source tree; `null` serves none (the bench prices the rules so). In
 * `lang` only, or with `lang` null in every language the file has.
 *
 * @example
 * widgetBuild({ compiled, … }) // adds defaultRulesPlugin(compiled)
 */
export function defaultRulesPlugin(compiled: CompiledRuleSet | null, lang: string | null = compiled?.ruleSet.locale ?? null): Plugin {
  const resolved = `\0${VIRTUAL_RULES}`;
  // One language for a script tag file; every language for the package's module.
  const shipped = compiled ? JSON.stringify(lang ? patientFacing(compiled, lang) : withoutClinicianFields(compiled)) : '{}';
  return {
    name: 'eligibility-screener-default-rules',
    resolveId: (id) => (id === VIRTUAL_RULES ? resolved : null),
    load: (id) => (id === resolved ? `export default ${shipped};` : null),
  };
}

const XSTATE_SHIM = resolve(ROOT, 'widget/build/xstate-setup.ts');

/**
 * XState for the widget, trimmed of code it never runs:
 * - `xstate` points at widget/build/xstate-setup.ts (XState with a trimmed
 *   `setup()`), after checking that the machine only ever calls
 *   `setup(…).createMachine(…)`;
 * - XState's devtools adapter is stubbed;
 * - the bodies of XState functions the widget never runs are replaced by
 *   stubs that throw (widget/build/xstate-trim.ts). The build fails if one of those
 *   pieces is missing or changed (XState upgraded), or was never applied.
 * Exported for the bench's breakdown rebuild and the trimming's tests.
 *
 * @example
 * await build({ plugins: [trimmedXstatePlugin()], … });
 */
export function trimmedXstatePlugin(): Plugin {
  const machine = readFileSync(resolve(ROOT, 'src/core/machine.ts'), 'utf8');
  const setups = machine.match(/\bsetup\(/g)?.length ?? 0;
  const creates = machine.match(/\}\)\.createMachine\(/g)?.length ?? 0;
  if (setups !== creates) {
    throw new BuildError(
      'src/core/machine.ts uses setup() for more than .createMachine(); extend widget/build/xstate-setup.ts or drop the alias in widget/build/build.ts',
    );
  }
  const stubbed = stubbedFeaturesUsed(machine);
  if (stubbed.length > 0) {
    throw new BuildError(
      `src/core/machine.ts uses ${stubbed.join(', ')}, which the widget build trims out of XState: remove the matching pieces from widget/build/xstate-trim.ts`,
    );
  }
  const devTools = '\0xstate-devtools-off';
  const notInBuild = `\0${NOT_IN_BUILD_MODULE}`;
  const applied = new Set<string>();
  return {
    name: 'eligibility-screener-trimmed-xstate',
    enforce: 'pre',
    resolveId: (id, importer) => {
      if (id === 'xstate' && importer !== XSTATE_SHIM) return XSTATE_SHIM;
      if (id === NOT_IN_BUILD_MODULE) return notInBuild;
      // XState's devtools adapter hands the actor (answers included) to a page's `window.__xstate__`
      // when an actor asks for devtools. Ours never do; the stub makes sure, and saves bytes.
      if (id.endsWith('/xstate-dev.esm.js') && importer?.includes('/node_modules/xstate/')) return devTools;
      return null;
    },
    load: (id) => (id === devTools ? 'export const devToolsAdapter = () => {};' : id === notInBuild ? NOT_IN_BUILD_CODE : null),
    transform(code, id) {
      const chunk = xstateChunk(id);
      if (!chunk) return null;
      try {
        const trimmed = trimXstateModule(chunk, code, relative(ROOT, id));
        for (const name of trimmed.applied) applied.add(name);
        // Stubs keep each span's line count, so the mappings are unchanged line for line.
        return { code: trimmed.code, map: null };
      } catch (error) {
        if (error instanceof XstateTrimError) throw new BuildError(error.message);
        throw error;
      }
    },
    buildEnd(error) {
      if (error) return;
      const missing = XSTATE_PIECES.filter((piece) => !applied.has(piece.name));
      if (missing.length > 0) {
        throw new BuildError(
          `XState trimming: ${missing.length} piece(s) never applied (${missing.map((piece) => `"${piece.name}"`).join(', ')}): ` +
            `the build did not load node_modules/xstate/dist/{raise,StateMachine,assign}-*.esm.js (XState upgraded, or its development build resolved: build with NODE_ENV unset or production). ` +
            `Update widget/build/xstate-trim.ts (xstateChunk and the pieces).`,
        );
      }
    },
  };
}

/**
 * The options of {@link terserPass}; the bench's breakdown reuses them.
 * `pure_getters`: reading a property has no side effect the bundle relies on
 * (XState's memoizing getters are read where their value is used), so Terser
 * may drop reads whose value goes unused, such as arguments a stub ignores and
 * props a one-language build never uses: 32 B gzip on each script. Measured
 * and left off: `passes: 3` (+200 B); `unsafe` (-21 B, but it rewrites
 * calls such as `String(x)` into forms a host page's prototypes can steer);
 * `unsafe_arrows`, `unsafe_methods`, `unsafe_comps`, `keep_fargs: false` and
 * `ecma: 2020` (each within 10 B either way).
 *
 * @example
 * const { code } = await terser(oxcMinified, TERSER_PASS);
 */
export const TERSER_PASS: MinifyOptions = { compress: { passes: 2, pure_getters: true }, mangle: false };

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): compile
 * every function while the deferred script streams in, on a background thread,
 * instead of lazily on the main thread the first time each runs. Nearly all of
 * the script runs as the intro and the first question appear. Measured with
 * the bench's first-question probe (4x CPU throttle, 9 runs each, alternating):
 * Start click to first question 65 -> 52 ms and 75 -> 48 ms (medians).
 * https://v8.dev/blog/explicit-compile-hints
 *
 * @example
 * COMPILE_HINT + code // the script tag file's first line
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * A second pass of Terser's compressor over the script after Oxc has
 * minified it (Oxc's short names are kept: re-mangling gzips worse). For the
 * script tag file only: the ES module keeps Vite's lighter minification, and
 * with it the `#__PURE__` marks a site's own bundler uses to drop unused code.
 * Measured on the same bundle (gzip): Oxc alone 30,649 B, Terser alone
 * (passes 3) 30,401 B, esbuild 31,448 B, Oxc then this pass 30,268 B.
 *
 * @example
 * await build({ plugins: [terserPass()], … }); // after Vite's own minify
 */
export function terserPass(): Plugin {
  return {
    name: 'eligibility-screener-terser-pass',
    enforce: 'post',
    async generateBundle(_options, output) {
      for (const item of Object.values(output)) {
        if (item.type !== 'chunk') continue;
        const result = await terser(item.code, TERSER_PASS);
        if (result.code === undefined) throw new BuildError(`terser returned nothing for ${item.fileName}`);
        item.code = COMPILE_HINT + result.code;
      }
    },
  };
}

/**
 * How the widget's own .tsx files compile JSX: the classic runtime with the
 * widget's factory `h` (widget/components/h.ts), whose `h(type, props,
 * …children)` calls are smaller than the automatic runtime's `jsx(type, {
 * children })` and whose props copy a host page cannot intercept. Set here
 * once for every build that compiles them (the widget, the playground, the
 * tests, the bench); tsconfig.widget.json says the same to TypeScript. Every
 * other .tsx (the playground, the tests) uses Preact's automatic runtime.
 *
 * @example
 * transformWithOxc(code, id, { lang: 'tsx', jsx: WIDGET_JSX })
 */
export const WIDGET_JSX = { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } as const;

/** The widget's own .tsx files: under widget/, outside its build tooling. */
export const WIDGET_TSX = /\/widget\/(?!build\/).+\.tsx$/;

/**
 * Compiles the widget's .tsx files with {@link WIDGET_JSX}; Vite's own Oxc
 * transform must exclude {@link WIDGET_TSX} (vite.config.ts does).
 *
 * @example
 * defineConfig({ plugins: [widgetJsx()], oxc: { exclude: WIDGET_TSX } })
 */
export function widgetJsx(): Plugin {
  return {
    name: 'eligibility-screener-widget-jsx',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!WIDGET_TSX.test(file.replaceAll('\\', '/'))) return null;
      const result = await transformWithOxc(code, file, { lang: 'tsx', jsx: WIDGET_JSX, sourcemap: true });
      return { code: result.code, map: result.map ?? null };
    },
  };
}

/** The module the widget reads its own words from: the tables of the bundle's languages. */
export const VIRTUAL_UI_STRINGS = 'virtual:eligibility-screener/ui-strings';
const LOCALES = resolve(ROOT, 'src/core/locales');

/**
 * The languages the widget's own words exist in: one file each in
 * src/core/locales/, English first (the fallback).
 *
 * @example
 * uiLanguages() // ['en', 'es']
 */
export function uiLanguages(): string[] {
  const found = readdirSync(LOCALES)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3));
  return ['en', ...found.filter((lang) => lang !== 'en').sort()];
}

/**
 * Serves {@link VIRTUAL_UI_STRINGS}: the widget's words in `languages` only,
 * so a bundle carries the tables of the languages it is for.
 *
 * @example
 * uiStringsPlugin(['es']) // the Spanish bundle's words
 */
export function uiStringsPlugin(languages: readonly string[]): Plugin {
  const resolved = `\0${VIRTUAL_UI_STRINGS}`;
  const imports = languages.map((lang, index) => `import { strings as l${index} } from ${JSON.stringify(resolve(LOCALES, `${lang}.ts`))};`);
  const table = languages.map((lang, index) => `${JSON.stringify(lang)}: l${index}`).join(', ');
  return {
    name: 'eligibility-screener-ui-strings',
    resolveId: (id) => (id === VIRTUAL_UI_STRINGS ? resolved : null),
    load: (id) => (id === resolved ? `${imports.join('\n')}\nexport default { ${table} };` : null),
  };
}
