/**
 * The widget's JSX factory: Preact's `createElement`, except for how props
 * are copied. Preact copies them with `for…in` and `=` into a plain `{}`, so
 * a setter a host page put on Object.prototype received a prop instead of
 * the component, and swallowed it: `body`, with the patient's answers, on
 * every render (issue 11). Here props are copied by object spread, which
 * defines own properties and calls no setter. The copy keeps Object.prototype
 * on purpose: Preact's first diff compares it with an empty `{}` by `in`,
 * and an enumerable key a page added must look the same on both sides.
 */
import { createElement, type ComponentChild, type VNode } from 'preact';
import { own } from '../../src/core/own.ts';

/**
 * Use as the classic JSX factory, like Preact's `h`:
 *
 * @example
 * // In a .tsx file: a jsx pragma comment naming h, then
 * import { h } from './h.ts';
 */
export function h(type: Parameters<typeof createElement>[0], props: Record<string, unknown> | null, ...children: ComponentChild[]): VNode {
  const given = props ?? {};
  // Preact takes `key` (and the `ref` of a DOM element) off the props; hand it only those, as own keys.
  const vnode = createElement(type, { key: own(given, 'key'), ref: own(given, 'ref') } as never);
  const { key: _key, ...copy }: Record<string, unknown> = children.length ? { ...given, children: children.length > 1 ? children : children[0] } : { ...given };
  if (typeof type === 'string') delete copy.ref;
  vnode.props = copy as VNode['props'];
  return vnode;
}

// The JSX types TypeScript looks up on the factory, as on Preact's own `h`.
export declare namespace h {
  export import JSX = createElement.JSX;
}
