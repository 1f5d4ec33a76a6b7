/**
 * A Bitbucket answer with its body read; adapters parse it. Single flight hands one answer to every
 * caller of the same GET (resilience/single-flight.ts), so its JSON is parsed once and shared:
 * adapters only read it, mapping it to new objects.
 */
export class UpstreamResponse {
  private parsed: unknown;

  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: Buffer,
  ) {}

  json<T>(): T {
    this.parsed ??= JSON.parse(this.body.toString('utf8'));
    return this.parsed as T;
  }

  text(): string {
    return this.body.toString('utf8');
  }

  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }
}
