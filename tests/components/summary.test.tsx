/**
 * The summary a patient takes to the consultation (issue 14): Save my answers
 * and Print on every result, a file made in the browser that holds every
 * question asked and its answer, the result, the rules and the notices, and
 * nothing that could run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveText, type Text } from '../../src/core/text.ts';
import type { Question } from '../../src/authoring/schema.ts';
import { describeSummary, type SummaryContent } from '../../src/core/summary.ts';
import { PRINT_TAG, Summary, summaryFile } from '../../widget/components/summary.tsx';
import { h } from '../../widget/components/h.ts';
import { PAYLOADS } from '../support/xss-payloads.ts';
import { press, TO_CANDIDATE, TO_CRISIS_INTERRUPT, TO_NOT_SUITABLE, TO_PASSIVE_WISH, TO_REVIEW, walk } from './flow.ts';
import { contentOf, fixtureCompiled, fixtureRuleSet, mountWidget, viewFor } from './support.ts';
import { reviewHash, withBoundSignOff } from '../../src/authoring/review-hash.ts';
import { evaluate } from '../../src/core/engine.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';

void h;

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const en = (text: Text) => resolveText(text, 'en', 'en');

/** Catches what Save hands the browser: the Blob behind the URL and the download's file name. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

/** What a patient answered, as the fixture's own texts say it (question, then the answer lines). */
function expectedAnswers(answers: [string, number | string | string[]][]): [string, string[]][] {
  const questions = fixtureRuleSet().questions;
  return answers.map(([id, value]) => {
    const question = questions.find((q) => q.id === id) as Question;
    if (question.type === 'number') return [en(question.text), [`${value} ${en(question.unit)}`]];
    return [en(question.text), [value].flat().map((option) => en(question.options.find((o) => o.id === option)!.label))];
  });
}

/** The saved page, parsed: its answers (dt with its dd lines) and its text. */
function read(html: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const answers: [string, string[]][] = [];
  for (const term of doc.querySelectorAll('dt')) {
    const lines: string[] = [];
    for (let next = term.nextElementSibling; next?.tagName === 'DD'; next = next.nextElementSibling) lines.push(next.textContent!);
    answers.push([term.textContent!, lines]);
  }
  // One line per block of text, as a reader sees them.
  const lines = [...doc.body.querySelectorAll('h1, h2, h3, p, dt, dd, li')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
  return { doc, answers, lines, text: lines.join('\n') };
}

async function saved(files: { name: string; blob: Blob }[]) {
  expect(files).toHaveLength(1);
  return read(await files[0]!.blob.text());
}

describe('Save my answers', () => {
  it('review: one HTML page with every answer in order, the result and its reasons, the rules, the notices', async () => {
    const files = catchDownloads();
    const compiled = await fixtureCompiled();
    const { ui } = await mountWidget({ 'booking-url': 'https://clinic.example/book', 'clinic-name': 'Harbor Mind Clinic' });
    await walk(ui, TO_REVIEW);
    await press(ui, 'Save my answers');

    expect(files[0]?.name).toMatch(/^prescreen-\d{4}-\d{2}-\d{2}\.html$/);
    expect(files[0]?.blob.type).toBe('text/html');
    const { doc, answers, lines, text } = await saved(files);
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('My pre-screening answers');
    expect(answers).toEqual(expectedAnswers(TO_REVIEW));
    expect(text).toContain('Harbor Mind Clinic');
    expect(text).toMatch(/Made on \w+ \d+, \d{4}/);
    const result = lines.indexOf('The result I was shown');
    expect(lines.slice(result, result + 4)).toEqual([
      'The result I was shown',
      en(compiled.ruleSet.outcomes.review.title),
      'What a clinician will want to talk about',
      'Your blood pressure may need to be checked first.',
    ]);
    expect(lines).toContain(en(compiled.ruleSet.title));
    expect(lines).toContain(`Screening rules version ${compiled.ruleSet.version}`);
    expect(lines).toContain(`Rules hash: ${compiled.hash}`);
    expect(lines).toContain('Clinical review of these rules: pending');
    expect(text).toContain(en(compiled.ruleSet.notices.notAdvice));
    expect(text).toContain(en(compiled.ruleSet.notices.notEmergency));
    // No crisis box when none was shown; no script and nothing to load.
    expect(text).not.toContain('988');
    expect(doc.querySelectorAll('script, link, img, iframe, [src]')).toHaveLength(0);
  });

  it('a signed rule set says who reviewed it, as the result does; a hidden question is left out; options in their order', () => {
    const unsigned = fixtureRuleSet();
    const signed = { ...unsigned, signOff: { reviewedBy: 'Dr Ana Ruiz, medical director', reviewedOn: '2026-12-05' } };
    const bound = withBoundSignOff({ ...signed, signOff: { ...signed.signOff, contentHash: reviewHash(signed) } });
    const summaryOf = (ruleSet: RuleSet) => {
      const { view } = viewFor(ruleSet);
      const answers = { age: 40, goals: ['depression', 'anxiety'], 'wish-dead': 'no', pregnancy: 'no', bp: 'normal' };
      const result = contentOf(view, { kind: 'result', outcome: { ...evaluate(ruleSet, answers), crisisLines: false } });
      // "thoughts-now" was answered, then hidden by a changed answer: the engine dropped its answer.
      const path = ['age', 'goals', 'wish-dead', 'thoughts-now', 'pregnancy', 'bp'];
      return describeSummary(ruleSet, { path, answers, result, hash: 'sha256-abc', made: 'today' }, view);
    };
    expect(summaryOf(bound).rules.at(-1)).toBe('Reviewed by Dr Ana Ruiz, medical director on 2026-12-05');
    expect(summaryOf(withBoundSignOff(signed)).rules.at(-1)).toBe('Clinical review of these rules: pending');
    const { answers } = summaryOf(unsigned);
    expect(answers.map((a) => a.question)).toEqual(
      expectedAnswers([['age', 40], ['goals', []], ['wish-dead', 'no'], ['pregnancy', 'no'], ['bp', 'normal']]).map(([question]) => question),
    );
    // Ticked "anxiety" after "depression": the summary lists them as the question does.
    expect(answers[1]!.answer).toEqual(['Low mood or depression', 'Worry or anxiety']);
  });

  it('the crisis lines, when the result showed them, and on a crisis result; not on the interrupting screen', async () => {
    const files = catchDownloads();
    const lines = await mountWidget();
    await walk(lines.ui, TO_PASSIVE_WISH);
    await press(lines.ui, 'Save my answers');
    expect((await saved(files)).text).toContain('988');
    lines.element.remove();
    files.splice(0);

    const crisis = await mountWidget();
    await walk(crisis.ui, [...TO_CANDIDATE.slice(0, -1), ['bp', 'crisis']]);
    await press(crisis.ui, 'Save my answers');
    const { text } = await saved(files);
    expect(text).toContain('A reading this high needs medical care now.');
    expect(text).toContain('911');
    crisis.element.remove();

    const interrupted = await mountWidget();
    await walk(interrupted.ui, TO_CRISIS_INTERRUPT);
    expect(interrupted.ui.getByRole('button', { name: 'Continue the assessment' })).toBeTruthy();
    expect(interrupted.ui.queryByRole('button', { name: 'Save my answers' })).toBeNull();
  });

  it('summary="off": no Save, no Print, no privacy line', async () => {
    const { ui } = await mountWidget({ 'booking-url': '/book', summary: 'off' });
    await walk(ui, TO_NOT_SUITABLE);
    expect(ui.queryByRole('button', { name: 'Save my answers' })).toBeNull();
    expect(ui.queryByRole('button', { name: 'Print' })).toBeNull();
    expect(ui.queryByText(/holds your health answers/)).toBeNull();
  });

  it('on every result: the two actions come after booking and crisis help, with the privacy line', async () => {
    for (const answers of [TO_CANDIDATE, TO_REVIEW, TO_NOT_SUITABLE, TO_PASSIVE_WISH]) {
      const { ui, root, element } = await mountWidget();
      await walk(ui, answers);
      const order = [...root.querySelectorAll('a, button, .hint')].map((node) => node.textContent);
      const save = order.indexOf('Save my answers');
      expect(save).toBeGreaterThan(-1);
      expect(order[save + 1]).toBe('Print');
      expect(order[save + 2]).toBe('The file holds your health answers. Keep it private; on a shared computer, delete it.');
      for (const link of root.querySelectorAll('a')) expect(order.indexOf(link.textContent)).toBeLessThan(save);
      element.remove();
    }
  });

  it('saving and printing send no event to the host page', async () => {
    vi.stubGlobal('print', vi.fn());
    catchDownloads();
    const { ui, element } = await mountWidget();
    await walk(ui, TO_REVIEW);
    const heard: string[] = [];
    for (const type of ['screener-start', 'screener-step', 'screener-complete']) element.addEventListener(type, () => heard.push(type));
    await press(ui, 'Save my answers');
    await press(ui, 'Print');
    expect(heard).toEqual([]);
    expect([...element.attributes].map((a) => a.name).filter((name) => /summary|answer/.test(name))).toEqual([]);
  });
});

describe('Print', () => {
  it('draws the summary alone at the end of the body, prints, and takes it away after printing', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { ui } = await mountWidget();
    await walk(ui, TO_REVIEW);
    await press(ui, 'Print');
    expect(print).toHaveBeenCalledOnce();
    const host = document.body.lastElementChild!;
    expect(host.tagName.toLowerCase()).toBe(PRINT_TAG);
    const answers = [...host.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(answers).toEqual(expectedAnswers(TO_REVIEW).map(([question]) => question));
    window.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector(PRINT_TAG)).toBeNull();
  });
});

describe('the file holds text, never active content', () => {
  it.each(PAYLOADS)('%j in every text of the summary stays characters', (payload) => {
    const content: SummaryContent = {
      title: payload,
      clinic: payload,
      made: payload,
      answers: [{ question: payload, answer: [payload, payload] }],
      resultTitle: payload,
      result: payload,
      reasonsTitle: payload,
      reasons: [payload],
      help: { title: payload, reasons: [payload], intro: payload, resources: [{ name: payload, detail: payload, href: 'javascript:alert(1)', linkLabel: payload }], emergency: payload },
      rules: [payload],
      notices: [payload],
    };
    const { doc } = read(summaryFile(<Summary content={content} />, payload, 'en'));
    const allowed = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'ARTICLE', 'H1', 'H2', 'H3', 'P', 'DL', 'DT', 'DD', 'STRONG', 'EM', 'UL', 'LI', 'DIV', 'SPAN', 'A', 'HR']);
    for (const element of doc.querySelectorAll('*')) {
      expect(allowed.has(element.tagName), element.tagName).toBe(true);
      for (const attribute of element.attributes) expect(attribute.name).not.toMatch(/^on/i);
      const href = element.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(https:|tel:|sms:|mailto:)/i);
    }
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.title).toBe(payload);
    expect(doc.querySelector('h1')!.textContent).toBe(payload);
  });
});
