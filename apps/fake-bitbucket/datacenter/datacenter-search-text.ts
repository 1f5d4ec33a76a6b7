const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '/': '&#x2F;',
};

type Range = readonly [number, number];

interface Piece {
  readonly text: string;
  readonly match: boolean;
}

/** Overlapping or touching match ranges as one, in order. */
function merged(ranges: readonly Range[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** How Data Center's code search shows matched text: cut at the matches, or HTML-escaped with `<em>` around them. */
export const datacenterSearchText = {
  pieces(text: string, ranges: readonly Range[]): Piece[] {
    const pieces: Piece[] = [];
    let at = 0;
    for (const [start, end] of merged(ranges)) {
      if (start > at) pieces.push({ text: text.slice(at, start), match: false });
      pieces.push({ text: text.slice(start, end), match: true });
      at = end;
    }
    if (at < text.length) pieces.push({ text: text.slice(at), match: false });
    return pieces;
  },
  /** `/` is escaped too (`&#x2F;`), as in real results. */
  highlight(text: string, ranges: readonly Range[]): string {
    const escape = (raw: string): string => raw.replace(/[&<>"'/]/g, (c) => ESCAPES[c] ?? c);
    return datacenterSearchText
      .pieces(text, ranges)
      .map((piece) => (piece.match ? `<em>${escape(piece.text)}</em>` : escape(piece.text)))
      .join('');
  },
};
