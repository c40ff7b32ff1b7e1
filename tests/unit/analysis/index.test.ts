import { describe, expect, it } from 'vitest';
import * as analysis from '../../../src/analysis/index.ts';

describe('src/analysis/index.ts', () => {
  it('exports the public API the CLI and the playground use', () => {
    expect(Object.keys(analysis).sort()).toEqual([
      'ANSWERED_SCREENS_LIMIT',
      'SECONDS_PER_ANSWER',
      'TYPICAL_SECONDS_LIMIT',
      'TooManyClassesError',
      'WORDS_PER_MINUTE',
      'analyzeRuleSet',
      'answerClasses',
      'buildPathGraph',
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
      'secondsFor',
      'shortestPath',
      'terminals',
      'unusedOptions',
    ]);
  });
});
