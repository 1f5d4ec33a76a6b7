import { request, type Dispatcher } from 'undici';
import { tlsFailure } from './tls-failure';
import { UpstreamFailure } from './upstream-failure';
import { UpstreamResponse } from './upstream-response';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

interface HttpSend {
  readonly method: Dispatcher.HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * One HTTP exchange over the shared pool, body read in full. Fails with an UpstreamFailure that says
 * whether the caller cancelled, the time limit passed or the connection broke.
 */
export async function sendHttp(dispatcher: Dispatcher, send: HttpSend): Promise<UpstreamResponse> {
  const timeout = AbortSignal.timeout(send.timeoutMs);
  const signal = send.signal === undefined ? timeout : AbortSignal.any([send.signal, timeout]);
  try {
    const res = await request(send.url, {
      method: send.method,
      headers: send.headers,
      ...(send.body === undefined ? {} : { body: send.body }),
      signal,
      dispatcher,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.body.destroy();
        throw new UpstreamFailure('too-large', `response larger than ${MAX_BODY_BYTES} bytes`);
      }
      chunks.push(chunk);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return new UpstreamResponse(res.statusCode, headers, Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof UpstreamFailure) throw error;
    if (send.signal?.aborted === true) throw new UpstreamFailure('cancelled', 'the caller cancelled the request');
    if (timeout.aborted) throw new UpstreamFailure('timeout', `no complete answer within ${send.timeoutMs} ms`);
    const tls = tlsFailure(error, send.url);
    if (tls !== undefined) throw tls;
    const code = (error as { code?: string }).code;
    throw new UpstreamFailure('network', `connection failed${code === undefined ? '' : ` (${code})`}`);
  }
}
