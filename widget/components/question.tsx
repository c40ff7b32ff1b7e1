/**
 * One question per screen: a fieldset whose legend is the question, native
 * radios, checkboxes or a number input, and Back / Continue. The inputs keep
 * their own state (the browser's); on Continue the answer is read from the
 * form and the machine decides whether it is acceptable (`snapshot.can`).
 * A refused answer gets a message (kept by the element, like all state).
 */
import { h } from './h.ts';
import type { Answer } from '../../src/core/engine.ts';
import type { Question } from '../../src/authoring/schema.ts';
import type { ScreenContent } from '../../src/core/screens.ts';
import { prefill } from './prefill.ts';
import { paragraphs, rich } from './rich-text.tsx';
import type { View } from './view.ts';

export interface QuestionProps {
  view: View;
  question: Question;
  /** What the screen shows (src/core/screens.ts). */
  content: ScreenContent & { kind: 'question' };
  /** The answer given before, when the patient came back to this question. */
  previous: Answer | undefined;
  /** Why the last Continue was refused, shown under the question. */
  error?: string | undefined;
}

/**
 * @example
 * <QuestionScreen key={question.id} view={view} question={question} content={describeScreen(ruleSet, screen, view)} previous={undefined} />
 */
export function QuestionScreen({ view, question, content, previous, error }: QuestionProps) {
  const { strings } = view;
  const id = `${view.idPrefix}-${question.id}`;
  const described = [content.help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

  const submit = (event: Event) => {
    event.preventDefault();
    const inputs = [...(event.currentTarget as HTMLFormElement).querySelectorAll('input')];
    const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
    const typed = inputs[0]?.value.trim() ?? '';
    // Digits of another script (٤٢): kept in the value, or (Chrome) dropped as typed, or reported as bad input.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every non-ASCII character, so it starts at NUL.
    const notDigits = /[^\x00-\x7f]/.test(typed) || (!typed && (!!inputs[0]?.validity?.badInput || otherDigits.has(inputs[0]!)));
    const value: Answer | null =
      question.type === 'number' ? (typed && Number.isFinite(+typed) ? +typed : null)
      : question.type === 'single-choice' ? (chosen[0] ?? null)
      : chosen.length ? chosen : null;
    if (value !== null && view.can({ type: 'user.answer', value })) return view.send({ type: 'user.answer', value });
    let message = question.type === 'single-choice' ? strings.needChoice : strings.needChoices;
    if (question.type === 'number') {
      const inRange = value !== null && +value >= question.min && +value <= question.max;
      message = notDigits ? strings.needDigits
        : inRange ? strings.needStep(question.step ?? 1)
        : strings.needNumber(question.min, question.max);
    }
    view.showError(message);
  };

  return (
    <form class="screen" noValidate onSubmit={submit}>
      <p class="progress">{content.progress}</p>
      <progress class="bar" value={content.step} max={Math.max(content.total, content.step)} aria-hidden="true" />
      <fieldset aria-describedby={described}>
        <legend>
          <h2 class="title" id={`${id}-q`} tabIndex={-1}>{rich(content.title)}</h2>
        </legend>
        {content.help && <div class="help" id={`${id}-help`}>{paragraphs(content.help)}</div>}
        {question.type === 'number' ? (
          <div class="number">
            <input
              id={`${id}-n`}
              type="number"
              inputMode={Number.isInteger(question.step ?? 1) ? 'numeric' : 'decimal'}
              min={question.min}
              max={question.max}
              step={question.step ?? 1}
              ref={prefill((input) => typeof previous === 'number' && (input.value = String(previous)))}
              aria-labelledby={`${id}-q`}
              aria-describedby={`${id}-u ${id}-r${error ? ` ${id}-error` : ''}`}
              aria-invalid={error ? 'true' : undefined}
              onBeforeInput={noteOtherDigits}
            />
            <span class="unit" id={`${id}-u`}>{rich(content.unit!)}</span>
            <p class="hint" id={`${id}-r`}>{content.hint}</p>
          </div>
        ) : (
          <div class="options">
            {content.hint && <p class="hint">{content.hint}</p>}
            {content.options.map((option) => (
              <label class="option">
                <input
                  type={question.type === 'single-choice' ? 'radio' : 'checkbox'}
                  name={id}
                  value={option.id}
                  ref={prefill((input) => (input.checked = previous === option.id || (Array.isArray(previous) && previous.includes(option.id))))}
                  data-exclusive={option.exclusive ? '' : undefined}
                  onChange={exclusive}
                />
                <span>{rich(option.label)}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {error && <p class="error" id={`${id}-error`} role="alert">{error}</p>}
      <div class="actions">
        <button type="button" class="button" onClick={() => view.send({ type: 'user.back' })}>{content.back}</button>
        <button type="submit" class="button primary">{content.next}</button>
      </div>
    </form>
  );
}

const otherDigits = new WeakSet<EventTarget>();

/** Chrome drops digits of other scripts typed into a number input without a trace: remember the attempt, to say why it stayed empty. */
function noteOtherDigits(event: InputEvent): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every non-ASCII character, so it starts at NUL.
  if (/[^\x00-\x7f]/.test(event.data ?? '')) otherDigits.add(event.currentTarget!);
}

/** Ticking an exclusive option ("None of these") clears the others, and ticking any other clears it. */
function exclusive(event: Event): void {
  const box = event.currentTarget as HTMLInputElement;
  if (box.type !== 'checkbox' || !box.checked) return;
  for (const other of box.form?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []) {
    if (other !== box && (box.hasAttribute('data-exclusive') || other.hasAttribute('data-exclusive'))) other.checked = false;
  }
}
