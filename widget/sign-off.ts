/**
 * Refusing unsigned rules in production: a clinic that builds the widget
 * with `npm run build -- --require-signed` gets the contact-the-clinic
 * message, never a result, from rules that were not signed for exactly
 * their content with `screener sign` (what ships carries a sign-off only
 * then: widget/build/plugins.ts, `screener compile`). Without the option the
 * check is compiled out.
 */
import type { CompiledRuleSet } from '../src/core/compile.ts';
import { own } from '../src/core/own.ts';

/**
 * Why these rules may not be used, or null when they may.
 *
 * @example
 * unsignedProblem(compiled, true) // 'the rules are not signed (this build requires it: --require-signed)'
 */
export function unsignedProblem(compiled: CompiledRuleSet, required: boolean): string | null {
  const signOff = own(compiled.ruleSet, 'signOff');
  // Own properties only: a page's Object.prototype.contentHash must not pass unsigned rules.
  return required && !(signOff && Object.hasOwn(signOff, 'contentHash'))
    ? 'the rules are not signed for their content (npx screener sign), and this build requires it (--require-signed)'
    : null;
}
