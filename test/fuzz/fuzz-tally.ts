import type { Violation, ViolationKind } from './violation';

const FIGURES: readonly (readonly [ViolationKind, string])[] = [
  ['crash', 'crashes'],
  ['server-error', '5xx answers'],
  ['leaked-stack', 'leaked stacks'],
  ['stray-path', 'stray upstream paths'],
  ['internal-error', 'internal errors'],
  ['accepted-batch', 'accepted batches'],
  ['no-answer', 'unanswered'],
];

/** Every violation seen, shrinking runs included, by kind: the figures of the closing line. */
export class FuzzTally {
  private readonly counts = new Map<ViolationKind, number>();

  count(violations: readonly Violation[]): void {
    for (const { kind } of violations) this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /** `sent`: the requests sent to each server, by its name. */
  line(seed: number, sent: Readonly<Record<string, number>>, budgetSeconds: number, elapsedSeconds: number): string {
    const total = Object.values(sent).reduce((sum, count) => sum + count, 0);
    const each = Object.entries(sent)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    const figures = FIGURES.map(([kind, label]) => `${label} ${this.counts.get(kind) ?? 0}`).join(', ');
    return `fuzz: seed ${seed}, ${total} messages sent (${each}) in ${elapsedSeconds.toFixed(1)} s (${budgetSeconds} s of fuzzing per flavor, both at once), ${figures}`;
  }
}
