/**
 * Where the widget's bytes go. The widget's own build writes no sourcemap, so
 * this rebuilds `widget/entry-script.ts` in memory with the widget build
 * itself (`widgetBuild` in vite.config.ts, the rules compiled as `npm run
 * build` compiles them) plus a sourcemap (the report shows its size next to
 * `dist/eligibility-screener.js`'s, so a drift between the two is visible) and
 * attributes every minified byte to the source module the sourcemap names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify as terser } from 'terser';
import { build, type Plugin } from 'vite';
import { gzipSync } from 'node:zlib';
import { widgetBuild } from '../../vite.config.ts';
import { compileDefaultRules } from '../../widget/build/build.ts';
import { COMPILE_HINT, TERSER_PASS } from '../../widget/build/plugins.ts';

/** Bytes attributed to one group of source modules. */
export interface BreakdownRow {
  group: string;
  /** Minified bytes. */
  min: number;
  /** Share of the minified script. */
  share: number;
  /** How much smaller the gzip of the whole script gets without these bytes. */
  gzipCost: number;
  modules: { source: string; min: number }[];
}

/** The result of {@link widgetBreakdown}. */
export interface Breakdown {
  totalMin: number;
  totalGzip: number;
  /** Minified size of `dist/eligibility-screener.js`, for comparison. */
  distMin: number | null;
  rows: BreakdownRow[];
}

/** Replaces the inline CSS with an empty string, to price the styles. */
function emptyStyles(): Plugin {
  return {
    name: 'bench-empty-styles',
    enforce: 'post',
    transform: (_code, id) => (/\.css\?inline$/.test(id) ? { code: 'export default "";', map: null } : null),
  };
}

/** What to leave out of a rebuild, to price it by difference. */
type Variant = 'full' | 'no-rules' | 'no-styles';

/** Builds the script-tag bundle with the widget build (vite.config.ts) plus a sourcemap, and its Terser pass. */
async function buildWithMap(root: string, rulesFile: string, variant: Variant): Promise<{ code: string; map: SourceMap }> {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const compiled = variant === 'no-rules' ? null : await compileDefaultRules(join(root, rulesFile));
  const config = widgetBuild({
    format: 'iife',
    fileName: 'widget.js',
    compiled,
    version,
    sourcemap: true,
    terser: false, // run below, with the sourcemap carried through
    ...(variant === 'no-styles' ? { plugins: [emptyStyles()] } : {}),
  });
  config.logLevel = 'silent';
  const result = await build(config);
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      if (item.type === 'chunk' && item.map) {
        const code = item.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
        // widget/build/build.ts's last step, run here with the sourcemap carried through.
        const pass = await terser(code, { ...TERSER_PASS, sourceMap: { content: item.map.toString(), asObject: true } });
        if (pass.code === undefined || !pass.map) throw new Error('bench: the Terser pass returned no code or map');
        const map = typeof pass.map === 'string' ? (JSON.parse(pass.map) as { sources: (string | null)[]; mappings: string }) : pass.map;
        // …and its compile hint, one line above the code (so the mappings move down a line).
        return {
          code: COMPILE_HINT + pass.code,
          map: { sources: map.sources.map((source) => source ?? '(unmapped)'), mappings: `;${map.mappings}` },
        };
      }
    }
  }
  throw new Error('bench: the widget rebuild emitted no chunk with a sourcemap');
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment's VLQ fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * Splits the minified code into pieces, each owned by the source its mapping
 * segment names: a segment owns the code from its column to the next one's.
 */
function* piecesOf(code: string, map: SourceMap): Generator<{ source: string; text: string }> {
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  for (const [index, line] of lines.entries()) {
    let column = 0;
    let owner = '(unmapped)';
    let start = 0;
    for (const segment of (mappingLines[index] ?? '').split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      yield { source: owner, text: line.slice(start, column) };
      start = column;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        owner = map.sources[source] ?? '(unmapped)';
      } else {
        owner = '(unmapped)';
      }
    }
    yield { source: owner, text: line.slice(start) + (index < lines.length - 1 ? '\n' : '') };
  }
}

/**
 * Minified bytes (UTF-8) per source file.
 *
 * @example
 * bytesBySource(code, map).get('../node_modules/preact/dist/preact.module.js') // e.g. 10234
 */
export function bytesBySource(code: string, map: SourceMap): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const { source, text } of piecesOf(code, map)) bytes.set(source, (bytes.get(source) ?? 0) + Buffer.byteLength(text, 'utf8'));
  return bytes;
}

/** The script with the bytes of some sources cut out (to price them in gzip). */
function withoutSources(code: string, map: SourceMap, drop: ReadonlySet<string>): string {
  const kept: string[] = [];
  for (const { source, text } of piecesOf(code, map)) if (!drop.has(source)) kept.push(text);
  return kept.join('');
}

/** A source path as a reader knows it: relative to the repository, `\0` dropped. */
function readable(source: string): string {
  return source.replace(/^(\.\.\/)+/, '').replace('\0', '');
}

const UNMAPPED = 'bundle wrapper and helpers (unmapped)';

/** The group a source belongs to, in words a reader of the table understands. */
function groupOf(source: string): string {
  const path = source.replaceAll('\\', '/');
  if (/\.css(\?|$)/.test(path)) return 'styles (CSS)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg === 'preact') return 'preact';
  if (pkg === 'xstate' || pkg?.startsWith('@xstate/')) return 'xstate';
  if (pkg) return `other package: ${pkg}`;
  if (/(^|\/)src\//.test(path)) return 'our core (src/: engine, machine, text)';
  if (/(^|\/)widget\//.test(path)) return 'our widget (widget/)';
  return UNMAPPED;
}

/**
 * Attributes the widget script's minified bytes to groups of source modules.
 * The compiled rules and the inline CSS are generated modules that the
 * sourcemap does not name; they are priced by difference instead (the same
 * build with `{}` as rules, or with an empty stylesheet) and taken out of the
 * unmapped bytes, which then hold only the bundle wrapper and helpers.
 *
 * @example
 * const { rows } = await widgetBreakdown('/work/main', 'rules/ketamine.yaml');
 * rows[0] // { group: 'xstate', min: …, share: …, gzipCost: …, modules: […] }
 */
export async function widgetBreakdown(root: string, rulesFile: string): Promise<Breakdown> {
  const { code, map } = await buildWithMap(root, rulesFile, 'full');
  const totalMin = Buffer.byteLength(code);
  const totalGzip = gzipSync(code, { level: 9 }).length;
  const groups = new Map<string, { source: string; min: number }[]>();
  for (const [source, min] of bytesBySource(code, map)) {
    const group = groupOf(source);
    groups.set(group, [...(groups.get(group) ?? []), { source, min }]);
  }
  const rows: BreakdownRow[] = [];
  for (const [group, modules] of groups) {
    const min = modules.reduce((sum, m) => sum + m.min, 0);
    const owned = new Set(modules.map((m) => m.source));
    rows.push({
      group,
      min,
      share: min / totalMin,
      gzipCost: totalGzip - gzipSync(withoutSources(code, map, owned), { level: 9 }).length,
      modules: modules.map((m) => ({ source: readable(m.source), min: m.min })).sort((a, b) => b.min - a.min),
    });
  }
  const unmapped = rows.find((row) => row.group === UNMAPPED);
  for (const [variant, group, source] of [
    ['no-rules', 'default rules (compiled JSON)', rulesFile],
    ['no-styles', 'styles (CSS)', 'widget/styles.css'],
  ] as const) {
    const without = (await buildWithMap(root, rulesFile, variant)).code;
    const min = totalMin - Buffer.byteLength(without);
    const gzipCost = totalGzip - gzipSync(without, { level: 9 }).length;
    rows.push({ group, min, share: min / totalMin, gzipCost, modules: [{ source, min }] });
    if (unmapped) {
      unmapped.min -= min;
      unmapped.share = unmapped.min / totalMin;
      unmapped.gzipCost -= gzipCost;
      for (const module of unmapped.modules) module.min -= min;
    }
  }
  rows.sort((a, b) => b.min - a.min);
  let distMin: number | null = null;
  try {
    distMin = readFileSync(join(root, 'dist/eligibility-screener.js')).length;
  } catch {
    distMin = null;
  }
  return { totalMin, totalGzip, distMin, rows };
}
