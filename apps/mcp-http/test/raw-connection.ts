import { connect, type Socket } from 'node:net';

/**
 * A bare TCP connection to a server, for the clients no HTTP library plays: silent, slow, or sending
 * more than it may. Records what the server sends and when the server ends the connection.
 */
export class RawConnection {
  received = '';
  /** Milliseconds from connecting until the connection closed. */
  readonly closed: Promise<number>;
  private readonly openedAt = Date.now();

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.toString('latin1');
    });
    // A reset after the server answered is how some closes end; what arrived before it is what counts.
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        resolve(Date.now() - this.openedAt);
      }),
    );
  }

  static async open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve).once('error', reject);
    });
    return new RawConnection(socket);
  }

  get isClosed(): boolean {
    return this.socket.destroyed;
  }

  /** The status code of the first response received, if any. */
  get status(): number | undefined {
    const match = /^HTTP\/1\.1 (\d{3}) /.exec(this.received);
    return match === null ? undefined : Number(match[1]);
  }

  /** Writes unless the connection is gone; resolves once the data is handed to the system or the connection closes. */
  async write(data: string | Buffer): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable) return;
    await Promise.race([
      new Promise<void>((resolve) =>
        this.socket.write(data, () => {
          resolve();
        }),
      ),
      this.closed,
    ]);
  }

  /** Writes `piece(index)` every `everyMs` until the server closes the connection. */
  async trickle(piece: (index: number) => string | Buffer, everyMs: number): Promise<void> {
    for (let index = 0; !this.isClosed; index++) {
      await this.write(piece(index));
      await Promise.race([new Promise((resolve) => setTimeout(resolve, everyMs)), this.closed]);
    }
  }

  /** Waits for the connection to close, failing if it is still open after `timeoutMs`. */
  async closedWithin(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`still open after ${timeoutMs} ms; received: ${this.received.slice(0, 500)}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.closed, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}
