import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/engine.ts';

describe('evaluateCondition()', () => {
  it('treats a test on an unanswered question as false, and `not` of it as true', () => {
    expect(evaluateCondition({ question: 'age', lessThan: 18 }, {})).toBe(false);
    expect(evaluateCondition({ not: { question: 'age', lessThan: 18 } }, {})).toBe(true);
    expect(evaluateCondition({ question: 'age', lessThan: 18 }, { age: 17 })).toBe(true);
  });
});
