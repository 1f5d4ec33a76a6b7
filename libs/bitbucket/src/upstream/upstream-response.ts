/** A Bitbucket answer with its body read; adapters parse it. */
export class UpstreamResponse {
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: Buffer,
  ) {}

  json<T>(): T {
    return JSON.parse(this.body.toString('utf8')) as T;
  }

  text(): string {
    return this.body.toString('utf8');
  }

  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }
}
