/** Reads a raw SSE response as text as it arrives, for tests that look at the stream itself. */
export class SseReader {
  text = '';
  private readonly done: Promise<void>;

  constructor(res: Response) {
    const body = res.body;
    if (body === null) throw new Error('no SSE body');
    const decoder = new TextDecoder();
    this.done = (async () => {
      try {
        for await (const chunk of body) this.text += decoder.decode(chunk as Uint8Array, { stream: true });
      } catch {
        // aborted by the test
      }
    })();
  }

  /** Resolves once the stream text matches, or fails with what arrived after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs = 5000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.text);
      if (match !== null) return match;
      if (Date.now() > deadline) throw new Error(`SSE stream never matched ${String(pattern)}; got:\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The events received so far (`id` and the parsed `data` of each event carrying data). */
  events(): { id?: string; data: unknown }[] {
    return this.text
      .split(/\n\n/)
      .map((block) => {
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((line) => line[1] ?? '').join('\n');
        return { ...(id === undefined ? {} : { id }), data: data === '' ? undefined : (JSON.parse(data) as unknown) };
      })
      .filter((event) => event.data !== undefined);
  }

  /** Resolves when the server ends the stream. */
  async ended(): Promise<void> {
    return this.done;
  }
}
