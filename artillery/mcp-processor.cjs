// MCP session handling for the artillery scenarios (artillery/*.yml, run by scripts/load.mjs).
// Streamable HTTP: `mcpRequest` (beforeRequest) adds the API key, the Accept and session headers and a
// JSON-RPC id; the afterResponse hooks read the answer (one JSON body, or the `data:` lines of an SSE
// stream when the server streams), capture `Mcp-Session-Id` from `initialize`, and check what came back:
//   - mcpAnswered: a 2xx answer; a tools/call result that is not an error (timed: mcp.tool_call_ms, and
//     mcp.tool_ms.<tool> per tool);
//   - mcpRefused: 429 with Retry-After (timed: mcp.refusal_ms, SLA 4);
//   - mcpFailedFast: a tools/call answered with the breaker's BITBUCKET_UPSTREAM_UNAVAILABLE (timed:
//     mcp.fail_fast_ms, SLA 3).
// Anything else counts in mcp.unexpected (the runner and `ensure` require none) and fails the virtual user.
// Legacy HTTP+SSE (`legacySseSession`) runs in a function step with fetch: GET /sse is held open while
// the messages are POSTed, and each reply is read from the stream (timed: mcp.sse_tool_call_ms).
'use strict';

const PROTOCOL_VERSION = '2025-06-18';
const API_KEY = process.env.LOAD_API_KEY ?? '';
const UNAVAILABLE = 'BITBUCKET_UPSTREAM_UNAVAILABLE';

/** Milliseconds from the request being sent to the end of the answer (the connection set-up left out). */
function answerMs(response) {
  const phases = response.timings?.phases ?? {};
  return (phases.firstByte ?? 0) + (phases.download ?? 0);
}

/** The JSON-RPC messages of an answer: one JSON body, or the `data:` lines of an SSE stream. */
function messagesOf(response) {
  const body = typeof response.body === 'string' ? response.body : '';
  if (body === '') return [];
  const type = String(response.headers['content-type'] ?? '');
  if (type.startsWith('text/event-stream')) {
    return body
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .filter((data) => data !== '')
      .map((data) => JSON.parse(data));
  }
  const parsed = JSON.parse(body);
  return Array.isArray(parsed) ? parsed : [parsed];
}

function toolText(result) {
  return (result?.content ?? []).map((part) => part.text ?? '').join('\n');
}

function unexpected(events, why, next) {
  events.emit('counter', 'mcp.unexpected', 1);
  next(new Error(why));
}

function mcpRequest(request, context, events, next) {
  context.vars.rpcId = (context.vars.rpcId ?? 0) + 1;
  request.headers = {
    ...request.headers,
    'X-API-Key': API_KEY,
    Accept: 'application/json, text/event-stream',
    ...(context.vars.sessionId === undefined ? {} : { 'Mcp-Session-Id': context.vars.sessionId }),
    ...(context.vars.sessionId === undefined ? {} : { 'MCP-Protocol-Version': PROTOCOL_VERSION }),
  };
  // Notifications carry no id; requests get one per session, in order.
  if (request.json !== undefined && !String(request.json.method).startsWith('notifications/')) {
    request.json = { ...request.json, id: context.vars.rpcId };
  }
  if (request.json?.method === 'initialize') {
    request.json.params = {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: 'artillery-load', version: '1' },
    };
  }
  next();
}

/** The request's answer must be a 2xx; a tools/call must return a result that is not an error. */
function mcpAnswered(request, response, context, events, next) {
  if (response.statusCode < 200 || response.statusCode > 299) {
    return unexpected(events, `${request.json?.method ?? request.method} answered ${response.statusCode}`, next);
  }
  const method = request.json?.method;
  if (method === 'initialize') {
    const sessionId = response.headers['mcp-session-id'];
    if (sessionId === undefined) return unexpected(events, 'initialize answered without Mcp-Session-Id', next);
    context.vars.sessionId = sessionId;
  }
  if (method === undefined || method.startsWith('notifications/')) return next();
  let answer;
  try {
    answer = messagesOf(response).find((message) => message.id === request.json.id);
  } catch {
    return unexpected(events, `${method}: unreadable answer`, next);
  }
  if (answer === undefined) return unexpected(events, `${method}: no answer with id ${request.json.id}`, next);
  if (answer.error !== undefined) return unexpected(events, `${method}: JSON-RPC error ${answer.error.code}`, next);
  if (method === 'tools/call') {
    if (answer.result?.isError === true) {
      return unexpected(events, `${request.json.params.name}: ${toolText(answer.result).split('\n').at(-1)}`, next);
    }
    events.emit('histogram', 'mcp.tool_call_ms', answerMs(response));
    events.emit('histogram', `mcp.tool_ms.${request.json.params.name}`, answerMs(response));
    events.emit('counter', `mcp.tool_calls.${request.json.params.name}`, 1);
  }
  return next();
}

/** The request must be refused by a rate limit: 429 with Retry-After. */
function mcpRefused(request, response, context, events, next) {
  if (response.statusCode !== 429) return unexpected(events, `expected 429, got ${response.statusCode}`, next);
  if (response.headers['retry-after'] === undefined) return unexpected(events, '429 without Retry-After', next);
  events.emit('histogram', 'mcp.refusal_ms', answerMs(response));
  return next();
}

/** The tools/call must be refused by the open breaker, without waiting on Bitbucket. */
function mcpFailedFast(request, response, context, events, next) {
  if (response.statusCode !== 200) return unexpected(events, `expected 200, got ${response.statusCode}`, next);
  const answer = messagesOf(response).find((message) => message.id === request.json.id);
  if (answer?.result?.isError !== true || !toolText(answer.result).includes(UNAVAILABLE)) {
    return unexpected(events, `expected ${UNAVAILABLE}, got ${JSON.stringify(answer).slice(0, 200)}`, next);
  }
  events.emit('histogram', 'mcp.fail_fast_ms', answerMs(response));
  return next();
}

/** Reads an SSE response body event by event; `next()` resolves to `{ event, data }` or undefined at the end. */
function sseReader(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return async function next() {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart());
        if (data.length === 0) continue; // a keep-alive comment
        const event =
          lines
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim() ?? 'message';
        return { event, data: data.join('\n') };
      }
      const { value, done } = await reader.read();
      if (done) return undefined;
      buffer += value;
    }
  };
}

async function legacySse(context, events) {
  const target = process.env.LOAD_TARGET ?? '';
  const calls = Number(context.vars.callsPerSession ?? 5);
  const stream = new AbortController();
  const headers = { 'X-API-Key': API_KEY };
  const opened = await fetch(`${target}/sse`, {
    headers: { ...headers, Accept: 'text/event-stream' },
    signal: stream.signal,
  });
  if (opened.status !== 200) throw new Error(`GET /sse answered ${opened.status}`);
  try {
    const nextEvent = sseReader(opened.body);
    const endpoint = await nextEvent();
    if (endpoint?.event !== 'endpoint') throw new Error('GET /sse: no endpoint event first');
    const messagesUrl = new URL(endpoint.data, target);
    const post = async (message) => {
      const res = await fetch(messagesUrl, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(message),
      });
      await res.arrayBuffer();
      if (res.status !== 202) throw new Error(`POST /messages answered ${res.status}`);
    };
    const ask = async (id, method, params) => {
      await post({ jsonrpc: '2.0', id, method, params });
      for (;;) {
        const event = await nextEvent();
        if (event === undefined) throw new Error(`${method}: the stream ended before the answer`);
        const message = JSON.parse(event.data);
        if (message.id !== id) continue;
        if (message.error !== undefined) throw new Error(`${method}: JSON-RPC error ${message.error.code}`);
        return message.result;
      }
    };
    await ask(1, 'initialize', {
      protocolVersion: '2024-11-05',
      capabilities: {},
      clientInfo: { name: 'artillery-load-sse', version: '1' },
    });
    await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    for (let n = 0; n < calls; n += 1) {
      const started = performance.now();
      const result = await ask(n + 2, 'tools/call', {
        name: 'get_repository',
        arguments: { workspace: 'acme', repo: 'payments-api' },
      });
      if (result?.isError === true) throw new Error(`get_repository over SSE: ${toolText(result)}`);
      events.emit('histogram', 'mcp.sse_tool_call_ms', performance.now() - started);
      events.emit('counter', 'mcp.tool_calls.sse', 1);
    }
  } finally {
    // Ending the stream ends the session (docs/transports.md), freeing its place at once.
    stream.abort();
  }
}

/** Function step: one legacy HTTP+SSE session making `callsPerSession` tools/call. */
function legacySseSession(context, events, done) {
  legacySse(context, events).then(
    () => done(),
    (error) => {
      events.emit('counter', 'mcp.unexpected', 1);
      done(error);
    },
  );
}

module.exports = { mcpRequest, mcpAnswered, mcpRefused, mcpFailedFast, legacySseSession };
