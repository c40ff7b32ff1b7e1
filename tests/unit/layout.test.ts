/**
 * The layout shows the architecture (issue 11): what ships to patients
 * (src/core) imports nothing at run time but itself and XState; JSX is set
 * once, in the project's Vite configuration, not file by file; the README's
 * Layout section names every folder of src/ and widget/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { projectConfig } from '../../vite.config.ts';

const ROOT = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Module specifiers a file imports at run time (`import type` is erased). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^(import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
    found.push(match[2] ?? match[3] ?? '');
  }
  return found;
}

describe('the core (src/core) ships to patients', () => {
  const core = filesUnder('src/core').filter((file) => file.endsWith('.ts'));

  it.each(core)('%s imports only the core and XState at run time', (file) => {
    const outside = runtimeImports(readFileSync(join(ROOT, file), 'utf8')).filter((spec) =>
      spec.startsWith('.') ? !spec.startsWith('./') : spec !== 'xstate',
    );
    expect(outside).toEqual([]);
  });
});

describe('JSX is set once', () => {
  const sources = ['src', 'widget', 'demo', 'tests'].flatMap(filesUnder).filter((file) => /\.(ts|tsx)$/.test(file));

  it('no source file sets its own JSX runtime or factory', () => {
    const pragmas = sources.filter((file) => /@jsx(Runtime|Frag|ImportSource)?\s/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(pragmas).toEqual([]);
  });

  it("compiles the widget's .tsx with its own h, and every other .tsx with Preact's automatic runtime", async () => {
    const server = await createServer({ ...projectConfig(), logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false } });
    try {
      const widget = await server.transformRequest('/widget/components/fallback.tsx');
      const page = await server.transformRequest('/demo/playground/tabs.tsx');
      expect(widget?.code).toMatch(/\bh\(/);
      expect(widget?.code).not.toContain('jsx-runtime');
      expect(page?.code).toMatch(/preact_?\/?jsx-(dev-)?runtime/);
    } finally {
      await server.close();
    }
  });
});

describe("the README's Layout section", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
  const folders = ['src', 'widget']
    .flatMap((top) => readdirSync(join(ROOT, top)).map((name) => join(top, name)))
    .filter((path) => statSync(join(ROOT, path)).isDirectory())
    .map((path) => relative(ROOT, join(ROOT, path)));

  it.each(folders)('names %s/', (folder) => {
    expect(layout).toContain(`${folder}/`);
  });
});
