/** What a suite started, stopped in reverse order even after a failed start: a leftover redis-server would keep Jest waiting. */
export class Started {
  private readonly stops: (() => Promise<unknown>)[] = [];

  add<T>(thing: T, stop: (thing: T) => Promise<unknown>): T {
    this.stops.push(async () => stop(thing));
    return thing;
  }

  async stopAll(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop();
  }
}
