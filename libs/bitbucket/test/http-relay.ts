import { request, type Agent, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

/** How many requests a relay has open, and the most it had open at once. */
export class OpenRequestGauge {
  open = 0;
  peak = 0;

  /** Counts `res` as open until it is closed. */
  enter(res: ServerResponse): void {
    this.open += 1;
    this.peak = Math.max(this.peak, this.open);
    res.once('close', () => {
      this.open -= 1;
    });
  }
}

// Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection: each side of the relay keeps its own.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade'];

const endToEnd = (headers: IncomingHttpHeaders): IncomingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));

/** Passes `req` on to `target` (end-to-end headers as they came, Host included) and pipes the answer back; 502 when unreachable. */
export function relay(req: IncomingMessage, res: ServerResponse, target: URL, agent: Agent): void {
  const onward = request(target, { method: req.method, headers: endToEnd(req.headers), agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
    answer.pipe(res);
  });
  onward.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(onward);
}
