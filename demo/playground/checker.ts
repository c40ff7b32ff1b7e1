/**
 * The page's side of the checking worker. Only the newest request matters:
 * when the texts change while the worker is still proving an older version,
 * the worker is stopped and a fresh one started, rather than making the
 * clinician wait for results nobody will see.
 */
import type { CheckReply, CheckRequest } from './protocol.ts';

type Listener = (reply: CheckReply) => void;

/**
 * Sends texts to a worker and hands back the replies to the newest request.
 *
 * @example
 * const checker = new Checker(new URL('./worker.js', import.meta.url), (reply) => show(reply));
 * checker.check({ rules, cases, names });
 */
export class Checker {
  readonly #url: URL;
  readonly #listener: Listener;
  #worker: Worker | null = null;
  #seq = 0;
  /** True from a request until its last reply. */
  #busy = false;

  constructor(url: URL, listener: Listener) {
    this.#url = url;
    this.#listener = listener;
  }

  /** Checks the texts; replies to any earlier request are dropped. Returns the request's number. */
  check(request: Omit<CheckRequest, 'seq'>): number {
    if (this.#busy) this.#stop();
    const seq = ++this.#seq;
    this.#busy = true;
    this.#ensure().postMessage({ ...request, seq } satisfies CheckRequest);
    return seq;
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#url, { type: 'module', name: 'rule-checker' });
    worker.onmessage = ({ data }: MessageEvent<CheckReply>) => {
      if (data.seq !== this.#seq) return;
      const last = data.kind !== 'validation' || !data.validation.ruleSet;
      if (last) this.#busy = false;
      this.#listener(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const seq = this.#seq;
      this.#stop();
      this.#listener({ seq, kind: 'failed', message: event.message || 'the checking worker could not start' });
    };
    return (this.#worker = worker);
  }

  #stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#busy = false;
  }
}
