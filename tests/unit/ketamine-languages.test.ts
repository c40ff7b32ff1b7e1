/**
 * rules/ketamine.yaml in English and Spanish: every text a patient reads has
 * both, the Spanish crisis help names the Spanish 988 services, the links in
 * a text survive its translation, and a bundle built for one language carries
 * that language only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadRuleSet } from '../../src/authoring/loader.ts';
import { mapLocalized } from '../../src/authoring/schema-walk.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import { parseText, type Text } from '../../src/core/text.ts';
import { patientFacing, withoutClinicianFields } from '../../widget/build/ship.ts';
import { RULES_DIR } from '../support/load-rules.ts';

const loaded = loadRuleSet(readFileSync(`${RULES_DIR}ketamine.yaml`, 'utf8'), 'rules/ketamine.yaml');
if (!loaded.ok) throw new Error(`rules/ketamine.yaml does not load:\n${loaded.issues.map(formatIssue).join('\n')}`);
const compiled = await compileRuleSet(loaded.ruleSet);

/** Every text and link a patient can be shown (clinician notes, citations and sign-off left out), by where it is. */
function shownFields(): { where: string; value: Text; kind: 'text' | 'link' }[] {
  const found: { where: string; value: Text; kind: 'text' | 'link' }[] = [];
  mapLocalized(withoutClinicianFields(compiled).ruleSet, (value, path, kind) => {
    found.push({ where: path.join('.'), value, kind });
    return value;
  });
  return found;
}

/** Every string in a value, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

const links = (text: string) => parseText(text).flatMap((part) => (part.kind === 'link' ? [part.href] : []));

describe('rules/ketamine.yaml in two languages', () => {
  const texts = shownFields().filter((field) => field.kind === 'text');
  const pairs = texts.flatMap(({ where, value }) => (typeof value === 'string' ? [] : [{ where, en: value.en ?? '', es: value.es ?? '' }]));

  it('has every text a patient reads in English and in Spanish', () => {
    expect(texts.length).toBeGreaterThan(100);
    const missing = texts.filter(({ value }) => typeof value === 'string' || !value.en?.trim() || !value.es?.trim());
    expect(missing.map(({ where }) => where)).toEqual([]);
  });

  it('keeps every link of a text in its translation (988, 911)', () => {
    const lost = pairs.filter(({ en, es }) => JSON.stringify(links(en)) !== JSON.stringify(links(es)));
    expect(lost.map(({ where }) => where)).toEqual([]);
  });

  it('speaks to the patient as "usted" throughout, never "tú"', () => {
    const informal = /(?<![\p{L}])(tú|tu|tus|te|ti|contigo|tienes|estás|puedes|eres|quieres|has|sientes)(?![\p{L}])/iu;
    expect(pairs.filter(({ es }) => informal.test(es)).map(({ where, es }) => `${where}: ${es}`)).toEqual([]);
  });

  it('keeps "top number … or bottom number …" in the Spanish blood-pressure bands', () => {
    const bands = pairs.filter(
      ({ where, en }) => /^questions\.\d+\.options\.\d+\.label$/.test(where) && /^Top \d+.*, or bottom \d+/.test(en),
    );
    expect(bands.map(({ en }) => en)).toHaveLength(3);
    for (const { es } of bands) expect(es).toMatch(/^Número de arriba \d+.*, o número de abajo \d+/);
  });

  describe('Spanish crisis help', () => {
    const help = patientFacing(compiled, 'es').ruleSet.crisisResources;
    const resources = help.resources.map((r) => ({ ...r, all: strings([r.name, r.detail, r.linkLabel]).join(' ') }));

    it('names 988 by phone (press 2), AYUDA by text, the Spanish chat and 911, each as a working link', () => {
      const listed = (href: string, words: RegExp) => resources.some((r) => r.href === href && words.test(r.all));
      expect({
        'call 988, press 2': listed('tel:988', /marque (el )?2/i),
        'text AYUDA to 988': listed('sms:988?&body=AYUDA', /AYUDA/),
        'chat in Spanish': listed('https://988lineadevida.org', /988lineadevida\.org/),
        'call 911': listed('tel:911', /911/),
      }).toEqual({ 'call 988, press 2': true, 'text AYUDA to 988': true, 'chat in Spanish': true, 'call 911': true });
    });

    it('offers no line whose Spanish service nobody has checked (the Crisis Text Line)', () => {
      expect(JSON.stringify(help)).not.toContain('741741');
      expect(JSON.stringify(patientFacing(compiled, 'en').ruleSet.crisisResources)).toContain('741741');
    });

    it('says in Spanish that the clinic is not an emergency service', () => {
      expect(help.emergency).toMatch(/no es un servicio de emergencia/i);
      expect(help.emergency).toContain('911');
    });
  });

  describe('patientFacing(compiled, lang)', () => {
    const differing = pairs.filter(({ en, es }) => en !== es);

    it.each([
      ['en', 'es'],
      ['es', 'en'],
    ] as const)('for "%s" ships that language only: every text resolved, none in "%s"', (lang, other) => {
      const shipped = patientFacing(compiled, lang);
      expect(shipped.ruleSet.locale).toBe(lang);
      const maps: string[] = [];
      mapLocalized(shipped.ruleSet, (value, path) => {
        if (typeof value !== 'string') maps.push(path.join('.'));
        return value;
      });
      expect(maps).toEqual([]);
      const all = new Set(strings(shipped.ruleSet));
      expect(differing.filter((pair) => all.has(pair[other])).map(({ where }) => where)).toEqual([]);
      expect(differing.filter((pair) => !all.has(pair[lang])).map(({ where }) => where)).toEqual([]);
    });

    it('keeps the hash of the reviewed file, and leaves clinician notes, citations and sign-off out', () => {
      const shipped = patientFacing(compiled, 'es');
      expect(shipped.hash).toBe(compiled.hash);
      const text = JSON.stringify(shipped);
      expect(text).not.toContain('clinicianNote');
      expect(text).not.toContain('signOff');
      expect(text).not.toContain('"source"');
    });
  });
});
