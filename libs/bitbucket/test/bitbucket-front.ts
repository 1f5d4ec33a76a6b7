import {
  Agent,
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { TLSSocket } from 'node:tls';
import { OpenRequestGauge, relay } from './http-relay';
import { closeServer, listenOnLoopback } from './loopback-server';

/** PEM material of a TLS front that presents `cert` and requires a client certificate issued by `ca`. */
export interface MutualTls {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
}

/**
 * A reverse proxy in front of the fake Bitbucket, as a load balancer would be: plain HTTP, or TLS
 * requiring a client certificate. It records the client certificates it accepted and the handshakes
 * it refused, and counts connections and the requests open at once.
 */
export class BitbucketFront {
  /** The common name of the client certificate of each request (TLS only). */
  readonly clientCommonNames: string[] = [];
  /** The error code of each TLS handshake it refused. */
  readonly refusedHandshakes: string[] = [];
  readonly gauge = new OpenRequestGauge();
  connections = 0;
  private readonly agent = new Agent({ keepAlive: false });
  private readonly server: HttpServer | HttpsServer;
  private port = 0;

  private constructor(
    private readonly target: URL,
    private readonly tls: MutualTls | undefined,
  ) {
    const handle = (req: IncomingMessage, res: ServerResponse): void => {
      this.handle(req, res);
    };
    this.server =
      tls === undefined
        ? createHttpServer(handle)
        : createHttpsServer({ ...tls, requestCert: true, rejectUnauthorized: true }, handle).on(
            'tlsClientError',
            (error: NodeJS.ErrnoException) => this.refusedHandshakes.push(error.code ?? error.message),
          );
    this.server.on('connection', () => (this.connections += 1));
  }

  /** A front to `target` (the fake's URL): TLS with a required client certificate when `tls` is given. */
  static async start(target: string, tls?: MutualTls): Promise<BitbucketFront> {
    const front = new BitbucketFront(new URL(target), tls);
    front.port = await listenOnLoopback(front.server);
    return front;
  }

  /** `http(s)://127.0.0.1:<port>`: the fake's URL as seen through the front. */
  get url(): string {
    return `${this.tls === undefined ? 'http' : 'https'}://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await closeServer(this.server);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.socket instanceof TLSSocket) {
      const { CN } = req.socket.getPeerCertificate().subject;
      this.clientCommonNames.push(Array.isArray(CN) ? CN.join(', ') : (CN ?? ''));
    }
    this.gauge.enter(res);
    relay(req, res, new URL(req.url ?? '/', this.target), this.agent);
  }
}
