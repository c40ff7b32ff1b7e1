/**
 * The invariant proofs, the scenario cases and the time estimate, in words.
 * A broken invariant shows its counterexample as the list of answers a
 * patient would give, and what the rules then decided.
 */
import type { CasesData, CheckPart, InvariantRow } from '../../src/analysis/index.ts';
import { formatEstimate } from '../../src/analysis/format.ts';
import type { FileKey } from './problems.tsx';

export interface ChecksPanelProps {
  /** The slow part of the check (lint, proofs, time), null while it runs. */
  analysis: CheckPart | null;
  /** The cases step's data; undefined when the rules did not load, null before the first check. */
  cases: CasesData | undefined | null;
  /** The names of the two files being edited, for what the panel says about them. */
  names: { rules: string; cases: string };
  /** True when these results belong to an older, valid version of the rules. */
  stale: boolean;
  onGoTo: (file: FileKey, line: number) => void;
}

const TIER_WORDS: Record<string, string> = {
  crisis: 'crisis',
  'not-suitable': 'not suitable',
  review: 'review',
  candidate: 'candidate',
};

/**
 * @example
 * <ChecksPanel analysis={analysis} cases={validation.steps.cases} names={{ rules: 'tms.yaml', cases: 'tms.cases.yaml' }} stale={false} onGoTo={goTo} />
 */
export function ChecksPanel({ analysis, cases, names, stale, onGoTo }: ChecksPanelProps) {
  const estimate = analysis?.steps.time ? formatEstimate(analysis.steps.time) : [];
  return (
    <div class={stale ? 'pg-checks pg-is-stale' : 'pg-checks'}>
      {stale && (
        <p class="pg-alert">
          The rules have errors: these results are for the last valid version. Fix the problems to check the current text.
        </p>
      )}
      <Invariants analysis={analysis} onGoTo={onGoTo} />
      <Cases report={cases} names={names} onGoTo={onGoTo} />
      <section aria-labelledby="pg-time-title">
        <h3 id="pg-time-title">Time to complete</h3>
        {estimate.length > 0 ? (
          <ul class="pg-plain">
            {estimate.map((line) => (
              <li key={line}>{line.trim()}</li>
            ))}
          </ul>
        ) : (
          <p>Not worked out yet.</p>
        )}
      </section>
    </div>
  );
}

function Invariants({ analysis, onGoTo }: { analysis: CheckPart | null; onGoTo: ChecksPanelProps['onGoTo'] }) {
  if (!analysis) {
    return (
      <section aria-labelledby="pg-invariants-title">
        <h3 id="pg-invariants-title">Invariants</h3>
        <p>Proving…</p>
      </section>
    );
  }
  const rows = analysis.steps.invariants ?? [];
  const proven = rows.filter((row) => row.status === 'proven').length;
  const broken = rows.filter((row) => row.status === 'broken');
  const vacuous = rows.filter((row) => row.status === 'vacuous');
  return (
    <section aria-labelledby="pg-invariants-title">
      <h3 id="pg-invariants-title">
        Invariants: {proven} of {rows.length} proven
      </h3>
      {rows.length === 0 && <p>This rule file declares no invariants, so nothing is proven about it.</p>}
      {broken.map((row) => (
        <BrokenInvariant key={row.id} row={row} onGoTo={onGoTo} />
      ))}
      {vacuous.map((row) => (
        <article key={row.id} class="pg-verdict pg-verdict-broken" aria-labelledby={`pg-inv-${row.id}`}>
          <h4 id={`pg-inv-${row.id}`}>
            <span class="pg-mark" aria-hidden="true">
              ✗
            </span>{' '}
            Never applies: {row.description}
          </h4>
          <p>
            No way of answering makes its condition true, so it proves nothing ({row.id}). Check its question and option ids, and the
            showIf of the questions it reads.
          </p>
          <button type="button" class="pg-link-button" onClick={() => onGoTo('rules', row.line)}>
            Go to the invariant (line {row.line})
          </button>
        </article>
      ))}
      {proven > 0 && (
        <ul class="pg-verdicts">
          {rows
            .filter((row) => row.status === 'proven')
            .map((row) => (
              <li key={row.id} class="pg-verdict pg-verdict-proven">
                <span class="pg-mark" aria-hidden="true">
                  ✓
                </span>
                <span>
                  <strong>Proven</strong>: {row.description}{' '}
                  <span class="pg-quiet">
                    ({row.id}, over {row.paths.toLocaleString('en')} answer paths)
                  </span>
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function BrokenInvariant({ row, onGoTo }: { row: InvariantRow; onGoTo: ChecksPanelProps['onGoTo'] }) {
  const outcome = row.counterexample;
  return (
    <article class="pg-verdict pg-verdict-broken" aria-labelledby={`pg-inv-${row.id}`}>
      <h4 id={`pg-inv-${row.id}`}>
        <span class="pg-mark" aria-hidden="true">
          ✗
        </span>{' '}
        Counterexample: {row.description}
      </h4>
      <p>These answers break it ({row.id}):</p>
      <ol class="pg-steps">
        {row.steps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      {outcome && (
        <p>
          The rules then say <strong>{TIER_WORDS[outcome.tier]}</strong>
          {outcome.interrupted ? ' (a crisis answer stopped the questions)' : ''}
          {outcome.fired.length ? `, because these rules fired: ${outcome.fired.join(', ')}` : ', because no rule fired'}. It should{' '}
          {row.atLeast ? (
            <>
              be at least <strong>{TIER_WORDS[row.atLeast]}</strong>
            </>
          ) : (
            <>
              show <strong>the crisis lines on every later result</strong>
            </>
          )}
          .
        </p>
      )}
      <button type="button" class="pg-link-button" onClick={() => onGoTo('rules', row.line)}>
        Go to the invariant (line {row.line})
      </button>
    </article>
  );
}

function Cases({ report, names, onGoTo }: { report: CasesData | undefined | null; names: ChecksPanelProps['names']; onGoTo: ChecksPanelProps['onGoTo'] }) {
  const ran = report?.present && report.loaded ? report : null;
  const title = <h3 id="pg-cases-title">{ran ? `Cases: ${ran.passed} of ${ran.total} pass` : 'Cases'}</h3>;
  if (report === null)
    return (
      <section aria-labelledby="pg-cases-title">
        {title}
        <p>Running…</p>
      </section>
    );
  if (report === undefined)
    return (
      <section aria-labelledby="pg-cases-title">
        {title}
        <p>Not run: the rules have errors.</p>
      </section>
    );
  // The playground always has a cases editor: no cases file means it is empty.
  if (!report.present)
    return (
      <section aria-labelledby="pg-cases-title">
        {title}
        <p>
          Not run: no cases for {names.rules}. Open {names.cases} in the Cases tab (or choose both files together), or write cases there.
        </p>
      </section>
    );
  if (!ran) {
    return (
      <section aria-labelledby="pg-cases-title">
        {title}
        <p>Not run: the cases file has problems (see Problems).</p>
      </section>
    );
  }
  const failed = ran.results.filter((row) => !row.passed);
  const passed = ran.results.filter((row) => row.passed);
  return (
    <section aria-labelledby="pg-cases-title">
      {title}
      {ran.notRun > 0 && (
        <p>
          {ran.notRun === 1 ? '1 case was' : `${ran.notRun} cases were`} not run: {ran.notRun === 1 ? 'it has' : 'they have'} problems
          of {ran.notRun === 1 ? 'its' : 'their'} own (see Problems).
        </p>
      )}
      {failed.map((row) => (
        <article key={row.name} class="pg-verdict pg-verdict-broken" aria-label={`Failed case: ${row.name}`}>
          <h4>
            <span class="pg-mark" aria-hidden="true">
              ✗
            </span>{' '}
            {row.name}
          </h4>
          <dl class="pg-diff">
            <dt>Outcome</dt>
            <dd>
              expected {TIER_WORDS[row.expected.tier]}, got <strong>{TIER_WORDS[row.actual.tier]}</strong>
            </dd>
            {row.missing.length > 0 && (
              <>
                <dt>Should fire but did not</dt>
                <dd>{row.missing.join(', ')}</dd>
              </>
            )}
            {row.unexpected.length > 0 && (
              <>
                <dt>Fired but not expected</dt>
                <dd>{row.unexpected.join(', ')}</dd>
              </>
            )}
          </dl>
          <button type="button" class="pg-link-button" onClick={() => onGoTo('cases', row.line)}>
            Go to the case (line {row.line})
          </button>
        </article>
      ))}
      {passed.length > 0 && (
        <details class="pg-passed">
          <summary>
            {passed.length} passing case{passed.length === 1 ? '' : 's'}
          </summary>
          <ul class="pg-verdicts">
            {passed.map((row) => (
              <li key={row.name} class="pg-verdict pg-verdict-proven">
                <span class="pg-mark" aria-hidden="true">
                  ✓
                </span>
                <span>
                  {row.name} <span class="pg-quiet">→ {TIER_WORDS[row.actual.tier]}</span>
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
