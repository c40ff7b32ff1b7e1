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
 * The Vite configuration itself is `widgetBuild` in vite.config.ts, shared
 * with the bench. Bytes matter here (XState and Preact take half the
 * budget): the widget's .tsx files use the classic JSX runtime with the
 * widget's `h` (WIDGET_JSX in widget/build/plugins.ts), whose
 * `h(type, props, ...children)` is smaller than `jsx(type, { children })`,
 * `xstate` is aliased to widget/build/xstate-setup.ts (see there), XState code the
 * widget never runs is stubbed out (widget/build/xstate-trim.ts), and Terser
 * compresses the script once more after Oxc (see terserPass).
 *
 *   npx tsx widget/build/build.ts [--rules rules/ketamine.yaml]
 */
import { withBoundSignOff } from '../../src/authoring/review-hash.ts';
import { BUDGET_GZIP_BYTES } from './budget.ts';
import { isDeepStrictEqual } from 'node:util';
import { runInNewContext } from 'node:vm';
import { findRulesSlot } from './rules-slot.ts';
import { unsignedProblem } from '../sign-off.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { widgetBuild } from '../../vite.config.ts';
import { loadCases } from '../../src/authoring/cases.ts';
import { compileRuleSet, type CompiledRuleSet } from '../../src/core/compile.ts';
import { pickSelfTest } from '../../src/core/self-test.ts';
import { formatIssue, loadRuleSet } from '../../src/authoring/loader.ts';
import { validateCompiled } from '../validate-rules.ts';
import { ruleSetLanguages } from '../../src/core/rule-texts.ts';
import { BuildError } from './plugins.ts';
import { patientFacing } from './ship.ts';
import { attributesDeclaration, customElementsManifest, elementDocs, frameworkDeclaration, htmlCustomData } from './element-metadata.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = resolve(ROOT, 'dist');
const SCRIPT = 'eligibility-screener.js';

/**
 * The script tag file of a language other than the rules' own:
 * `eligibility-screener.es.js`.
 *
 * @example
 * scriptFor('es') // 'eligibility-screener.es.js'
 */
export function scriptFor(lang: string): string {
  return `eligibility-screener.${lang}.js`;
}

/** Every file the build writes into dist/ (removed first, and again when a check fails). */
function outputs(): string[] {
  return [
    SCRIPT,
    MODULE,
    'eligibility-screener.d.mts',
    ...METADATA,
    ...readdirSync(DIST).filter((file) => file !== SCRIPT && file.startsWith('eligibility-screener.') && file.endsWith('.js')),
  ];
}
const MODULE = 'eligibility-screener.mjs';
/** What editors and frameworks read about the element (widget/build/element-metadata.ts). */
const METADATA = ['custom-elements.json', 'html-custom-data.json', 'jsx/attributes.d.ts', 'jsx/react.d.ts', 'jsx/preact.d.ts', 'jsx/vue.d.ts'];

/** Code patterns a strict CSP (no 'unsafe-eval') would block. */
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/\beval\s*\(/, 'eval('],
];
/** Packages that must never be in the widget. */
const FORBIDDEN_PACKAGES = ['/node_modules/yaml/', '/node_modules/zod/'];
/** Markers of their code, in case a module slipped in under another path. */
const FORBIDDEN_MARKERS = ['ZodError', '$ZodType', '_zod', 'YAMLParseError', 'LineCounter'];

/** `--require-signed` (or SCREENER_REQUIRE_SIGNED=1): rules not signed for their content show the contact-the-clinic message. */
const REQUIRE_SIGNED = process.argv.includes('--require-signed') || process.env.SCREENER_REQUIRE_SIGNED === '1';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * Reads, validates and compiles the default rules: a YAML rule file (with its
 * scenario cases beside it for the self-test), or already-compiled JSON.
 *
 * @example
 * const compiled = await compileDefaultRules('rules/ketamine.yaml');
 */
export async function compileDefaultRules(file: string): Promise<CompiledRuleSet> {
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
      throw new BuildError(
        `the default rules' cases are not valid:\n${loaded.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`,
      );
    }
    compiled = await compileRuleSet(withBoundSignOff(result.ruleSet), loaded ? pickSelfTest(result.ruleSet, loaded.cases) : undefined);
  }
  // The widget's own run-time check must accept what the build ships.
  const checked = validateCompiled(compiled);
  if (!checked.ok) throw new BuildError(`the widget's rule check refuses the default rules: ${checked.problem}`);
  return compiled;
}

export interface Built {
  code: string;
  modules: string[];
}

async function bundle(format: 'iife' | 'es', fileName: string, compiled: CompiledRuleSet, version: string, lang?: string): Promise<Built> {
  const config = widgetBuild({ format, fileName, compiled, version, outDir: DIST, requireSigned: REQUIRE_SIGNED, ...(lang ? { lang } : {}) });
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
    "// Types for eligibility-screener.mjs (see dist/types for the full tree).\nexport * from './types/widget/entry-module.ts';\n",
  );
}

/** The Custom Elements Manifest, VS Code's HTML custom data and the JSX typings, from widget/attributes.ts and the README's tables. */
function emitMetadata(): void {
  const docs = elementDocs(readFileSync(resolve(ROOT, 'README.md'), 'utf8'));
  mkdirSync(resolve(DIST, 'jsx'), { recursive: true });
  writeFileSync(resolve(DIST, 'custom-elements.json'), `${JSON.stringify(customElementsManifest(docs), null, 2)}\n`);
  writeFileSync(resolve(DIST, 'html-custom-data.json'), `${JSON.stringify(htmlCustomData(docs), null, 2)}\n`);
  writeFileSync(resolve(DIST, 'jsx/attributes.d.ts'), attributesDeclaration(docs));
  for (const framework of ['react', 'preact', 'vue'] as const) {
    writeFileSync(resolve(DIST, `jsx/${framework}.d.ts`), frameworkDeclaration(framework));
  }
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
  // What the script tag file in the rules' own language ships.
  const shipped = patientFacing(compiled);
  if (REQUIRE_SIGNED) {
    console.log('require-signed: rules not signed for their content (npx screener sign) show "contact the clinic"');
    if (unsignedProblem(shipped, true)) console.warn(`the built-in rules (${relative(ROOT, rulesFile)}) are not signed: this build shows "contact the clinic" unless a rules attribute names signed rules`);
  }

  mkdirSync(DIST, { recursive: true });
  for (const file of outputs()) rmSync(resolve(DIST, file), { force: true });

  const script = await bundle('iife', SCRIPT, compiled, version);
  checkContents(SCRIPT, script);
  checkRulesSlot(SCRIPT, script.code, shipped);
  // A script tag file for each other language the rules are written in throughout, each within the budget (or the build fails).
  const others: [string, ReturnType<typeof sizes>, string][] = [];
  for (const lang of ruleSetLanguages(compiled.ruleSet).slice(1)) {
    const file = scriptFor(lang);
    const built = await bundle('iife', file, compiled, version, lang);
    checkContents(file, built);
    checkRulesSlot(file, built.code, patientFacing(compiled, lang));
    others.push([file, sizes(built.code), integrity(built.code)]); // each held to the budget below, as the rules' own language
  }
  const module = await bundle('es', MODULE, compiled, version);
  checkContents(MODULE, module);
  emitDeclarations();
  emitMetadata();

  const s = sizes(script.code);
  const m = sizes(module.code);
  const rules = sizes(JSON.stringify(shipped));
  const sri = integrity(script.code);
  console.log(
    `rules     ${relative(ROOT, rulesFile)} → ${compiled.ruleSet.id} ${compiled.ruleSet.version} (${compiled.hash}), ${compiled.selfTest?.length ?? 0} self-test cases`,
  );
  console.log(`dist/${SCRIPT}   ${kb(s.min)} min, ${kb(s.gzip)} gzip (${s.gzip} B), ${kb(s.brotli)} brotli (${s.brotli} B)`);
  console.log(`dist/${MODULE}  ${kb(m.min)} min, ${kb(m.gzip)} gzip, ${kb(m.brotli)} brotli`);
  console.log(`  of which the default rules (patient-facing fields): ${kb(rules.min)} JSON, ${kb(rules.gzip)} gzip on their own`);
  console.log(`budget    ${s.gzip} of ${BUDGET_GZIP_BYTES} B gzip (${((s.gzip / BUDGET_GZIP_BYTES) * 100).toFixed(0)}%)`);
  console.log(`integrity ${sri}`);
  for (const [file, size, hash] of others) {
    console.log(`dist/${file}  ${kb(size.min)} min, ${kb(size.gzip)} gzip (${size.gzip} B): ${size.gzip} of ${BUDGET_GZIP_BYTES} B`);
    console.log(`integrity ${hash}`);
  }
  console.log('types     dist/eligibility-screener.d.mts, dist/jsx/{react,preact,vue}.d.ts');
  console.log('editors   dist/custom-elements.json, dist/html-custom-data.json');
  for (const [file, size] of [[SCRIPT, s] as const, ...others]) {
    if (size.gzip > BUDGET_GZIP_BYTES) {
      throw new BuildError(
        `dist/${file} is ${size.gzip} B gzip, over the ${BUDGET_GZIP_BYTES} B (30 KB) budget: cut something before shipping`,
      );
    }
  }
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Fails the build unless the script holds its rules in exactly one slot, as
 * exactly the rules it ships: the playground's "Download for your website"
 * puts edited rules there (widget/build/rules-slot.ts).
 *
 * @example
 * checkRulesSlot('eligibility-screener.js', code, patientFacing(compiled))
 */
export function checkRulesSlot(name: string, code: string, shipped: CompiledRuleSet): void {
  const slot = findRulesSlot(code);
  if (typeof slot === 'string') throw new BuildError(`${name}: ${slot} in one place, where the playground's publishing puts edited rules (widget/build/rules-slot.ts)`);
  const found: unknown = JSON.parse(JSON.stringify(runInNewContext(`(${code.slice(slot.start, slot.end)})`)));
  if (!isDeepStrictEqual(found, JSON.parse(JSON.stringify(shipped)))) {
    throw new BuildError(`${name}: the rules slot the playground's publishing finds (widget/build/rules-slot.ts) is not the built-in rules`);
  }
}

/** The Subresource Integrity hash of a script (the `integrity` attribute of its tag). */
function integrity(code: string): string {
  return `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`;
}

// Run only as a script (`tsx widget/build/build.ts`), so the bench can import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    // A bundle that failed a check must not be served by the demo or tested by accident.
    for (const file of outputs()) rmSync(resolve(DIST, file), { force: true });
    console.error(
      `build failed: ${error instanceof BuildError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  });
}
