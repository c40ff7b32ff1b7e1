/**
 * The playground's checking worker: the loader, cases, lint and the invariant
 * prover run here, off the page's thread, so typing stays smooth while a
 * proof takes its half second. Everything stays in the browser.
 */
import { checkSources } from './check-sources.ts';
import type { CheckReply, CheckRequest } from './protocol.ts';

// The DOM typings describe a window; this file runs as a dedicated worker.
const scope = self as unknown as {
  postMessage(reply: CheckReply): void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
};

scope.onmessage = ({ data: request }) => {
  const { seq } = request;
  try {
    checkSources(request, (reply) => scope.postMessage({ seq, ...reply }));
  } catch (error) {
    // A bug in a check must not leave the page waiting forever: say what broke.
    scope.postMessage({ seq, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
