import { render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/engine.ts';
import { CrisisHelp } from '../../widget/components/crisis.tsx';
import { answer, press, TO_CRISIS_INTERRUPT, walk } from './flow.ts';
import { contentOf, fixtureRuleSet, mountWidget, viewFor } from './support.ts';

afterEach(() => document.body.replaceChildren());

describe('CrisisScreen', () => {
  it('appears at once after an interrupting answer, with every resource as a link and the not-an-emergency line', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_CRISIS_INTERRUPT);
    const screen = root.querySelector('[data-outcome]')!;
    expect(screen.getAttribute('data-outcome')).toBe('crisis');
    const heading = ui.getByRole('heading', { level: 2, name: 'Please reach out for help now' });
    expect(screen.contains(heading)).toBe(true);
    expect(root.activeElement).toBe(heading);
    expect(ui.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(ui.getByRole('link', { name: 'Text 741741' }).getAttribute('href')).toBe('sms:741741');
    expect(ui.getByText('This clinic is not an emergency service. If you are in danger now, call 911.')).toBeTruthy();
    expect(ui.getByText('You told us you are having thoughts of ending your life.')).toBeTruthy();
    // Crisis help comes first: no booking link on this screen.
    expect(ui.queryByRole('link', { name: /book|team/i })).toBeNull();
  });

  it('lets the patient continue the assessment, and the final result keeps crisis help on top', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_CRISIS_INTERRUPT);
    await press(ui, 'Continue the assessment');
    expect(ui.getByRole('group', { name: 'Are you pregnant?' })).toBeTruthy();
    await answer(ui, 'pregnancy', 'no');
    await answer(ui, 'bp', 'normal');
    const result = root.querySelector('[data-outcome]')!;
    expect(result.getAttribute('data-outcome')).toBe('crisis');
    const headings = ui.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings.slice(0, 2)).toEqual(['H2 Please reach out for help now', 'H3 Please get help first']);
    expect(ui.getByRole('link', { name: 'Call 988' })).toBeTruthy();
    expect(ui.queryByRole('button', { name: 'Continue the assessment' })).toBeNull();
    expect(ui.getByRole('button', { name: 'Start again' })).toBeTruthy();
  });

  it('uses the medical heading when only a blood-pressure crisis fired', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, [['age', 40], ['goals', ['depression']], ['wish-dead', 'no'], ['pregnancy', 'no'], ['bp', 'crisis']]);
    expect(root.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('crisis');
    expect(ui.getByRole('heading', { level: 2 }).textContent).toBe('Please get medical care now');
    expect(ui.getByText('A reading this high needs medical care now.')).toBeTruthy();
  });

  it('goes Back to the question that raised it', async () => {
    const { ui } = await mountWidget();
    await walk(ui, TO_CRISIS_INTERRUPT);
    await press(ui, 'Back');
    expect(ui.getByRole('group', { name: 'Are you having thoughts of ending your life right now?' })).toBeTruthy();
  });

  it('shows crisis help again when the patient goes Back and gives the same answer', async () => {
    const { ui, root } = await mountWidget();
    await walk(ui, TO_CRISIS_INTERRUPT);
    await press(ui, 'Back');
    await answer(ui, 'thoughts-now', 'yes');
    expect(root.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('crisis');
    expect(ui.getByRole('link', { name: 'Call 988' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Continue the assessment' })).toBeTruthy();
  });

  it("links each resource in the patient's language when its link differs by language", () => {
    const ruleSet = fixtureRuleSet();
    const [lifeline] = ruleSet.crisisResources.resources;
    Object.assign(lifeline!, {
      href: { en: 'https://988lifeline.org/chat', es: 'https://988lineadevida.org' },
      linkLabel: { en: 'Chat with 988', es: 'Chatear con el 988' },
    });
    const outcome = { ...evaluate(ruleSet, Object.fromEntries(TO_CRISIS_INTERRUPT)), crisisLines: true };
    const languages: [string, string, string][] = [
      ['es-MX', 'Chatear con el 988', 'https://988lineadevida.org'],
      ['en', 'Chat with 988', 'https://988lifeline.org/chat'],
    ];
    for (const [locale, name, href] of languages) {
      const { view } = viewFor(ruleSet, { locale });
      const { container, unmount } = render(<CrisisHelp box={contentOf(view, { kind: 'crisis', outcome }).help} main={false} />);
      expect(within(container as HTMLElement).getByRole('link', { name }).getAttribute('href'), locale).toBe(href);
      unmount();
    }
  });
});
