/**
 * A plain `<textarea>` with a line-number gutter: enough for YAML, fully
 * keyboard- and screen-reader-friendly, no editor library. Lines never wrap,
 * so gutter line N is always text line N. Tab keeps its usual meaning
 * (leave the field), so a keyboard user is never trapped; YAML indents
 * with spaces anyway.
 */
import type { RefObject } from 'preact';
import { useMemo, useRef } from 'preact/hooks';

export interface CodeEditorProps {
  id: string;
  /** The accessible name, e.g. "Rule file ketamine.yaml". */
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Lines with a problem, marked in the gutter. */
  marks: ReadonlyMap<number, 'error' | 'warning'>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Id of the element describing the field (the problem count). */
  describedBy?: string;
}

/**
 * @example
 * <CodeEditor id="rules" label="Rule file" value={text} onInput={setText} marks={new Map([[12, 'error']])} textareaRef={ref} />
 */
export function CodeEditor({ id, label, value, onInput, marks, textareaRef, describedBy }: CodeEditorProps) {
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);
  const numbers = useMemo(() => {
    const items = [];
    for (let line = 1; line <= lineCount; line += 1) {
      const mark = marks.get(line);
      items.push(
        <span key={line} class={mark ? `pg-line pg-line-${mark}` : 'pg-line'}>
          {line}
        </span>,
      );
    }
    return items;
  }, [lineCount, marks]);

  return (
    <div class="pg-code">
      <div class="pg-gutter" ref={gutter} aria-hidden="true">
        {numbers}
      </div>
      <textarea
        id={id}
        ref={textareaRef}
        class="pg-textarea"
        aria-label={label}
        aria-describedby={describedBy}
        value={value}
        wrap="off"
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        onInput={(event) => onInput(event.currentTarget.value)}
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

/**
 * Puts the cursor at a line and column (1-based) and scrolls it into view.
 *
 * @example
 * goToLine(textarea, 214, 17);
 */
export function goToLine(textarea: HTMLTextAreaElement, line: number, column = 1): void {
  const lines = textarea.value.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < index; i += 1) offset += lines[i]!.length + 1;
  offset += Math.min(Math.max(column, 1) - 1, lines[index]!.length);
  textarea.focus();
  textarea.setSelectionRange(offset, offset);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  // Leave a third of the field above the line, so its context shows too.
  textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 3);
}
