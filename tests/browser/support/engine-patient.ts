/**
 * support/patient.ts's patient, in any engine (support/engines.ts): reads the
 * question on screen, picks a scenario case's answer by its visible label and
 * moves on, with the mouse or with the keyboard alone (Tab, Space, arrow
 * keys, Enter). The scenarios and the words are the same as the Chromium
 * tests'; only the driving differs.
 */
import type { Answer } from '../../../src/core/engine.ts';
import type { Question, Tier } from '../../../src/authoring/schema.ts';
import { uiStrings } from '../../../src/core/ui-strings.ts';
import type { EnginePage, Query } from './engines.ts';
import type { InputMode, ScreenOutcome } from './patient.ts';
import { defaultRuleSet, LOCALE, optionLabel, plain, type Plan, type PlannedStep } from './scenarios.ts';

const MAX_TABS = 60;

/** The widget's own words (English). */
export const WORDS = uiStrings(LOCALE);

/**
 * A patient in front of one widget in one engine.
 *
 * @example
 * const patient = new EnginePatient(page, 'keyboard');
 * await patient.start();
 * await patient.walk(findPlan('candidate'));
 */
export class EnginePatient {
  constructor(
    readonly page: EnginePage,
    readonly input: InputMode = 'mouse',
    /** Where the widget is: the element, or the dialog it opened. */
    readonly scope: Query = { css: 'eligibility-screener' },
  ) {}

  /** `q`, inside the widget. */
  in(q: Query): Query {
    return { ...q, within: this.scope };
  }

  button(name: string): Query {
    return this.in({ role: 'button', name, exact: true });
  }

  startButton(): Query {
    return this.button(plain(defaultRuleSet().intro.start));
  }

  introHeading(): Query {
    return this.in({ role: 'heading', name: plain(defaultRuleSet().intro.title) });
  }

  /** The fieldset of a choice question, or the number input. */
  questionScreen(question: Question): Query {
    const name = plain(question.text);
    return this.in(question.type === 'number' ? { role: 'spinbutton', name } : { role: 'group', name });
  }

  /** The element carrying `data-outcome` (any tier when none is given). */
  outcome(tier?: ScreenOutcome): Query {
    return this.in({ css: tier ? `[data-outcome="${tier}"]` : '[data-outcome]' });
  }

  /** The headings of the result screen of `tier`. */
  async resultHeadings(tier: Tier): Promise<string[]> {
    return this.page.texts({ role: 'heading', within: this.outcome(tier) });
  }

  /** Presses Tab until `q` has focus; fails after {@link MAX_TABS} presses, saying where focus is. */
  async tabTo(q: Query, what = JSON.stringify(q)): Promise<void> {
    for (let i = 0; i <= MAX_TABS; i += 1) {
      if (await this.page.focused(q)) return;
      await this.page.press('Tab');
    }
    const focus = await this.page.focus();
    throw new Error(`${this.page.engine}: could not reach ${what} with ${MAX_TABS} Tab presses; focus is on <${focus.tag}> "${focus.text}"`);
  }

  /** Waits until focus is on a heading of the widget containing `text`; fails saying where focus is. */
  async waitForHeadingFocus(text: string): Promise<void> {
    const want = text.replace(/\s+/g, ' ').trim().toLowerCase();
    try {
      await this.page.waitUntil(async () => {
        const focus = await this.page.focus();
        return focus.inWidget && focus.heading && focus.text.toLowerCase().includes(want.slice(0, 80));
      }, `focus on the heading "${text}"`);
    } catch {
      const focus = await this.page.focus();
      throw new Error(
        `${this.page.engine}: focus should be on the heading "${text}", but is on <${focus.tag}> "${focus.text}"` +
          (focus.inWidget ? '' : ' (outside the widget)'),
      );
    }
  }

  /** Activates a button or link: a click, or Tab to it and Enter. */
  async press(q: Query): Promise<void> {
    await this.page.waitFor(q);
    if (this.input === 'mouse') return this.page.click(q);
    await this.tabTo(q);
    await this.page.press('Enter');
  }

  /** Presses the intro's start button and waits for the first question. */
  async start(first?: Question): Promise<void> {
    await this.press(this.startButton());
    if (first) await this.page.waitFor(this.questionScreen(first));
  }

  /** Gives the answer of `step` on the current screen and presses Continue. */
  async answer(step: PlannedStep): Promise<void> {
    const { question, answer } = step;
    await this.page.waitFor(this.questionScreen(question));
    if (question.type === 'number') await this.typeNumber(question, answer);
    else if (question.type === 'single-choice') await this.choose(question, String(answer));
    else await this.tick(question, Array.isArray(answer) ? [...answer] : [String(answer)]);
    await this.press(this.button(WORDS.continue));
  }

  /**
   * Answers every step of a plan and waits for its result screen, as
   * support/patient.ts's `walk` does; `onCrisis` runs on each crisis screen
   * before the patient presses "Continue the assessment".
   */
  async walk(plan: Plan, onQuestion?: (step: PlannedStep) => Promise<void>, onCrisis?: () => Promise<void>): Promise<Query> {
    for (const [index, step] of plan.steps.entries()) {
      await this.page.waitFor(this.questionScreen(step.question));
      if (onQuestion) await onQuestion(step);
      await this.answer(step);
      if (plan.crisisAfter.includes(index)) {
        await this.page.waitFor(this.outcome('crisis'));
        if (onCrisis) await onCrisis();
        await this.press(this.button(WORDS.continueAssessment));
      }
    }
    const result = this.outcome(plan.tier);
    await this.page.waitFor(result);
    return result;
  }

  private async typeNumber(question: Question, answer: Answer): Promise<void> {
    const input = this.questionScreen(question);
    if (this.input === 'mouse') return this.page.fill(input, String(answer));
    await this.tabTo(input, `the number input of "${question.id}"`);
    await this.page.type(String(answer));
  }

  private option(question: Question, optionId: string, role: 'radio' | 'checkbox'): Query {
    return { role, name: optionLabel(question, optionId, LOCALE), exact: true, within: this.questionScreen(question) };
  }

  private async choose(question: Question, optionId: string): Promise<void> {
    const radio = this.option(question, optionId, 'radio');
    if (this.input === 'mouse') {
      await this.page.click(radio);
    } else {
      // Tab enters a radio group once; the arrow keys move (and select) within it.
      await this.tabTo({ role: 'radio', within: this.questionScreen(question) }, `the options of "${question.id}"`);
      const options = question.type === 'number' ? 0 : question.options.length;
      for (let i = 0; i <= options && !(await this.page.focused(radio)); i += 1) await this.page.press('ArrowDown');
      if (!(await this.page.focused(radio))) throw new Error(`${this.page.engine}: arrow keys never reached "${optionId}" in "${question.id}"`);
      if (!(await this.page.checked(radio))) await this.page.press('Space');
    }
    if (!(await this.page.checked(radio))) throw new Error(`${this.page.engine}: "${optionId}" in "${question.id}" is not selected`);
  }

  private async tick(question: Question, optionIds: string[]): Promise<void> {
    if (question.type === 'number') return;
    // In screen order, so Tab only ever moves forward.
    for (const option of question.options.filter((o) => optionIds.includes(o.id))) {
      const box = this.option(question, option.id, 'checkbox');
      if (this.input === 'mouse') {
        await this.page.click(box);
      } else {
        await this.tabTo(box, `the option "${option.id}" of "${question.id}"`);
        await this.page.press('Space');
      }
      if (!(await this.page.checked(box))) throw new Error(`${this.page.engine}: "${option.id}" in "${question.id}" is not ticked`);
    }
  }
}
