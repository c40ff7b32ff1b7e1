/**
 * `window.EligibilityScreener`: open or mount the widget from code. Like the
 * element, it never throws into the host page: bad input gets one console
 * warning and a `null` return.
 */
import type { CompiledRuleSet } from '../src/core/compile.ts';
import { defineEligibilityScreener, type EligibilityScreenerElement, TAG } from './element.tsx';
import { ATTRIBUTES, type AttributeName, type AttributeOptions, setAttributeValue } from './attributes.ts';
import { own } from '../src/core/own.ts';
import { warn } from './warn.ts';

/** The package version, set at build time. */
export const VERSION: string = typeof __SCREENER_VERSION__ === 'string' ? __SCREENER_VERSION__ : '0.0.0-dev';

/**
 * Options for {@link open} and {@link mount}: one for each attribute, named as
 * its property (`bookingUrl` sets `booking-url`; widget/attributes.ts).
 * `mode` counts for `mount` only; `allowedOrigins` may be an array.
 */
export type ScreenerOptions = AttributeOptions;

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
  for (const [name, [property]] of Object.entries(ATTRIBUTES) as [AttributeName, (typeof ATTRIBUTES)[AttributeName]][]) {
    const value = own(options, property);
    if (value !== undefined) setAttributeValue(element, name, value);
  }
}

/** The API object, frozen so a host script cannot swap its methods by accident. */
export const api: EligibilityScreenerApi = Object.freeze({ version: VERSION, open, mount });

/**
 * Registers the element with the built-in rules and exposes
 * `window.EligibilityScreener`, then replays the `open()` calls the README's
 * queue snippet kept before the script ran. A second copy of the script
 * changes nothing.
 *
 * @example
 * install(compiledDefaultRules);
 */
export function install(defaultRules: CompiledRuleSet | null): void {
  try {
    defineEligibilityScreener(defaultRules);
    // The README's queue snippet may have put a stand-in here, keeping open() calls made before this script ran.
    const early = window.EligibilityScreener as { version?: string; q?: ScreenerOptions[] } | undefined;
    if (!early?.version) {
      window.EligibilityScreener = api;
      for (const options of early?.q ?? []) open(options);
    }
  } catch (error) {
    warn('the widget could not be installed', error);
  }
}

declare global {
  interface Window {
    EligibilityScreener?: EligibilityScreenerApi;
  }
}
