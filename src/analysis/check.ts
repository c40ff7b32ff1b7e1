/**
 * The check pipeline over a rule file and its cases file: the one definition
 * of what `screener check` reports and what the playground shows. Pure (no
 * DOM, no Node): file reading is passed in, and every result is plain,
 * JSON-serialisable data, so a Web Worker can post it and the CLI can print it.
 *
 * Run in two parts so problems can show while the proofs still run:
 * {@link QUICK_STEPS} then {@link SLOW_STEPS} on the same context; `screener
 * check` runs both in one go ({@link CHECK_STEPS}).
 */
import { parseYaml, placeFinding } from '../authoring/loader.ts';
import { messages as M } from '../authoring/messages.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { TooManyClassesError } from './answer-classes.ts';
import { checkBudget, PathGraphTooLargeError, withAnalysisBudget, type AnalysisBudget } from './path-graph.ts';
import { QUICK_STEPS, type CheckContext, type CheckStep, type FileNames, type StepOutcome } from './check-steps.ts';
import type { CheckPart } from './check-summary.ts';

/** What a check reads: the two files' names, the rule file's text and a reader for the cases file. */
export interface CheckSources {
  names: FileNames;
  rules: string;
  /** The cases file's text, or undefined when there is none; may throw when it cannot be read. */
  readCases: () => string | undefined;
}

/** The quick part also hands back the validated rule set (null when the file did not load). */
export interface QuickPart extends CheckPart {
  names: FileNames;
  ruleSet: RuleSet | null;
}

/**
 * A fresh context for one check of these sources; pass it to each part.
 *
 * @example
 * const context = startCheck({ names: { rules: 'ketamine.yaml', cases: 'ketamine.cases.yaml' }, rules, readCases: () => cases });
 */
export function startCheck(sources: CheckSources): CheckContext {
  // One parse of the rule file: the validate step loads from it, and every finding is placed in it.
  const parsed = parseYaml(sources.rules, sources.names.rules);
  return {
    names: sources.names,
    source: sources.rules,
    readCases: sources.readCases,
    parsed,
    place: (finding) => placeFinding(parsed, finding),
    // Every analysis of this check shares one budget of the path-graph limits.
    shared: new Map<string, unknown>([['budget', checkBudget()]]),
  };
}

/**
 * Runs steps in order, until one stops the check. A step that throws becomes
 * an error in the rule file rather than a crash: one broken analysis must not
 * hide the others, nor look like a pass.
 *
 * @example
 * const quick = runSteps(context, QUICK_STEPS);
 * const slow = runSteps(context, SLOW_STEPS); // nothing when the rules did not load
 */
export function runSteps(context: CheckContext, steps: readonly CheckStep[]): CheckPart {
  const part: CheckPart = { issues: [], notes: [], summary: [], steps: {} };
  for (const step of steps) {
    if (context.stopped) break;
    const outcome = runStep(context, step);
    part.issues.push(...outcome.issues);
    part.notes.push(...(outcome.notes ?? []));
    part.summary.push(...(outcome.summary ?? []));
    if (outcome.data !== undefined) part.steps[step.name] = outcome.data;
    if (outcome.stop) context.stopped = true;
  }
  return part;
}

function runStep(context: CheckContext, step: CheckStep): StepOutcome {
  try {
    const budget = context.shared.get('budget') as AnalysisBudget | undefined;
    return budget ? withAnalysisBudget(budget, () => step.run(context)) : step.run(context);
  } catch (error) {
    // Over a limit of the analysis: one error naming it, and the analyses after it would only hit it again.
    if (error instanceof PathGraphTooLargeError) return { issues: [context.place(error.toFinding())], stop: true };
    // A rule set too wide to analyse is a problem in the file, on its question; every later analysis would hit it too.
    if (error instanceof TooManyClassesError && context.ruleSet) {
      return { issues: [context.place(error.toFinding(context.ruleSet))], stop: true };
    }
    const file = context.names.rules;
    const message = M.cliStepCrashed(step.name, String((error as Error)?.message ?? error));
    return { issues: [{ code: 'internal-error', severity: 'error', file, line: 1, column: 1, path: [], message }] };
  }
}

/**
 * The quick part: load the rules, load and run the cases.
 *
 * @example
 * const quick = checkQuick(context);
 * if (quick.ruleSet) show(runSteps(context, SLOW_STEPS));
 */
export function checkQuick(context: CheckContext): QuickPart {
  const part = runSteps(context, QUICK_STEPS);
  return { ...part, names: context.names, ruleSet: context.ruleSet ?? null };
}
