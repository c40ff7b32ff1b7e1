/**
 * Puts a previous answer back into an input as a *property* (`checked`,
 * `value`), once, when the input is created. Preact's `defaultChecked` and
 * `defaultValue` would write the `checked` and `value` attributes instead,
 * and attributes are what session-replay and auto-capture scripts record:
 * going Back would show them which option the patient had chosen.
 */
const filled = new WeakSet<HTMLInputElement>();

/**
 * A ref callback that runs `apply` on a new input, and never again on it (so
 * a re-render keeps what the patient has changed since).
 *
 * @example
 * <input type="checkbox" ref={prefill((input) => (input.checked = true))} />
 */
export const prefill = (apply: (input: HTMLInputElement) => unknown) => (input: HTMLInputElement | null) => {
  if (input && !filled.has(input)) filled.add(input), apply(input);
};
