import { cancelledRequestId, isRequestMessage, isResponseMessage } from '@app/mcp';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage, JSONRPCRequest, RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpChecks } from '../http/http-checks';

type SendOptions = Parameters<StreamableHTTPServerTransport['send']>[1];

/** The SDK's private state this class steers (webStandardStreamableHttp.js, SDK 1.32). */
export interface SdkTransportInternals {
  _enableJsonResponse: boolean;
  readonly _closed: boolean;
  readonly _requestToStreamMapping: Map<RequestId, string>;
  /**
   * A JSON-mode stream has `resolveJson` (settles the pending HTTP answer); an SSE one a stream
   * controller. `cleanup` forgets the stream and, for SSE, ends it.
   */
  readonly _streamMapping: ReadonlyMap<string, { readonly resolveJson?: (answer: Response) => void; cleanup(): void }>;
}

/** The pinned SDK version SdkTransportInternals describes (package.json). */
const PINNED_SDK = '1.32.2';

/** What each internal must be, as the pinned SDK builds it. */
const INTERNAL_FIELDS: readonly (readonly [keyof SdkTransportInternals, (value: unknown) => boolean])[] = [
  ['_enableJsonResponse', (value) => typeof value === 'boolean'],
  ['_closed', (value) => typeof value === 'boolean'],
  ['_requestToStreamMapping', (value) => value instanceof Map],
  ['_streamMapping', (value) => value instanceof Map],
];

/**
 * The SDK internals of `transport`, or a loud error naming those missing. The SDK is pinned, and an
 * upgrade that renamed or retyped them would otherwise not fail: answers would silently go to the
 * wrong stream or never settle. (The shape of a stream's entry is known only once a request opens
 * one: the spec covers it.)
 */
export function sdkTransportInternals(transport: object): SdkTransportInternals {
  const internals = (transport as { _webStandardTransport?: Readonly<Record<string, unknown>> })._webStandardTransport;
  const missing: string[] = [];
  if (typeof internals !== 'object') missing.push('_webStandardTransport');
  else {
    // A loop, not entries().filter(): a stateless server builds a transport per POST.
    for (const [field, fits] of INTERNAL_FIELDS) if (!fits(internals[field])) missing.push(field);
  }
  if (missing.length > 0) {
    throw new Error(
      `@modelcontextprotocol/sdk: StreamableHTTPServerTransport lacks ${missing.join(', ')} as JsonOrSseTransport ` +
        `steers it (libs/transport/src/streamable-http/json-or-sse-transport.ts, written for SDK ${PINNED_SDK}): ` +
        'adapt it before upgrading the SDK',
    );
  }
  return internals as unknown as SdkTransportInternals;
}

/** The messages of a body the endpoint has read (readJsonRpcBody); none for a GET or DELETE. */
const messagesOf = (body: JSONRPCMessage | JSONRPCMessage[] | undefined): JSONRPCMessage[] =>
  body === undefined ? [] : Array.isArray(body) ? body : [body];

/** Settles a POST answered directly: with the request's answer, or with none when it was cancelled. */
type DirectAnswer = (answer: JSONRPCMessage | undefined) => void;

/**
 * The SDK's Streamable HTTP transport answering each POST as JSON or as SSE, chosen per request.
 *
 * A POST of one request (not an initialize) answered as JSON, the common tools/call, is served here
 * directly: the message goes to the server and its answer is written to the Node response. The SDK
 * would convert the Node request to a Web-standard Request and its answer back (@hono/node-server),
 * a good part of a call's CPU (docs/SLA.md, level 2), and it keeps an entry per JSON answer in its
 * stream map for the session's lifetime. Everything the SDK checks first was checked by the endpoint
 * already (Accept, Content-Type, a JSON-RPC message, the session, the protocol version).
 *
 * Every other exchange goes to the SDK. The
 * SDK fixes the mode per transport; it reads the flag when a POST arrives and again when its answer
 * is sent, so setting it just before handing the request over chooses that request's mode, and
 * `send` sets it back to the mode the request's stream was opened in. While any stream-wanting
 * request is on its way in, the flag stays on SSE, so concurrent requests can only be upgraded to SSE
 * (valid for every client), never downgraded to JSON (which would drop their notifications). Pinned
 * to SDK 1.32.
 */
export class JsonOrSseTransport extends StreamableHTTPServerTransport {
  /** Checked once per transport, where it is built (sdkTransportInternals). */
  private readonly sdk: SdkTransportInternals;
  private streaming = 0;
  /** Ids of the requests whose POST is being handled: the SDK maps them to their stream only later. */
  private readonly handling = new Set<RequestId>();
  /** The requests answered directly and still unanswered, by id. */
  private readonly direct = new Map<RequestId, DirectAnswer>();

  constructor(options: ConstructorParameters<typeof StreamableHTTPServerTransport>[0]) {
    super(options);
    this.sdk = sdkTransportInternals(this);
  }

  /** Fails the start-up, rather than the first session, on an SDK whose internals changed. */
  static assertSdkInternals(): void {
    sdkTransportInternals(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }));
  }

  /**
   * Hands one POST (GET, DELETE: no body) to the SDK. A request reusing the id of one still in flight
   * is refused first: the SDK keys the way back to each request by its id, so the second would take
   * the first's answer or leave one of the two HTTP requests unanswered.
   */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    body: JSONRPCMessage | JSONRPCMessage[] | undefined,
    stream: boolean,
  ): Promise<void> {
    const mapped = this.sdk._requestToStreamMapping;
    httpChecks.uniqueRequestIds(body, (id) => this.handling.has(id) || mapped.has(id));
    const messages = messagesOf(body);
    const ids = messages.filter(isRequestMessage).map((request) => request.id);
    for (const id of ids) this.handling.add(id);
    const direct = stream ? undefined : this.directRequest(req, body);
    try {
      if (direct !== undefined) await this.answerDirectly(req, res, direct);
      else await this.handleThroughSdk(req, res, body, stream);
    } finally {
      for (const id of ids) this.handling.delete(id);
    }
    for (const message of messages) {
      const id = cancelledRequestId(message);
      if (id !== undefined) this.endCancelled(id);
    }
  }

  /** The request a POST carries when it can be answered directly (see the class comment). */
  private directRequest(
    req: IncomingMessage,
    body: JSONRPCMessage | JSONRPCMessage[] | undefined,
  ): JSONRPCRequest | undefined {
    if (req.method !== 'POST' || body === undefined || Array.isArray(body) || !isRequestMessage(body)) return undefined;
    // A closed transport's server answers nothing: the SDK refuses the POST (404) instead.
    return body.method === 'initialize' || this.sdk._closed ? undefined : body;
  }

  private async answerDirectly(req: IncomingMessage, res: ServerResponse, request: JSONRPCRequest): Promise<void> {
    const answered = new Promise<JSONRPCMessage | undefined>((resolve) => {
      this.direct.set(request.id, (answer) => {
        this.direct.delete(request.id);
        resolve(answer);
      });
    });
    this.onmessage?.(request, { requestInfo: { headers: req.headers } });
    const answer = await answered;
    // A client that hung up gets nothing; its request was answered all the same (and its id is free).
    if (res.destroyed) return;
    if (answer === undefined) {
      res.writeHead(202).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(this.sessionId === undefined ? {} : { 'mcp-session-id': this.sessionId }),
    });
    res.end(JSON.stringify(answer));
  }

  /** The SDK's own handling, in JSON or SSE mode as `stream` asks (see the class comment). */
  private async handleThroughSdk(
    req: IncomingMessage,
    res: ServerResponse,
    body: JSONRPCMessage | JSONRPCMessage[] | undefined,
    stream: boolean,
  ): Promise<void> {
    if (stream) this.streaming += 1;
    this.sdk._enableJsonResponse = this.streaming === 0;
    try {
      await this.handleRequest(req, res, body);
    } finally {
      if (stream) this.streaming -= 1;
    }
  }

  /**
   * A request the client cancelled gets no answer (MCP cancellation: the SDK drops it), so the HTTP
   * exchange it came in is ended here, once no other request of it waits: a JSON one with 202 and no
   * body (what a POST without requests gets), an SSE stream closed. Otherwise both stayed open until
   * the client hung up, and the id stayed taken.
   */
  private endCancelled(requestId: RequestId): void {
    const direct = this.direct.get(requestId);
    if (direct !== undefined) {
      direct(undefined);
      return;
    }
    const { _requestToStreamMapping: requests, _streamMapping: streams } = this.sdk;
    const streamId = requests.get(requestId);
    if (streamId === undefined) return;
    requests.delete(requestId);
    if ([...requests.values()].includes(streamId)) return;
    const stream = streams.get(streamId);
    stream?.resolveJson?.(new Response(null, { status: 202 }));
    stream?.cleanup();
  }

  /**
   * Sends in the mode the message's stream was opened in. Without this, the answer to a request opened
   * as JSON, sent while another request (or the standalone GET stream) held the flag on SSE, was
   * written as neither: its HTTP response never settled and the client waited forever (found by the
   * OAuth expiry e2e test: a call in flight when the standalone stream reconnects). The SDK's JSON
   * path runs synchronously up to the answer, so the flag is restored before anything else can run.
   */
  override async send(message: JSONRPCMessage, options?: SendOptions): Promise<void> {
    const direct = isResponseMessage(message) && message.id !== undefined ? this.direct.get(message.id) : undefined;
    if (direct !== undefined) {
      direct(message);
      return;
    }
    // A JSON answer carries no notifications: the SDK drops them in JSON mode too.
    if (options?.relatedRequestId !== undefined && this.direct.has(options.relatedRequestId)) return;
    const json = this.opensAsJson(message, options);
    if (json === undefined) return super.send(message, options);
    const internals = this.sdk;
    const streamId = json ? this.answeredStreamId(message) : undefined;
    const flag = internals._enableJsonResponse;
    internals._enableJsonResponse = json;
    // The SDK's send is async: it cannot throw here, only reject, so the flag is always restored.
    const sent = super.send(message, options);
    internals._enableJsonResponse = flag;
    // SDK 1.32 settles a JSON answer without forgetting its stream: every POST of a session stayed in
    // _streamMapping, with the Response it answered, until the session closed (typescript-sdk#2559;
    // found by npm run bench:soak). The JSON path has answered by now if it is going to: once no
    // request maps to the stream any more, its cleanup (for a JSON stream, only forgetting it) runs.
    if (streamId !== undefined && ![...internals._requestToStreamMapping.values()].includes(streamId)) {
      internals._streamMapping.get(streamId)?.cleanup();
    }
    return sent;
  }

  /** The stream a response answers into, before the SDK forgets which one it was. */
  private answeredStreamId(message: JSONRPCMessage): string | undefined {
    if (!isResponseMessage(message)) return undefined;
    return message.id === undefined ? undefined : this.sdk._requestToStreamMapping.get(message.id);
  }

  /** Whether the stream `message` goes to was opened as JSON; undefined for the standalone stream or none. */
  private opensAsJson(message: JSONRPCMessage, options: SendOptions): boolean | undefined {
    const requestId = isResponseMessage(message) ? message.id : options?.relatedRequestId;
    if (requestId === undefined) return undefined;
    const internals = this.sdk;
    const streamId = internals._requestToStreamMapping.get(requestId);
    const stream = streamId === undefined ? undefined : internals._streamMapping.get(streamId);
    return stream === undefined ? undefined : stream.resolveJson !== undefined;
  }
}
