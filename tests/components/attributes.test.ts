/**
 * The element's attributes are defined once (widget/attributes.ts): the
 * observed attributes, a property for every attribute, the JS API's options
 * and the README's Attributes table all come from, or are held to, that table.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { install, mount } from '../../widget/api.ts';
import { ATTRIBUTES, type AttributeName } from '../../widget/attributes.ts';
import { EligibilityScreenerElement, TAG } from '../../widget/element.tsx';
import { fixtureCompiled, settle } from './support.ts';

install(await fixtureCompiled());
afterEach(() => document.body.replaceChildren());

const names = Object.keys(ATTRIBUTES) as AttributeName[];
/** A value of each kind a clinic might set, and what the attribute then holds. */
const samples: Record<AttributeName, [property: unknown, attribute: string | null]> = {
  'booking-url': ['https://clinic.example/book', 'https://clinic.example/book'],
  rules: ['/rules/ketamine.json', '/rules/ketamine.json'],
  'allowed-origins': [['https://a.example', 'https://b.example'], 'https://a.example https://b.example'],
  'rules-integrity': ['sha256-abc', 'sha256-abc'],
  mode: ['popup', 'popup'],
  lang: ['es', 'es'],
  languages: [['en', 'es'], 'en es'],
  'share-outcome': [true, ''],
  resume: [true, ''],
  'resume-minutes': [45, '45'],
  'forward-utm': [true, ''],
  'clinic-name': ['Harbor Mind Clinic', 'Harbor Mind Clinic'],
  summary: ['off', 'off'],
};

describe('one table of attributes', () => {
  it('gives the observed attributes', () => {
    expect(EligibilityScreenerElement.observedAttributes).toEqual(names);
  });

  it.each(names)('%s has a property that reads and writes it', (name) => {
    const [property] = ATTRIBUTES[name];
    const [value, attribute] = samples[name];
    const element = document.createElement(TAG) as unknown as Record<string, unknown> & Element;
    element[property] = value;
    expect(element.getAttribute(name)).toBe(attribute);
    expect(element[property]).toEqual(Array.isArray(value) ? value.join(' ') : value);
  });

  it('reads absent attributes as their defaults', () => {
    const element = document.createElement(TAG) as EligibilityScreenerElement;
    expect([element.bookingUrl, element.mode, element.shareOutcome, element.resume, element.resumeMinutes, element.forwardUtm]).toEqual([
      '',
      'inline',
      false,
      false,
      30,
      false,
    ]);
    element.resumeMinutes = 0;
    expect(element.resumeMinutes).toBe(30);
  });

  it('removes a flag set to false', () => {
    const element = document.createElement(TAG) as EligibilityScreenerElement;
    element.forwardUtm = true;
    element.forwardUtm = false;
    expect(element.hasAttribute('forward-utm')).toBe(false);
  });

  it('gives the JS API an option for every attribute', async () => {
    document.body.innerHTML = '<div id="slot"></div>';
    const options = Object.fromEntries(names.map((name) => [ATTRIBUTES[name][0], samples[name][0]]));
    const element = mount('#slot', options);
    await settle();
    for (const name of names) expect(element?.getAttribute(name), name).toBe(samples[name][1]);
  });

  it("is the README's Attributes table, row for row", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Attributes'), readme.indexOf('### From code'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| `([A-Za-z]+)` \|/gm)].map((match) => [match[1], match[2]]);
    expect(rows).toEqual(names.map((name) => [name, ATTRIBUTES[name][0]]));
  });
});
