/**
 * What editors and TypeScript learn about `<eligibility-screener>` from the
 * installed package (issue 15): the Custom Elements Manifest and VS Code's
 * HTML custom data name every attribute of widget/attributes.ts, and a
 * Preact TSX file using the element type-checks with the package's JSX
 * typings, while one with a misspelt attribute or a wrong value does not.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../widget/attributes.ts';
import { type Installed, packAndInstall, ROOT } from '../support/packed.ts';

let installed: Installed;
const names = Object.keys(ATTRIBUTES);

beforeAll(() => {
  installed = packAndInstall();
  // The clinic's own Preact (the package brings none).
  symlinkSync(join(ROOT, 'node_modules', 'preact'), join(installed.project, 'node_modules', 'preact'), 'dir');
}, 120_000);
afterAll(() => installed?.remove());

/** A JSON file of the installed package, read loosely: the test itself checks its shape. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions below are the check of the file's shape.
function json(file: string): any {
  return JSON.parse(readFileSync(join(installed.packageDir, file), 'utf8'));
}

/** Type-checks `source` as the clinic's src/app.tsx with TypeScript; the errors, one a line. */
function typecheck(source: string, name: string): string[] {
  const dir = join(installed.project, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        jsxImportSource: 'preact',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        lib: ['ES2022', 'DOM'],
        types: [],
      },
      include: ['src'],
    }),
  );
  writeFileSync(join(dir, 'src', 'app.tsx'), source);
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', dir], { cwd: installed.project, encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error)
      .split('\n')
      .filter((line) => line.includes('error TS'));
  }
}

const APP = (element: string) => `import type {} from 'eligibility-screener/preact';
import { mount, type ScreenerOptions } from 'eligibility-screener';

const options: ScreenerOptions = { bookingUrl: '/book', shareOutcome: false };
export const opened = () => mount('#screener', options);

export function Clinic() {
  return (
    <main>
      ${element}
    </main>
  );
}
`;

describe('editor metadata, generated from widget/attributes.ts', () => {
  it('the Custom Elements Manifest describes the element with every attribute and its property', () => {
    const manifest = json('dist/custom-elements.json');
    expect(json('package.json').customElements).toBe('./dist/custom-elements.json');
    expect(manifest.schemaVersion).toBe('2.1.0');
    const declaration = manifest.modules[0].declarations[0];
    expect(declaration).toMatchObject({ customElement: true, tagName: 'eligibility-screener', name: 'EligibilityScreenerElement' });
    expect(declaration.attributes.map((a: { name: string; fieldName: string }) => [a.name, a.fieldName])).toEqual(
      names.map((name) => [name, ATTRIBUTES[name as keyof typeof ATTRIBUTES][0]]),
    );
    for (const attribute of declaration.attributes) expect(attribute.description, attribute.name).not.toBe('');
    expect(declaration.attributes.find((a: { name: string }) => a.name === 'mode').type.text).toBe("'inline' | 'popup'");
    expect(declaration.events.map((e: { name: string }) => e.name)).toEqual(['screener-start', 'screener-step', 'screener-complete']);
    expect(declaration.cssProperties.map((p: { name: string }) => p.name)).toContain('--es-accent');
  });

  it("VS Code's HTML custom data offers the tag and every attribute, flags without a value", () => {
    const data = json('dist/html-custom-data.json');
    const [tag] = data.tags;
    expect(tag.name).toBe('eligibility-screener');
    expect(tag.attributes.map((a: { name: string }) => a.name)).toEqual(names);
    expect(tag.attributes.find((a: { name: string }) => a.name === 'share-outcome').valueSet).toBe('v');
    expect(tag.attributes.find((a: { name: string }) => a.name === 'mode').values).toEqual([{ name: 'inline' }, { name: 'popup' }]);
    for (const attribute of tag.attributes) expect(attribute.description.value, attribute.name).not.toBe('');
  });
});

describe("the package's TypeScript typings in a clinic's Preact project", () => {
  it('type-check <eligibility-screener> with its attributes', () => {
    const element = `<eligibility-screener booking-url="https://clinic.example/book" mode="popup" lang="es" languages="en es"
        share-outcome resume resume-minutes={45} forward-utm allowed-origins="https://cdn.clinic.example" rules="/rules.json" id="screener" />`;
    expect(typecheck(APP(element), 'good')).toEqual([]);
    // Without the package's JSX typings, TypeScript knows no such element: they are what makes it pass.
    const without = typecheck(APP(element).replace("import type {} from 'eligibility-screener/preact';", ''), 'without');
    expect(without.join('\n')).toMatch(/eligibility-screener/);
  });

  it('refuse a misspelt attribute, a wrong value and a wrong option', () => {
    expect(typecheck(APP('<eligibility-screener booking-url="/book" rule="/rules.json" />'), 'misspelt').join('\n')).toMatch(
      /\brule: string/,
    );
    expect(typecheck(APP('<eligibility-screener booking-url="/book" mode="modal" />'), 'value').join('\n')).toMatch(/"modal"/);
    expect(typecheck(APP('<eligibility-screener />').replace('bookingUrl:', 'bookingURL:'), 'option').join('\n')).toMatch(/bookingURL/);
  });
});
