/**
 * Messages between the playground page and its checking worker. Plain data
 * only (structured clone): the worker sends the quick half first, so problems
 * show while the proofs still run.
 */
import type { Analysis, FileNames, Validation } from './check-sources.ts';

/** Page → worker: check these two texts. `seq` names the request. */
export interface CheckRequest {
  seq: number;
  rules: string;
  cases: string;
  names: FileNames;
}

/** Worker → page, for request `seq`: validation, then (valid rules only) analysis. */
export type CheckReply =
  | { seq: number; kind: 'validation'; validation: Validation }
  | { seq: number; kind: 'analysis'; analysis: Analysis }
  | { seq: number; kind: 'failed'; message: string };
