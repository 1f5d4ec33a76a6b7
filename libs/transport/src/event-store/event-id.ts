/**
 * Event ids name their stream: `<streamId>.<sequence>`. Sequences have no dot (a counter, a Redis entry
 * id), stream ids may (a session's, ending with its route: session-event-store.ts), so the last dot
 * separates them; a malformed id (a client's guess) names no stream.
 */
export const eventId = {
  format(streamId: string, sequence: string): string {
    return `${streamId}.${sequence}`;
  },
  parse(id: string): { streamId: string; sequence: string } | undefined {
    const dot = id.lastIndexOf('.');
    if (dot <= 0 || dot === id.length - 1) return undefined;
    return { streamId: id.slice(0, dot), sequence: id.slice(dot + 1) };
  },
};
