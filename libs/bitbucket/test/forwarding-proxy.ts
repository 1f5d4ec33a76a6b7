import { Agent, createServer, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { OpenRequestGauge, relay } from './http-relay';
import { closeServer, listenOnLoopback } from './loopback-server';

/** One request the proxy passed on: a forwarded request's absolute-form URL, or a CONNECT tunnel's host:port. */
export interface ProxiedRequest {
  readonly method: string;
  readonly target: string;
}

/**
 * A forward HTTP proxy on loopback, as a corporate one: requests in absolute form are forwarded,
 * CONNECT opens a tunnel. It records each, and counts the forwarded requests open at once.
 */
export class ForwardingProxy {
  readonly proxied: ProxiedRequest[] = [];
  readonly gauge = new OpenRequestGauge();
  private readonly server = createServer();
  private readonly agent = new Agent({ keepAlive: false });
  private readonly tunnels = new Set<Duplex>();
  private port = 0;

  private constructor() {
    this.server.on('request', (req, res) => {
      this.proxied.push({ method: req.method ?? '', target: req.url ?? '' });
      // Only the absolute form is a proxy request; an origin-form path means the client took us for the server.
      if (!URL.canParse(req.url ?? '')) {
        res.writeHead(400).end();
        return;
      }
      this.gauge.enter(res);
      relay(req, res, new URL(req.url ?? ''), this.agent);
    });
    this.server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
      this.tunnel(req, client, head);
    });
  }

  static async start(): Promise<ForwardingProxy> {
    const proxy = new ForwardingProxy();
    proxy.port = await listenOnLoopback(proxy.server);
    return proxy;
  }

  /** `http://127.0.0.1:<port>`, for HTTP_PROXY or HTTPS_PROXY. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    // Tunnels are detached from the server: closing it would not end them.
    for (const socket of this.tunnels) socket.destroy();
    this.agent.destroy();
    await closeServer(this.server);
  }

  private tunnel(req: IncomingMessage, client: Duplex, head: Buffer): void {
    this.proxied.push({ method: 'CONNECT', target: req.url ?? '' });
    const { hostname, port } = new URL(`http://${req.url ?? ''}`);
    const destination = connect(Number(port), hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      destination.write(head);
      destination.pipe(client);
      client.pipe(destination);
    });
    for (const socket of [client, destination]) {
      this.tunnels.add(socket);
      // An error is followed by 'close', which ends both sides.
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.tunnels.delete(socket);
        client.destroy();
        destination.destroy();
      });
    }
  }
}
