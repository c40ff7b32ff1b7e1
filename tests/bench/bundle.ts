/**
 * Bundles an entry in memory with Vite (Rolldown + its default Oxc minifier),
 * so every library we compare is built by the same tool with the same
 * settings. Nothing is written to disk.
 */
import { build, type InlineConfig, type PluginOption } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One emitted file of an in-memory build. */
export interface BuiltFile {
  fileName: string;
  code: string;
  /** The sourcemap as JSON text, when asked for. */
  map?: string;
}

/** Options for {@link bundle}. */
export interface BundleOptions {
  /** Absolute path of the entry module. */
  entry: string;
  /** `iife` for a script tag page, `es` for a library measured alone. */
  format: 'iife' | 'es';
  /** Also emit a sourcemap (for the per-module breakdown). */
  sourcemap?: boolean;
  /** Project root used to resolve `node_modules`. */
  root: string;
  /** Extra Vite plugins, e.g. a virtual module with generated data. */
  plugins?: PluginOption[];
}

/**
 * Builds `entry` minified for browsers and returns the emitted JS and CSS.
 *
 * @example
 * const files = await bundle({ entry: '/abs/src/engine.ts', format: 'es', root: '/abs' });
 * files[0].code.length // minified bytes
 */
export async function bundle(options: BundleOptions): Promise<BuiltFile[]> {
  const config: InlineConfig = {
    configFile: false,
    root: options.root,
    logLevel: 'silent',
    mode: 'production',
    plugins: options.plugins ?? [],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      cssMinify: true,
      sourcemap: options.sourcemap === true,
      reportCompressedSize: false,
      copyPublicDir: false,
      emptyOutDir: false,
      lib: {
        entry: options.entry,
        name: 'BenchEntry',
        formats: [options.format],
        fileName: () => 'bundle.js',
        cssFileName: 'bundle',
      },
    },
  };
  const result = await build(config);
  const outputs = Array.isArray(result) ? result : [result];
  const files: BuiltFile[] = [];
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('bench: unexpected watcher from vite build');
    for (const item of output.output) {
      if (item.type === 'chunk') {
        files.push({ fileName: item.fileName, code: item.code, ...(item.map ? { map: item.map.toString() } : {}) });
      } else if (!item.fileName.endsWith('.map')) {
        const source = typeof item.source === 'string' ? item.source : Buffer.from(item.source).toString('utf8');
        files.push({ fileName: item.fileName, code: source });
      }
    }
  }
  return files;
}

/** Byte sizes of some content: raw (minified), gzip level 9, brotli quality 11. */
export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}

/**
 * Measures raw, gzip (level 9) and brotli (quality 11) sizes. Several files
 * are compressed one by one and summed, as a browser fetches them.
 *
 * @example
 * measure(['console.log(1)']).gzip // a few dozen bytes
 */
export function measure(contents: readonly (string | Buffer)[]): Sizes {
  const sizes: Sizes = { min: 0, gzip: 0, brotli: 0 };
  for (const content of contents) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    sizes.min += bytes.length;
    sizes.gzip += gzipSync(bytes, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length;
  }
  return sizes;
}
