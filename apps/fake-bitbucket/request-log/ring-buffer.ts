/** The latest `capacity` items, oldest first: a push over capacity overwrites the oldest, in constant time. */
export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<T | undefined>(capacity).fill(undefined);
  }

  push(item: T): void {
    this.slots[(this.start + this.count) % this.capacity] = item;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i += 1) {
      const item = this.slots[(this.start + i) % this.capacity];
      if (item !== undefined) yield item;
    }
  }

  clear(): void {
    this.slots.fill(undefined);
    this.start = 0;
    this.count = 0;
  }
}
