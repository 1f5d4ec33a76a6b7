/** Seeded history happens on fixed dates so every reset yields byte-identical data. */
export class SeedClock {
  private current: number;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  /** Advances by `hours` (default: a working hour or so) and returns the new time. */
  next(hours = 1.5): Date {
    this.current += hours * 3_600_000;
    return new Date(this.current);
  }

  now(): Date {
    return new Date(this.current);
  }
}
