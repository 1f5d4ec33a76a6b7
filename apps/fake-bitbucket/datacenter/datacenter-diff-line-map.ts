import { diffLines } from 'diff';
import type { FileChange } from '../git/file-change';

type DiffSide = 'FROM' | 'TO';

/**
 * How the lines of one file's two sides line up in its diff: which lines were added (TO side) or
 * removed (FROM side), and where an unchanged line sits on the other side. Data Center anchors a
 * comment on one side (`fileType`) with a `lineType`; the shared dataset keeps Cloud's `from`/`to`.
 */
export class DiffLineMap {
  private readonly changed: Record<DiffSide, Set<number>> = { FROM: new Set(), TO: new Set() };
  private readonly counterpart: Record<DiffSide, Map<number, number>> = { FROM: new Map(), TO: new Map() };

  constructor(change: FileChange | undefined) {
    const text = (side: FileChange['before']): string => (side === undefined || side.binary ? '' : side.text);
    let from = 1;
    let to = 1;
    for (const part of diffLines(text(change?.before), text(change?.after))) {
      for (let i = 0; i < part.count; i += 1) {
        if (part.added) this.changed.TO.add(to++);
        else if (part.removed) this.changed.FROM.add(from++);
        else {
          this.counterpart.FROM.set(from, to);
          this.counterpart.TO.set(to, from);
          from += 1;
          to += 1;
        }
      }
    }
  }

  /** ADDED (TO side) or REMOVED (FROM side) when the diff changed the line, else CONTEXT. */
  lineType(side: DiffSide, line: number): 'ADDED' | 'REMOVED' | 'CONTEXT' {
    if (!this.changed[side].has(line)) return 'CONTEXT';
    return side === 'TO' ? 'ADDED' : 'REMOVED';
  }

  /** The same unchanged line's number on the other side. */
  otherSide(side: DiffSide, line: number): number | undefined {
    return this.counterpart[side].get(line);
  }
}
