/**
 * What editors and frameworks learn about `<eligibility-screener>`, written
 * by `npm run build` into dist/ and shipped in the package:
 *
 *   custom-elements.json          the Custom Elements Manifest (schema 2.1.0)
 *   html-custom-data.json         VS Code's HTML custom data (`html.customData`)
 *   jsx/react.d.ts, jsx/preact.d.ts, jsx/vue.d.ts
 *                                 `<eligibility-screener …>` in JSX (and Vue templates)
 *
 * The attributes, their properties and value types come from the one table,
 * widget/attributes.ts; what each does (and the events and the CSS custom
 * properties) from the README's tables, which a test holds to that table.
 */
import { ATTRIBUTES, type AttributeName } from '../attributes.ts';

/** The tag (widget/element.tsx's TAG; importing that module here would need a DOM). */
const TAG: typeof import('../element.tsx').TAG = 'eligibility-screener';

/** One row of a README table: its cells, backticks kept (Markdown). */
type Row = string[];

/** An attribute as documented: its README row. */
export interface AttributeDoc {
  name: AttributeName;
  property: string;
  /** The value's TypeScript type as HTML (and JSX) writes it. */
  type: string;
  /** The README's default, e.g. `30` or "none". */
  default: string;
  description: string;
  /** The values an editor offers (`mode`), or `true` for a flag (no value). */
  values?: string[] | true;
}

export interface ElementDocs {
  attributes: AttributeDoc[];
  events: { name: string; description: string }[];
  cssProperties: { name: string; default: string; description: string }[];
}

const SUMMARY =
  'A two-minute, privacy-first pre-screening assessment: the patient answers a short questionnaire and sees a non-advisory result with a link to book (or crisis help at once).';

/** The rows of the first Markdown table after `heading` in `readme`. */
function tableAfter(readme: string, heading: string): Row[] {
  const start = readme.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: Row[] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

/** The attribute value's type as written in HTML or JSX. */
function typeOf(kind: string | number): string {
  return kind === 'flag' ? 'boolean' : kind === 'mode' ? "'inline' | 'popup'" : typeof kind === 'number' ? 'number | string' : 'string';
}

/**
 * The element's documentation: every attribute of widget/attributes.ts with
 * its README row; fails when the README lacks one.
 *
 * @example
 * elementDocs(readFileSync('README.md', 'utf8')).attributes[0].name // 'booking-url'
 */
export function elementDocs(readme: string): ElementDocs {
  const rows = new Map(tableAfter(readme, '### Attributes').map((row) => [unquote(row[0] ?? ''), row]));
  const attributes = (Object.keys(ATTRIBUTES) as AttributeName[]).map((name): AttributeDoc => {
    const row = rows.get(name);
    if (!row) throw new Error(`README.md's Attributes table has no row for ${name} (widget/attributes.ts)`);
    const [property, kind] = ATTRIBUTES[name];
    return {
      name,
      property,
      type: typeOf(kind),
      default: unquote(row[2] ?? ''),
      description: row[3] ?? '',
      ...(kind === 'flag' ? { values: true as const } : kind === 'mode' ? { values: ['inline', 'popup'] } : {}),
    };
  });
  const events = tableAfter(readme, '## Events').map(([name = '', when = '', detail = '']) => ({
    name: unquote(name),
    description: `When ${when}. \`detail\`: ${detail}`,
  }));
  const cssProperties = tableAfter(readme, '### Theming').flatMap(([names = '', defaults = '', use = '']) => {
    // `--es-text` / `--es-background` | `#1c2430` / `#fff`: one property each.
    const each = names.split(' / ').map(unquote);
    const values = defaults.split(' / ').map(unquote);
    return each.map((name, i) => ({ name, default: values[i] ?? values[0] ?? '', description: use }));
  });
  return { attributes, events, cssProperties };
}

/**
 * The Custom Elements Manifest (https://github.com/webcomponents/custom-elements-manifest, schema 2.1.0).
 *
 * @example
 * JSON.stringify(customElementsManifest(elementDocs(readme)), null, 2)
 */
export function customElementsManifest(docs: ElementDocs): object {
  const module = 'dist/eligibility-screener.mjs';
  const declaration = { name: 'EligibilityScreenerElement', module };
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: module,
        declarations: [
          {
            kind: 'class',
            name: 'EligibilityScreenerElement',
            description: SUMMARY,
            customElement: true,
            tagName: TAG,
            superclass: { name: 'HTMLElement', package: 'global:' },
            attributes: docs.attributes.map((a) => ({
              name: a.name,
              fieldName: a.property,
              type: { text: a.type },
              ...(a.default === 'none' ? {} : { default: a.default }),
              description: a.description,
            })),
            members: [
              ...docs.attributes.map((a) => ({
                kind: 'field',
                name: a.property,
                attribute: a.name,
                reflects: true,
                type: { text: a.type === 'number | string' ? 'number' : a.type },
                description: a.description,
              })),
              { kind: 'method', name: 'open', description: 'Opens the assessment in its modal dialog (popup mode).' },
              { kind: 'method', name: 'close', description: 'Closes the dialog.' },
            ],
            events: docs.events.map((e) => ({ name: e.name, type: { text: 'CustomEvent' }, description: e.description })),
            cssProperties: docs.cssProperties.map((p) => ({ name: p.name, default: p.default, description: p.description })),
          },
        ],
        exports: [
          { kind: 'js', name: 'EligibilityScreenerElement', declaration },
          { kind: 'custom-element-definition', name: TAG, declaration },
        ],
      },
    ],
  };
}

/**
 * VS Code's HTML custom data (https://github.com/microsoft/vscode-custom-data):
 * completion and hover for the tag and its attributes in HTML files.
 *
 * @example
 * // .vscode/settings.json
 * { "html.customData": ["./node_modules/eligibility-screener/dist/html-custom-data.json"] }
 */
export function htmlCustomData(docs: ElementDocs): object {
  const markdown = (value: string) => ({ kind: 'markdown', value });
  return {
    version: 1.1,
    tags: [
      {
        name: TAG,
        description: markdown(SUMMARY),
        attributes: docs.attributes.map((a) => ({
          name: a.name,
          description: markdown(`${a.description}${a.default === 'none' ? '' : `\n\nDefault: ${a.default}`}`),
          ...(a.values === true ? { valueSet: 'v' } : a.values ? { values: a.values.map((name) => ({ name })) } : {}),
        })),
      },
    ],
  };
}

/** A JSDoc comment of one line of Markdown (no `*\/` inside). */
const jsdoc = (text: string, indent: string) => `${indent}/** ${text.replaceAll('*/', '*\\/')} */`;

/**
 * The attributes as JSX writes them, shared by the framework typings: a flag
 * is a boolean, `mode` one of its two values, a number attribute a number or
 * its text.
 */
export function attributesDeclaration(docs: ElementDocs): string {
  const lines = docs.attributes.map((a) => `${jsdoc(a.description, '  ')}\n  '${a.name}'?: ${a.type} | undefined;`);
  return [
    '// Generated by npm run build from widget/attributes.ts (widget/build/element-metadata.ts): do not edit.',
    "import type { EligibilityScreenerElement } from '../types/widget/element.ts';",
    '',
    `${jsdoc(`The attributes of \`<${TAG}>\` (README.md, Attributes).`, '')}`,
    'export interface EligibilityScreenerAttributes {',
    ...lines,
    '}',
    '',
    'export type { EligibilityScreenerElement };',
    '',
  ].join('\n');
}

/**
 * `IntrinsicElements` for one framework: `import type {} from 'eligibility-screener/react'` once in a project.
 *
 * @example
 * writeFileSync('dist/jsx/react.d.ts', frameworkDeclaration('react'));
 */
export function frameworkDeclaration(framework: 'react' | 'preact' | 'vue'): string {
  const head = [
    '// Generated by npm run build from widget/attributes.ts (widget/build/element-metadata.ts): do not edit.',
    "import type { EligibilityScreenerAttributes, EligibilityScreenerElement } from './attributes.d.ts';",
  ];
  const body = {
    react: [
      "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
      '',
      `/** \`<${TAG}>\` in React's JSX (React 19; in React 18 leave a flag out rather than setting it to false, which React 18 writes as "false"). */`,
      "declare module 'react' {",
      '  namespace JSX {',
      '    interface IntrinsicElements {',
      `      '${TAG}': DetailedHTMLProps<HTMLAttributes<EligibilityScreenerElement>, EligibilityScreenerElement> & EligibilityScreenerAttributes;`,
      '    }',
      '  }',
      '}',
    ],
    preact: [
      "import type { HTMLAttributes } from 'preact';",
      '',
      `/** \`<${TAG}>\` in Preact's JSX. */`,
      "declare module 'preact' {",
      '  namespace JSX {',
      '    interface IntrinsicElements {',
      `      '${TAG}': HTMLAttributes<EligibilityScreenerElement> & EligibilityScreenerAttributes;`,
      '    }',
      '  }',
      '}',
    ],
    vue: [
      "import type { DefineComponent, HTMLAttributes } from 'vue';",
      '',
      `/** \`<${TAG}>\` in Vue templates (Vue's language tools). */`,
      "declare module 'vue' {",
      '  interface GlobalComponents {',
      `    '${TAG}': DefineComponent<EligibilityScreenerAttributes>;`,
      '  }',
      '}',
      `/** \`<${TAG}>\` in Vue's JSX (\`jsxImportSource: "vue"\`). */`,
      "declare module 'vue/jsx-runtime' {",
      '  namespace JSX {',
      '    interface IntrinsicElements {',
      `      '${TAG}': HTMLAttributes & EligibilityScreenerAttributes;`,
      '    }',
      '  }',
      '}',
    ],
  }[framework];
  return [...head, ...body, '', 'export type { EligibilityScreenerAttributes };', ''].join('\n');
}
