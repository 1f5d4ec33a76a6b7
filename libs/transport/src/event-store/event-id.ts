/**
 * Event ids name their stream: `<streamId>.<sequence>`. Stream ids are UUIDs (no dot), so the first
 * dot separates them; a malformed id (a client's guess) names no stream.
 */
export const eventId = {
  format(streamId: string, sequence: string): string {
    return `${streamId}.${sequence}`;
  },
  parse(id: string): { streamId: string; sequence: string } | undefined {
    const dot = id.indexOf('.');
    if (dot <= 0 || dot === id.length - 1) return undefined;
    return { streamId: id.slice(0, dot), sequence: id.slice(dot + 1) };
  },
};
