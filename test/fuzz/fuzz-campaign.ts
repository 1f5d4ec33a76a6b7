import fc from 'fast-check';
import type { ExchangeOutcome } from './exchange-outcome';
import type { ViolationKind } from './violation';

/** Shrinking a failure may take this long; then the smallest counterexample so far stands (a crash costs a restart). */
const SHRINK_BUDGET_MS = 6_000;

class FuzzFailure extends Error {
  constructor(
    readonly kinds: readonly ViolationKind[],
    outcome: ExchangeOutcome,
  ) {
    super(
      [
        `sent: ${outcome.request}`,
        ...outcome.violations.map((violation) => `${violation.kind}: ${violation.detail}`),
      ].join('\n'),
    );
  }
}

export interface FuzzCampaignOptions<T> {
  readonly name: string;
  readonly seed: number;
  readonly budgetMs: number;
  readonly arbitrary: fc.Arbitrary<T>;
  readonly exchange: (input: T) => Promise<ExchangeOutcome>;
}

/**
 * Runs seeded fast-check properties over `exchange` until the time budget is spent. A failure is shrunk
 * (within SHRINK_BUDGET_MS) and reported with fast-check's report: seed, path and counterexample. The search
 * then goes on with the next seed, failing only on kinds of violation not reported yet, so one run shows
 * a crash, a stray path and a leaked stack side by side rather than the first of them only.
 * Returns the reports, none when every property held.
 */
export async function fuzzCampaign<T>(options: FuzzCampaignOptions<T>): Promise<string[]> {
  const deadline = performance.now() + options.budgetMs;
  const reported = new Set<ViolationKind>();
  const reports: string[] = [];
  for (let round = 0; performance.now() < deadline; round += 1) {
    let firstFailure: number | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const property = fc.asyncProperty(options.arbitrary, async (input) => {
      if (firstFailure !== undefined && performance.now() - firstFailure > SHRINK_BUDGET_MS) return;
      const run = options.exchange(input);
      running = run.catch(() => undefined);
      const outcome = await run;
      const fresh = [...new Set(outcome.violations.map(({ kind }) => kind))].filter((kind) => !reported.has(kind));
      if (fresh.length > 0) {
        firstFailure ??= performance.now();
        throw new FuzzFailure(fresh, outcome);
      }
    });
    const details = await fc.check(property, {
      seed: options.seed + round,
      numRuns: Number.MAX_SAFE_INTEGER,
      plugins: [fc.interruptAfterTimeLimit(Math.max(1, deadline - performance.now()))],
    });
    // An interrupted run goes on in the background: let it end before anything else talks to the server.
    await running;
    if (!details.failed || details.counterexample === null) break;
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    reports.push(`${options.name}:\n${fc.defaultReportMessage(details)}\n${error}`);
    if (!(details.errorInstance instanceof FuzzFailure)) break;
    for (const kind of details.errorInstance.kinds) reported.add(kind);
  }
  return reports;
}
