// Ambient types for the widget: Vite's `?inline` CSS imports, and the build-time
// virtual module holding the default compiled rule set.
/// <reference types="vite/client" />

declare module 'virtual:eligibility-screener/default-rules' {
  import type { CompiledRuleSet } from '../src/core/compile.ts';
  /** The default rule set, compiled from `rules/ketamine.yaml` at build time. */
  const compiled: CompiledRuleSet;
  export default compiled;
}

/** The package version, injected by `widget/build/build.ts`. */
declare const __SCREENER_VERSION__: string;

/** True in a bundle with the widget's own words in more than one language (vite.config.ts, projectConfig). */
declare const __SCREENER_MULTILINGUAL__: boolean;

/** True in a build made with `--require-signed`: rules not signed for their content are refused (widget/sign-off.ts). */
declare const __SCREENER_REQUIRE_SIGNED__: boolean;

declare module 'virtual:eligibility-screener/ui-strings' {
  import type { UiStringTables } from '../src/core/ui-strings.ts';
  /** The widget's own words in the bundle's languages (widget/build/plugins.ts, uiStringsPlugin). */
  const tables: UiStringTables;
  export default tables;
}

/** True in the package's module (importable in Node for server-side rendering, where there is no DOM); false in a script tag file, which only ever runs in a browser. */
declare const __SCREENER_SERVER_SAFE__: boolean;
