/**
 * The attributes of `<eligibility-screener>`, defined once. This table gives
 * the element's observed attributes, its properties (every attribute has one:
 * `booking-url` ↔ `el.bookingUrl`) and the options of the JS API
 * (`EligibilityScreener.mount(target, { bookingUrl })`); a test holds the
 * README's Attributes table to it.
 *
 * A kind says how the attribute reads as a property: `text` as it is (empty
 * when absent), `list` the same but set from a string or an array, `flag`
 * present or not, `mode` `inline` unless `popup`, and a number is the
 * default of a number attribute (absent, zero or not a number reads as it).
 */
import { has } from '../src/core/own.ts';

/**
 * Attribute name → [property and option name, kind].
 *
 * @example
 * ATTRIBUTES['booking-url'] // ['bookingUrl', 'text']
 */
export const ATTRIBUTES = {
  'booking-url': ['bookingUrl', 'text'],
  rules: ['rules', 'text'],
  'allowed-origins': ['allowedOrigins', 'list'],
  'rules-integrity': ['rulesIntegrity', 'list'],
  mode: ['mode', 'mode'],
  lang: ['lang', 'text'],
  languages: ['languages', 'list'],
  'share-outcome': ['shareOutcome', 'flag'],
  resume: ['resume', 'flag'],
  'resume-minutes': ['resumeMinutes', 30],
  'forward-utm': ['forwardUtm', 'flag'],
  'clinic-name': ['clinicName', 'text'],
  summary: ['summary', 'text'],
} as const;

type Attributes = typeof ATTRIBUTES;
export type AttributeName = keyof Attributes;
interface KindValue {
  text: string;
  list: string;
  flag: boolean;
  mode: 'inline' | 'popup';
}
type ValueOf<Kind> = Kind extends keyof KindValue ? KindValue[Kind] : number;

/** The element's properties, one per attribute. */
export type AttributeProperties = {
  -readonly [Name in AttributeName as Attributes[Name][0]]: ValueOf<Attributes[Name][1]>;
};

/** The JS API's options: every property, a list (`allowedOrigins`, `languages`) also as an array. */
export type AttributeOptions = {
  [Property in keyof AttributeProperties]?: Property extends 'allowedOrigins' | 'languages' ? string | string[] : AttributeProperties[Property];
};

/**
 * An attribute's value as its property reads it.
 *
 * @example
 * attributeValue(el, 'resume-minutes') // 30 when absent
 */
export function attributeValue<Name extends AttributeName>(element: Element, name: Name): ValueOf<Attributes[Name][1]> {
  const kind: string | number = ATTRIBUTES[name][1];
  const value = element.getAttribute(name);
  return (
    kind === 'flag'
      ? value !== null
      : kind === 'mode'
        ? value === 'popup'
          ? value
          : 'inline'
        : typeof kind === 'number'
          ? +value! || kind
          : (value ?? '')
  ) as never;
}

/**
 * Sets an attribute from its property's value (a flag is added or removed).
 *
 * @example
 * setAttributeValue(el, 'allowed-origins', ['https://a.example', 'https://b.example'])
 */
export function setAttributeValue(element: Element, name: AttributeName, value: unknown): void {
  if (ATTRIBUTES[name][1] === 'flag') element.toggleAttribute(name, !!value);
  else element.setAttribute(name, [value].flat().join(' '));
}

/**
 * Defines a property for every attribute on the element's prototype (`lang`
 * is HTMLElement's own, with the same meaning).
 *
 * @example
 * defineAttributeProperties(EligibilityScreenerElement.prototype);
 */
export function defineAttributeProperties(prototype: HTMLElement): void {
  for (const [name, [property]] of Object.entries(ATTRIBUTES) as [AttributeName, Attributes[AttributeName]][]) {
    if (has(HTMLElement.prototype, property)) continue;
    Object.defineProperty(prototype, property, {
      configurable: true,
      get(this: Element) {
        return attributeValue(this, name);
      },
      set(this: Element, value: unknown) {
        setAttributeValue(this, name, value);
      },
    });
  }
}
