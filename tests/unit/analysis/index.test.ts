import { describe, expect, it } from 'vitest';
import * as analysis from '../../../src/analysis/index.ts';

describe('src/analysis/index.ts', () => {
  it('exports the public API the CLI and the playground use', () => {
    expect(Object.keys(analysis).sort()).toEqual([
      'ANSWERED_SCREENS_LIMIT',
      'CHECK_STEPS',
      'DIAGRAM_STEP',
      'PathGraphTooLargeError',
      'QUICK_STEPS',
      'SECONDS_PER_ANSWER',
      'SLOW_STEPS',
      'TYPICAL_SECONDS_LIMIT',
      'TooManyClassesError',
      'WORDS_PER_MINUTE',
      'answerClasses',
      'buildPathGraph',
      'casesFileFor',
      'checkBudget',
      'checkQuick',
      'countPaths',
      'countWords',
      'describer',
      'estimateTime',
      'formatEstimate',
      'formatInvariantResult',
      'formatSteps',
      'invariantFindings',
      'isPlaceholder',
      'lintRuleSet',
      'mermaidLabel',
      'promiseOf',
      'proveInvariant',
      'proveInvariants',
      'ruleSetToMarkdown',
      'ruleSetToMermaid',
      'runSteps',
      'secondsFor',
      'shortestPath',
      'startCheck',
      'summarize',
      'terminals',
      'unusedOptions',
      'withAnalysisBudget',
    ]);
  });
});
