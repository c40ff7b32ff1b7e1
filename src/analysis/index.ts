/**
 * Rule analysis: prove invariants over every answer path, lint, estimate the
 * completion time, and print the rules for sign-off; and the check pipeline
 * that runs them on a rule file for the CLI and the playground. Pure, no file
 * system.
 */
export { answerClasses, TooManyClassesError, type AnswerClass } from './answer-classes.ts';
export { checkQuick, runSteps, startCheck, type CheckSources, type QuickPart } from './check.ts';
export { summarize, type CheckPart, type CheckSummary, type StepData } from './check-summary.ts';
export {
  casesFileFor,
  CHECK_STEPS,
  DIAGRAM_STEP,
  QUICK_STEPS,
  SLOW_STEPS,
  type CaseRow,
  type CasesData,
  type TimeData,
  type CheckContext,
  type CheckStep,
  type DiagramData,
  type FileNames,
  type InvariantRow,
  type LintData,
  type ReportIssue,
  type StepOutcome,
  type ValidateData,
} from './check-steps.ts';
export { describer, type Describer } from './describe.ts';
export {
  estimateTime,
  secondsFor,
  ANSWERED_SCREENS_LIMIT,
  SECONDS_PER_ANSWER,
  TYPICAL_SECONDS_LIMIT,
  WORDS_PER_MINUTE,
  type PathEstimate,
  type TimeEstimate,
} from './estimate.ts';
export { formatEstimate, formatInvariantResult, formatSteps, promiseOf } from './format.ts';
export { countPaths, shortestPath, terminals, type FoundPath, type PathStep } from './graph-walks.ts';
export { isPlaceholder, lintRuleSet, unusedOptions } from './lint.ts';
export { ruleSetToMarkdown, type MarkdownOptions } from './markdown.ts';
export { markdownToHtml, sheetToHtml, type SheetHtmlOptions } from './sheet-html.ts';
export { mermaidLabel, ruleSetToMermaid } from './mermaid.ts';
export {
  buildPathGraph,
  checkBudget,
  edgeChoice,
  PathGraphTooLargeError,
  withAnalysisBudget,
  type AnalysisBudget,
  type EdgeChoice,
  type GraphEdge,
  type GraphNode,
  type PathGraph,
  type PathGraphOptions,
  type Terminal,
} from './path-graph.ts';
export { invariantFindings, proveInvariant, proveInvariants, type Counterexample, type Explored, type InvariantResult } from './prove.ts';
export { countWords } from './words.ts';
