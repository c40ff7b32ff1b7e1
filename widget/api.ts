/**
 * `window.EligibilityScreener`: open or mount the widget from code. Like the
 * element, it never throws into the host page: bad input gets one console
 * warning and a `null` return.
 */
import type { CompiledRuleSet } from '../src/core/compile.ts';
import { defineEligibilityScreener, type EligibilityScreenerElement, TAG } from './element.tsx';
import { warn } from './warn.ts';

/** The package version, set at build time. */
export const VERSION: string = typeof __SCREENER_VERSION__ === 'string' ? __SCREENER_VERSION__ : '0.0.0-dev';

/** Options for {@link open} and {@link mount}; each sets the attribute of the same name. */
export interface ScreenerOptions {
  /** `booking-url`: the clinic's booking page, `https:` or relative. */
  bookingUrl?: string;
  /** `rules`: URL of a compiled rule-set JSON; the built-in rules when absent. */
  rules?: string;
  /** `allowed-origins`: origins a `rules` URL may come from besides the page's own. */
  allowedOrigins?: string | string[];
  /** `lang`: e.g. "en"; the rule set's own language when it has no text in this one. */
  lang?: string;
  /** `mode` (mount only): `inline` (default) or `popup`. */
  mode?: 'inline' | 'popup';
  /** `share-outcome`: include the outcome tier in `screener-complete`. */
  shareOutcome?: boolean;
}

/** The object at `window.EligibilityScreener`. */
export interface EligibilityScreenerApi {
  /** The widget's version, e.g. "0.1.0". */
  readonly version: string;
  /** Opens the assessment in a modal dialog now (call it from a click handler). */
  open(options?: ScreenerOptions): EligibilityScreenerElement | null;
  /** Puts a widget into `target` (an element or a CSS selector) and returns it. */
  mount(target: Element | string, options?: ScreenerOptions): EligibilityScreenerElement | null;
}

let opened: EligibilityScreenerElement | undefined;

/**
 * Opens the assessment in a modal dialog, reusing the one opened before so
 * answers survive closing and reopening.
 *
 * @example
 * button.addEventListener('click', () => EligibilityScreener.open({ bookingUrl: 'https://clinic.example/book' }));
 */
export function open(options: ScreenerOptions = {}): EligibilityScreenerElement | null {
  if (!opened?.isConnected) {
    opened = create(document.body, { ...options, mode: 'popup' }, true) ?? undefined;
  } else set(opened, { ...options, mode: 'popup' });
  opened?.open();
  return opened ?? null;
}

/**
 * Creates a widget inside `target` and returns it.
 *
 * @example
 * EligibilityScreener.mount('#screener', { bookingUrl: '/book' });
 */
export function mount(target: Element | string, options: ScreenerOptions = {}): EligibilityScreenerElement | null {
  return create(typeof target === 'string' ? document.querySelector(target) : target, options, false);
}

function create(parent: Element | null, options: ScreenerOptions, headless: boolean): EligibilityScreenerElement | null {
  try {
    const element = document.createElement(TAG);
    // An element opened from code has no launcher button of its own.
    if (headless) element.classList.add('es-headless');
    set(element, options);
    parent!.append(element);
    return element;
  } catch (error) {
    warn(`no place to put the widget (${parent ? 'it could not be added' : 'target not found'})`, error);
    return null;
  }
}

function set(element: Element, options: ScreenerOptions): void {
  const { bookingUrl, rules, lang, mode, allowedOrigins, shareOutcome } = options;
  const attributes = { 'booking-url': bookingUrl, rules, lang, mode, 'allowed-origins': [allowedOrigins].flat().join(' ') || undefined };
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  if (shareOutcome !== undefined) element.toggleAttribute('share-outcome', shareOutcome);
}

/** The API object, frozen so a host script cannot swap its methods by accident. */
export const api: EligibilityScreenerApi = Object.freeze({ version: VERSION, open, mount });

/**
 * Registers the element with the built-in rules and exposes
 * `window.EligibilityScreener`. A second copy of the script changes nothing.
 *
 * @example
 * install(compiledDefaultRules);
 */
export function install(defaultRules: CompiledRuleSet | null): void {
  try {
    defineEligibilityScreener(defaultRules);
    window.EligibilityScreener ??= api;
  } catch (error) {
    warn('the widget could not be installed', error);
  }
}

declare global {
  interface Window {
    EligibilityScreener?: EligibilityScreenerApi;
  }
}
