/**
 * Messages between the playground page and its checking worker. Plain data
 * only (structured clone): the worker sends the quick part of the check
 * pipeline first, so problems show while the proofs still run.
 */
import type { CheckPart, FileNames, QuickPart } from '../../src/analysis/index.ts';

/** Page → worker: check these two texts. `seq` names the request. */
export interface CheckRequest {
  seq: number;
  rules: string;
  cases: string;
  names: FileNames;
}

/** What the worker found: the quick part, then (valid rules only) the slow part; or what broke. */
export type CheckResult =
  | { kind: 'validation'; validation: QuickPart }
  | { kind: 'analysis'; analysis: CheckPart }
  | { kind: 'failed'; message: string };

/** Worker → page, for request `seq`. */
export type CheckReply = CheckResult & { seq: number };
