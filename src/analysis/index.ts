/**
 * Rule analysis: prove invariants over every answer path, lint, estimate the
 * completion time, and print the rules for sign-off. Pure, no file system.
 */
export { analyzeRuleSet, invariantFindings, type Analysis } from './analyze.ts';
export { answerClasses, TooManyClassesError, type AnswerClass } from './answer-classes.ts';
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
export { mermaidLabel, ruleSetToMermaid } from './mermaid.ts';
export { buildPathGraph, type GraphEdge, type GraphNode, type PathGraph, type PathGraphOptions, type Terminal } from './path-graph.ts';
export { proveInvariant, proveInvariants, type Counterexample, type Explored, type InvariantResult } from './prove.ts';
export { countWords } from './words.ts';
