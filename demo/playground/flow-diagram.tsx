/**
 * The flowchart from `screener graph` (the same Mermaid text the sign-off
 * sheet holds), drawn by Mermaid in the page. Mermaid is loaded only when the
 * tab is first opened (it is large), from the prebuilt copy that
 * demo/build-playground.ts puts beside this bundle, and redrawn only while
 * the tab is visible. Mermaid styles its SVG with inline `<style>` and style
 * attributes, which is why the demo server relaxes `style-src` for this page
 * alone: under `style-src 'self'` the default rules' chart raised about 800
 * violations and drew black boxes with unreadable labels (checked in Chromium).
 * Scripts stay `'self'`; Mermaid needs no eval.
 */
import type { Mermaid } from 'mermaid';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Kept in a variable so the bundler does not try to resolve it at build time. */
const MERMAID_FILE = 'mermaid/mermaid.esm.min.mjs';

let loading: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import(/* @vite-ignore */ new URL(MERMAID_FILE, import.meta.url).href).then((module: { default: Mermaid }) => {
    const mermaid = module.default;
    // 'strict' makes Mermaid sanitise labels and refuse click handlers.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', flowchart: { htmlLabels: true, useMaxWidth: false } });
    return mermaid;
  });
  return loading;
}

export interface FlowDiagramProps {
  /** Mermaid `flowchart TD` text; empty before the first analysis. */
  source: string;
  /** Whether the tab is showing: drawing only then keeps typing smooth. */
  visible: boolean;
  stale: boolean;
}

let renders = 0;

/**
 * @example
 * <FlowDiagram source={analysis.mermaid} visible={tab === 'diagram'} stale={false} />
 */
export function FlowDiagram({ source, visible, stale }: FlowDiagramProps) {
  const target = useRef<HTMLDivElement>(null);
  const drawn = useRef('');
  const [fit, setFit] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' | 'drawing' | 'drawn' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  useEffect(() => {
    if (!visible || !source || source === drawn.current) return;
    let cancelled = false;
    setState({ kind: 'drawing' });
    loadMermaid()
      .then((mermaid) => mermaid.render(`pg-flow-${++renders}`, source))
      .then(({ svg }) => {
        if (cancelled || !target.current) return;
        // Mermaid's own output, sanitised by it under securityLevel 'strict'.
        target.current.innerHTML = svg;
        showStart(target.current);
        drawn.current = source;
        setState({ kind: 'drawn' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [source, visible]);

  return (
    <div class={stale ? 'pg-diagram pg-is-stale' : 'pg-diagram'}>
      {stale && <p class="pg-alert">The rules have errors: this is the flow of the last valid version.</p>}
      <p class="pg-quiet">
        Questions in file order; an arrow for every move some answer path makes, labelled with the condition when there is a
        choice; each rule hangs on the question after which it is decided. Red: crisis; orange: not suitable; blue: review.
        Dashed questions are never shown.
      </p>
      {state.kind === 'drawn' && (
        <p>
          <button type="button" class="pg-button" aria-pressed={fit} onClick={() => setFit(!fit)}>
            Fit the diagram in the panel
          </button>
        </p>
      )}
      {state.kind === 'drawing' && <p>Drawing the diagram…</p>}
      {state.kind === 'failed' && (
        <p class="pg-alert">The diagram could not be drawn ({state.message}). Its Mermaid text is below.</p>
      )}
      {!source && <p>The diagram appears once the rules are valid.</p>}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide diagram scrolls, so keyboard users must be able to focus it. */}
      <div class={fit ? 'pg-diagram-canvas pg-fit' : 'pg-diagram-canvas'} ref={target} role="img" tabIndex={0} aria-label="Flowchart of the questions and rules (the same content is in the Checks tab and the rule file)" />
      {source && (
        <details>
          <summary>Mermaid text (as in the sign-off sheet made by screener graph)</summary>
          <pre class="pg-source">{source}</pre>
        </details>
      )}
    </div>
  );
}

/** At full size the chart is wider than the panel: scroll so its first box (the intro) is in view. */
function showStart(canvas: HTMLElement): void {
  const start = canvas.querySelector('[id*="flowchart-start-"]');
  if (!start) return;
  const box = start.getBoundingClientRect();
  const frame = canvas.getBoundingClientRect();
  canvas.scrollLeft += box.left + box.width / 2 - (frame.left + frame.width / 2);
}
