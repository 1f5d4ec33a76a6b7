import { Worker } from 'node:worker_threads';
import { cancelled } from './cancelled';

/** How long a regular expression may run over one log before it is stopped. */
const REGEX_TIME_LIMIT_MS = 2000;

/** Runs in a worker thread, so that a pathological pattern can be terminated without blocking the server. */
const REGEX_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const pattern = new RegExp(workerData.source, workerData.flags);
const hits = [];
workerData.lines.forEach((line, index) => { if (pattern.test(line)) hits.push(index); });
parentPort.postMessage(hits);
`;

async function regexMatches(
  lines: readonly string[],
  source: string,
  flags: string,
  signal: AbortSignal,
): Promise<number[] | undefined> {
  if (signal.aborted) return Promise.reject(cancelled('Searching a pipeline step log', signal.reason));
  return new Promise((resolve, reject) => {
    const worker = new Worker(REGEX_WORKER, { eval: true, workerData: { lines, source, flags } });
    const settle = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      settle();
      resolve(undefined);
    }, REGEX_TIME_LIMIT_MS);
    const abort = (): void => {
      settle();
      reject(cancelled('Searching a pipeline step log', signal.reason));
    };
    signal.addEventListener('abort', abort, { once: true });
    worker.once('message', (hits: number[]) => {
      settle();
      resolve(hits);
    });
    worker.once('error', (error: Error) => {
      settle();
      reject(error);
    });
  });
}

/**
 * The `grep` of get_pipeline_step_log: plain text (searched here) or a regular expression (searched in a
 * worker thread under a time limit, since JavaScript cannot interrupt a backtracking regexp and the
 * pattern comes from the client).
 */
export const logSearch = {
  timeLimitSeconds: REGEX_TIME_LIMIT_MS / 1000,

  /** Whether `grep` is searchable: any text, or a valid regular expression when `regex`. */
  usable(grep: string, regex: boolean): boolean {
    if (!regex) return true;
    try {
      new RegExp(grep);
      return true;
    } catch {
      return false;
    }
  },

  /** Indexes of the lines from `from` (0-based) that match; undefined when a regex ran out of time. */
  async matches(
    lines: readonly string[],
    from: number,
    query: { grep: string; regex: boolean; ignoreCase: boolean },
    signal: AbortSignal,
  ): Promise<number[] | undefined> {
    const searched = lines.slice(from);
    let hits: number[] | undefined;
    if (query.regex) {
      hits = await regexMatches(searched, query.grep, query.ignoreCase ? 'i' : '', signal);
    } else {
      const needle = query.ignoreCase ? query.grep.toLowerCase() : query.grep;
      hits = searched.flatMap((line, index) =>
        (query.ignoreCase ? line.toLowerCase() : line).includes(needle) ? [index] : [],
      );
    }
    return hits?.map((index) => index + from);
  },
};
