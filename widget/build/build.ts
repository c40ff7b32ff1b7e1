/**
 * `npm run build`: the widget as one self-contained script tag file
 * (`dist/eligibility-screener.js`, IIFE) and as an ES module with type
 * declarations (`dist/eligibility-screener.mjs` + `.d.mts`).
 *
 * The default rules are validated and compiled here, at build time, so the
 * YAML parser and Zod never ship. The build fails (exit 1) when the script is
 * over its size budget, contains `eval`/`new Function`, or pulled in YAML or
 * Zod code. It prints the sizes and the Subresource Integrity hash.
 *
 * Bytes matter here (XState and Preact take half the budget): the widget's
 * .tsx files use the classic JSX runtime (`/** @jsx h *\/`), whose
 * `h(type, props, ...children)` is smaller than `jsx(type, { children })`,
 * `xstate` is aliased to widget/build/xstate-setup.ts (see there), XState code the
 * widget never runs is stubbed out (widget/build/xstate-trim.ts), and Terser
 * compresses the script once more after Oxc (see terserPass).
 *
 *   npx tsx widget/build/build.ts [--rules rules/ketamine.yaml]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify as terser, type MinifyOptions } from 'terser';
import { build, type InlineConfig, type Plugin } from 'vite';
import { loadCases } from '../../src/authoring/cases.ts';
import { compileRuleSet, type CompiledRuleSet } from '../../src/core/compile.ts';
import { pickSelfTest } from '../../src/core/self-test.ts';
import { formatIssue, loadRuleSet } from '../../src/authoring/loader.ts';
import { validateCompiled } from '../validate-rules.ts';
import { NOT_IN_BUILD_CODE, NOT_IN_BUILD_MODULE, stubbedFeaturesUsed, trimXstateModule, XSTATE_PIECES, xstateChunk, XstateTrimError } from './xstate-trim.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = resolve(ROOT, 'dist');
const SCRIPT = 'eligibility-screener.js';
const MODULE = 'eligibility-screener.mjs';
/**
 * The size budget of the script tag file, rules and styles included, gzip.
 *
 * @example
 * if (gzipSize > BUDGET_GZIP_BYTES) throw new Error('over budget');
 */
export const BUDGET_GZIP_BYTES = 30 * 1024;
const VIRTUAL_RULES = 'virtual:eligibility-screener/default-rules';

/** Code patterns a strict CSP (no 'unsafe-eval') would block. */
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/\beval\s*\(/, 'eval('],
];
/** Packages that must never be in the widget. */
const FORBIDDEN_PACKAGES = ['/node_modules/yaml/', '/node_modules/zod/'];
/** Markers of their code, in case a module slipped in under another path. */
const FORBIDDEN_MARKERS = ['ZodError', '$ZodType', '_zod', 'YAMLParseError', 'LineCounter'];

class BuildError extends Error {}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Reads, validates and compiles the default rules: a YAML rule file, or already-compiled JSON. */
async function compileDefaultRules(file: string): Promise<CompiledRuleSet> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new BuildError(`cannot read the default rules at ${relative(ROOT, file)} (pass another file with --rules <file>)`);
  }
  let compiled: CompiledRuleSet;
  if (extname(file) === '.json') {
    compiled = JSON.parse(source) as CompiledRuleSet;
  } else {
    const result = loadRuleSet(source, relative(ROOT, file));
    if (!result.ok) {
      throw new BuildError(`the default rules are not valid:\n${result.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`);
    }
    // The rule file's scenario cases, beside it, give the self-test the widget runs before its first result.
    const casesFile = file.replace(/\.ya?ml$/i, '.cases.yaml'); // as `screener check` finds it
    let cases: string | undefined;
    try {
      cases = readFileSync(casesFile, 'utf8');
    } catch {
      console.warn(`no ${relative(ROOT, casesFile)}: the default rules ship without a self-test`);
    }
    const loaded = cases === undefined ? undefined : loadCases(cases, relative(ROOT, casesFile), result.ruleSet);
    if (loaded && !loaded.ok) {
      throw new BuildError(`the default rules' cases are not valid:\n${loaded.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`);
    }
    compiled = await compileRuleSet(result.ruleSet, loaded ? pickSelfTest(result.ruleSet, loaded.cases) : undefined);
  }
  // The widget's own run-time check must accept what the build ships.
  const checked = validateCompiled(compiled);
  if (!checked.ok) throw new BuildError(`the widget's rule check refuses the default rules: ${checked.problem}`);
  return compiled;
}

/**
 * The default rules as shipped to patients: only what the widget reads.
 * Clinician notes, citations, sign-off and invariants stay in the reviewed
 * file (and in `hash`, which still names that exact file); they never show
 * on screen and would cost a third of the bundle.
 *
 * @example
 * patientFacing(compileRuleSet(ruleSet)).ruleSet.rules[0].clinicianNote // undefined
 */
export function patientFacing(compiled: CompiledRuleSet): CompiledRuleSet {
  const { signOff: _signOff, invariants: _invariants, rules, ...rest } = compiled.ruleSet;
  const slim = rules.map(({ clinicianNote: _note, source: _source, ...rule }) => rule);
  return { ...compiled, ruleSet: { ...rest, rules: slim } as unknown as CompiledRuleSet['ruleSet'] };
}

/** Serves the compiled default rules as a module, so no file is written into the source tree. */
function defaultRulesPlugin(compiled: CompiledRuleSet): Plugin {
  const resolved = `\0${VIRTUAL_RULES}`;
  const shipped = JSON.stringify(patientFacing(compiled));
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
    throw new BuildError('src/core/machine.ts uses setup() for more than .createMachine(); extend widget/build/xstate-setup.ts or drop the alias in widget/build/build.ts');
  }
  const stubbed = stubbedFeaturesUsed(machine);
  if (stubbed.length > 0) {
    throw new BuildError(`src/core/machine.ts uses ${stubbed.join(', ')}, which the widget build trims out of XState: remove the matching pieces from widget/build/xstate-trim.ts`);
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
 *
 * @example
 * const { code } = await terser(oxcMinified, TERSER_PASS);
 */
export const TERSER_PASS: MinifyOptions = { compress: { passes: 2 }, mangle: false };

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

export interface Built {
  code: string;
  modules: string[];
}

async function bundle(entry: string, format: 'iife' | 'es', fileName: string, compiled: CompiledRuleSet, version: string): Promise<Built> {
  const config: InlineConfig = {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    plugins: [defaultRulesPlugin(compiled), trimmedXstatePlugin(), ...(format === 'iife' ? [terserPass()] : [])],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: {
      'process.env.NODE_ENV': '"production"',
      __SCREENER_VERSION__: JSON.stringify(version),
    },
    build: {
      outDir: DIST,
      emptyOutDir: false,
      copyPublicDir: false,
      write: true,
      minify: true,
      cssMinify: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
      lib: {
        entry: resolve(ROOT, entry),
        name: 'EligibilityScreenerBundle',
        formats: [format],
        fileName: () => fileName,
      },
    },
  };
  const result = await build(config);
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      if (item.type === 'chunk' && item.fileName === fileName) return { code: item.code, modules: item.moduleIds };
    }
  }
  throw new BuildError(`vite produced no ${fileName}`);
}

/**
 * Fails the build for anything a strict CSP or the no-YAML/no-Zod promise forbids.
 *
 * @example
 * checkContents('x.js', { code: 'new Function("return 1")', modules: [] }) // throws: a strict CSP would block it
 */
export function checkContents(name: string, built: Built): void {
  for (const [pattern, label] of FORBIDDEN_CODE) {
    if (pattern.test(built.code)) throw new BuildError(`${name} contains ${label}: a strict Content-Security-Policy would block it`);
  }
  const modules = built.modules.map((id) => id.replaceAll('\\', '/'));
  for (const pkg of FORBIDDEN_PACKAGES) {
    const found = modules.find((id) => id.includes(pkg));
    if (found) throw new BuildError(`${name} bundles ${found}: the widget must not ship ${pkg.split('/')[2]}`);
  }
  for (const marker of FORBIDDEN_MARKERS) {
    if (built.code.includes(marker)) throw new BuildError(`${name} contains "${marker}": YAML or Zod code reached the bundle`);
  }
  const preacts = new Set(modules.filter((id) => /\/node_modules\/preact\/dist\/preact\.m?js$/.test(id)));
  if (preacts.size > 1) throw new BuildError(`${name} bundles Preact ${preacts.size} times: ${[...preacts].join(', ')}`);
}

function sizes(code: string) {
  const bytes = Buffer.from(code, 'utf8');
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Type declarations for the ES module, emitted by TypeScript itself. */
function emitDeclarations(): void {
  rmSync(resolve(DIST, 'types'), { recursive: true, force: true });
  const tsc = resolve(ROOT, 'node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['-p', resolve(ROOT, 'widget/build/tsconfig.types.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    // Other parts of the tree may be mid-edit; only errors in what we export matter.
    const ours = output.split('\n').filter((line) => /^(widget|src)\//.test(line) && !line.includes('emitDeclarationOnly'));
    if (ours.length > 0 && !hasDeclarations()) throw new BuildError(`type declarations failed:\n${ours.join('\n')}`);
    if (ours.length > 0) console.warn(`type declarations emitted with type errors:\n${ours.join('\n')}`);
  }
  if (!hasDeclarations()) throw new BuildError('tsc wrote no declarations for widget/entry-module.ts');
  writeFileSync(
    resolve(DIST, 'eligibility-screener.d.mts'),
    "// Types for eligibility-screener.mjs (see dist/types for the full tree).\nexport * from '../types/widget/entry-module.js';\n",
  );
}

function hasDeclarations(): boolean {
  try {
    readFileSync(resolve(DIST, 'types/widget/entry-module.d.ts'));
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const rulesFile = resolve(ROOT, option('--rules') ?? process.env.SCREENER_RULES ?? 'rules/ketamine.yaml');
  const version = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const compiled = await compileDefaultRules(rulesFile);

  mkdirSync(DIST, { recursive: true });
  for (const file of [SCRIPT, MODULE, 'eligibility-screener.d.mts']) rmSync(resolve(DIST, file), { force: true });

  const script = await bundle('widget/entry-script.ts', 'iife', SCRIPT, compiled, version);
  checkContents(SCRIPT, script);
  const module = await bundle('widget/entry-module.ts', 'es', MODULE, compiled, version);
  checkContents(MODULE, module);
  emitDeclarations();

  const s = sizes(script.code);
  const m = sizes(module.code);
  const rules = sizes(JSON.stringify(patientFacing(compiled)));
  const sri = `sha384-${createHash('sha384').update(script.code, 'utf8').digest('base64')}`;
  console.log(`rules     ${relative(ROOT, rulesFile)} → ${compiled.ruleSet.id} ${compiled.ruleSet.version} (${compiled.hash}), ${compiled.selfTest?.length ?? 0} self-test cases`);
  console.log(`dist/${SCRIPT}   ${kb(s.min)} min, ${kb(s.gzip)} gzip (${s.gzip} B), ${kb(s.brotli)} brotli (${s.brotli} B)`);
  console.log(`dist/${MODULE}  ${kb(m.min)} min, ${kb(m.gzip)} gzip, ${kb(m.brotli)} brotli`);
  console.log(`  of which the default rules (patient-facing fields): ${kb(rules.min)} JSON, ${kb(rules.gzip)} gzip on their own`);
  console.log(`budget    ${s.gzip} of ${BUDGET_GZIP_BYTES} B gzip (${((s.gzip / BUDGET_GZIP_BYTES) * 100).toFixed(0)}%)`);
  console.log(`integrity ${sri}`);
  console.log(`types     dist/eligibility-screener.d.mts`);
  if (s.gzip > BUDGET_GZIP_BYTES) {
    throw new BuildError(`dist/${SCRIPT} is ${s.gzip} B gzip, over the ${BUDGET_GZIP_BYTES} B (30 KB) budget: cut something before shipping`);
  }
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Run only as a script (`tsx widget/build/build.ts`), so the bench can import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    // A bundle that failed a check must not be served by the demo or tested by accident.
    for (const file of [SCRIPT, MODULE, 'eligibility-screener.d.mts']) rmSync(resolve(DIST, file), { force: true });
    console.error(`build failed: ${error instanceof BuildError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
