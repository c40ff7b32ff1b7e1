/**
 * Drives the widget the way a patient does: reads the question on screen,
 * picks the answer of a scenario case by its visible label, and moves on —
 * with the mouse, or with the keyboard alone (Tab, Space, arrow keys, Enter;
 * never a click). Locators are Playwright role/label locators, which pierce
 * the widget's open shadow root.
 */
import type { Locator, Page } from 'playwright-core';
import type { Answer } from '../../../src/core/engine.ts';
import type { Question, Tier } from '../../../src/authoring/schema.ts';
import { uiStrings, type UiStrings } from '../../../src/core/ui-strings.ts';
import { defaultRuleSet, LOCALE, optionLabel, plain, type Plan, type PlannedStep } from './scenarios.ts';

export type InputMode = 'mouse' | 'keyboard';

/** Outcomes a screen can carry in `data-outcome`. */
export type ScreenOutcome = Tier | 'unavailable';

const MAX_TABS = 60;

/**
 * Describes the element that has focus, looking through shadow roots.
 *
 * @example
 * (await focusedElement(page)).tag // 'h2'
 */
export async function focusedElement(page: Page): Promise<{ tag: string; role: string; text: string; inWidget: boolean }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    let inWidget = false;
    while (active?.shadowRoot?.activeElement) {
      if (active.tagName.toLowerCase() === 'eligibility-screener') inWidget = true;
      active = active.shadowRoot.activeElement;
    }
    if (active?.closest('eligibility-screener')) inWidget = true;
    return {
      tag: active?.tagName.toLowerCase() ?? '',
      role: active?.getAttribute('role') ?? '',
      text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inWidget,
    };
  });
}

/**
 * True when `locator`'s element has focus (through shadow roots).
 *
 * @example
 * await hasFocus(widget.getByRole('button', { name: 'Continue' }))
 */
export async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

async function focusedWithin(container: Locator, selector: string): Promise<boolean> {
  return container.evaluate((root, sel) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return !!active && root.contains(active) && active.matches(sel);
  }, selector);
}

/**
 * Waits until focus (through shadow roots) is on a heading of the widget — an
 * `h1`…`h6`, `role="heading"` or a fieldset's `legend` — whose text contains
 * `text`. Fails with where focus actually is.
 *
 * @example
 * await waitForHeadingFocus(page, 'How old are you?');
 */
export async function waitForHeadingFocus(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction((expected) => {
      let active: Element | null = document.activeElement;
      let inWidget = false;
      while (active?.shadowRoot?.activeElement) {
        if (active.tagName.toLowerCase() === 'eligibility-screener') inWidget = true;
        active = active.shadowRoot.activeElement;
      }
      if (!active || !inWidget) return false;
      const heading = active.matches('h1, h2, h3, h4, h5, h6, [role="heading"], legend') || active.closest('legend') !== null;
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
      return heading && norm(active.textContent ?? '').includes(norm(expected));
    }, text);
  } catch {
    const focus = await focusedElement(page);
    throw new Error(
      `focus should be on the heading "${text}", but is on <${focus.tag}${focus.role ? ` role=${focus.role}` : ''}> ` +
        `"${focus.text.slice(0, 80)}"${focus.inWidget ? '' : ' (outside the widget)'}`,
    );
  }
}

/**
 * Presses Tab until `reached()` says so; fails after {@link MAX_TABS} presses.
 *
 * @example
 * await tabUntil(page, () => hasFocus(button), 'the Continue button');
 */
export async function tabUntil(page: Page, reached: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i <= MAX_TABS; i += 1) {
    if (await reached()) return;
    await page.keyboard.press('Tab');
  }
  const focus = await focusedElement(page);
  throw new Error(`could not reach ${what} with ${MAX_TABS} Tab presses; focus is on <${focus.tag}> "${focus.text.slice(0, 60)}"`);
}

/**
 * A patient in front of one widget, reading it in `lang` (English unless
 * given): the rule text and the widget's own words (src/core/locales/) of
 * that language name what the patient looks for.
 *
 * @example
 * const patient = new Patient(page, page.locator('eligibility-screener'), 'keyboard');
 * await patient.start();
 * const result = await patient.walk(findPlan('candidate'));
 * const paciente = new Patient(page, page.locator('eligibility-screener'), 'mouse', 'es');
 */
export class Patient {
  constructor(
    readonly page: Page,
    /** The `<eligibility-screener>` element (or the dialog it opened). */
    readonly widget: Locator,
    readonly input: InputMode = 'mouse',
    /** The language the patient reads the widget in. */
    readonly lang: string = LOCALE,
  ) {}

  /** The widget's own words in the patient's language. */
  get words(): UiStrings {
    return uiStrings(this.lang);
  }

  /** Rule text as this patient reads it (see {@link plain}). */
  text(text: Parameters<typeof plain>[0]): string {
    return plain(text, this.lang);
  }

  /** The intro's start button (its name is the rule set's `intro.start`). */
  startButton(): Locator {
    return this.widget.getByRole('button', { name: this.text(defaultRuleSet().intro.start), exact: true });
  }

  /** The intro heading (`intro.title`). */
  introHeading(): Locator {
    return this.widget.getByRole('heading', { name: this.text(defaultRuleSet().intro.title) });
  }

  /** The control that identifies a question's screen: its fieldset, or its number input. */
  questionScreen(question: Question): Locator {
    const name = this.text(question.text);
    return question.type === 'number'
      ? this.widget.getByRole('spinbutton', { name })
      : this.widget.getByRole('group', { name });
  }

  continueButton(): Locator {
    return this.widget.getByRole('button', { name: this.words.continue, exact: true });
  }

  backButton(): Locator {
    return this.widget.getByRole('button', { name: this.words.back, exact: true });
  }

  /** "Continue the assessment", on the crisis screen when questions remain. */
  continueAssessmentButton(): Locator {
    return this.widget.getByRole('button', { name: this.words.continueAssessment, exact: true });
  }

  /** The progress line of a step ("Question 2 of about 12"). */
  progressText(step: PlannedStep): Locator {
    return this.widget.getByText(this.words.progress(step.step, step.total), { exact: true }).first();
  }

  /** The element carrying `data-outcome` (any tier when none is given). */
  outcome(tier?: ScreenOutcome): Locator {
    return this.widget.locator(tier ? `[data-outcome="${tier}"]` : '[data-outcome]');
  }

  /** Presses the intro's start button and waits for the first question. */
  async start(first?: Question): Promise<void> {
    await this.press(this.startButton());
    if (first) await this.questionScreen(first).waitFor();
  }

  /** Moves focus to `target` with the Tab key alone. */
  async tabTo(target: Locator): Promise<void> {
    await tabUntil(this.page, () => hasFocus(target), String(target));
  }

  /** Activates a button or link: a click, or Tab to it and Enter. */
  async press(target: Locator): Promise<void> {
    if (this.input === 'mouse') {
      await target.click();
      return;
    }
    await this.tabTo(target);
    await this.page.keyboard.press('Enter');
  }

  /** Gives the answer of `step` on the current screen and presses Continue. */
  async answer(step: PlannedStep): Promise<void> {
    const { question, answer } = step;
    await this.questionScreen(question).waitFor();
    if (question.type === 'number') await this.typeNumber(question, answer);
    else if (question.type === 'single-choice') await this.choose(question, String(answer));
    else await this.tick(question, asList(answer));
    await this.press(this.continueButton());
  }

  /**
   * Answers every step of a plan and waits for its result screen.
   * `onQuestion` runs when each question is on screen, before it is answered;
   * `onCrisis` when the crisis screen interrupts (`plan.crisisAfter`), before
   * the patient continues.
   */
  async walk(
    plan: Plan,
    onQuestion?: (step: PlannedStep, index: number) => Promise<void>,
    onCrisis?: (crisis: Locator, index: number) => Promise<void>,
  ): Promise<Locator> {
    for (const [index, step] of plan.steps.entries()) {
      await this.questionScreen(step.question).waitFor();
      if (onQuestion) await onQuestion(step, index);
      await this.answer(step);
      if (plan.crisisAfter.includes(index)) {
        // Crisis help comes first; the patient reads it and chooses to go on.
        const crisis = this.outcome('crisis');
        await crisis.waitFor();
        if (onCrisis) await onCrisis(crisis, index);
        await this.press(this.continueAssessmentButton());
      }
    }
    const result = this.outcome(plan.tier);
    await result.waitFor();
    return result;
  }

  private async typeNumber(question: Question, answer: Answer): Promise<void> {
    const input = this.questionScreen(question);
    if (this.input === 'mouse') {
      await input.fill(String(answer));
      return;
    }
    await tabUntil(this.page, () => hasFocus(input), `the number input of "${question.id}"`);
    await this.page.keyboard.type(String(answer));
  }

  private async choose(question: Question, optionId: string): Promise<void> {
    const group = this.questionScreen(question);
    const radio = group.getByRole('radio', { name: optionLabel(question, optionId, this.lang), exact: true });
    if (this.input === 'mouse') {
      await radio.check();
      return;
    }
    // Tab enters a radio group once; the arrow keys move (and select) within it.
    await tabUntil(this.page, () => focusedWithin(group, 'input[type="radio"]'), `the options of "${question.id}"`);
    const options = question.type === 'number' ? 0 : question.options.length;
    for (let i = 0; i <= options && !(await hasFocus(radio)); i += 1) await this.page.keyboard.press('ArrowDown');
    if (!(await hasFocus(radio))) throw new Error(`arrow keys never reached "${optionId}" in "${question.id}"`);
    if (!(await radio.isChecked())) await this.page.keyboard.press('Space');
    if (!(await radio.isChecked())) throw new Error(`Space did not select "${optionId}" in "${question.id}"`);
  }

  private async tick(question: Question, optionIds: string[]): Promise<void> {
    if (question.type === 'number') return;
    const group = this.questionScreen(question);
    // In screen order, so Tab only ever moves forward.
    const ordered = question.options.filter((o) => optionIds.includes(o.id));
    for (const option of ordered) {
      const box = group.getByRole('checkbox', { name: optionLabel(question, option.id, this.lang), exact: true });
      if (this.input === 'mouse') {
        await box.check();
        continue;
      }
      await tabUntil(this.page, () => hasFocus(box), `the option "${option.id}" of "${question.id}"`);
      await this.page.keyboard.press('Space');
      if (!(await box.isChecked())) throw new Error(`Space did not tick "${option.id}" in "${question.id}"`);
    }
  }
}

function asList(answer: Answer): string[] {
  return Array.isArray(answer) ? [...answer] : [String(answer)];
}
