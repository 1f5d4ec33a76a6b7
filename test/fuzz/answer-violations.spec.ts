import { answerViolations } from './answer-violations';
import type { RawAnswer, RawRequest } from './raw-exchange';

const batch = '[{"jsonrpc":"2.0","id":1,"method":"ping"}]';
const post = (version: string | undefined, body: string): RawRequest => ({
  method: 'POST',
  path: '/mcp',
  headers: {
    'Content-Type': 'application/json',
    ...(version === undefined ? {} : { 'MCP-Protocol-Version': version }),
  },
  body,
});
const answer = (status: number, text: string): RawAnswer => ({
  status,
  contentType: 'application/json',
  sessionId: null,
  text,
});
const kinds = (request: RawRequest, got: RawAnswer): string[] =>
  answerViolations(request, typeof request.body === 'string' ? request.body : '', got).map(({ kind }) => kind);

describe('answerViolations (the properties one HTTP answer must keep)', () => {
  it('takes a batch under a protocol version without batches as a violation, and its refusal as none', () => {
    const answered = answer(200, '[{"result":{},"jsonrpc":"2.0","id":1}]');
    expect(kinds(post('2025-06-18', batch), answered)).toEqual(['accepted-batch']);
    expect(kinds(post('2025-11-25', batch), answer(202, ''))).toEqual(['accepted-batch']);
    const refused = answer(400, '{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"no batches"}}');
    expect(kinds(post('2025-11-25', batch), refused)).toEqual([]);
    expect(kinds(post('2025-03-26', batch), answered)).toEqual([]);
    expect(kinds(post(undefined, batch), answered)).toEqual([]);
  });

  it('takes 5xx, no answer and internal errors as violations', () => {
    const ping = post('2025-11-25', '{"jsonrpc":"2.0","id":1,"method":"ping"}');
    expect(kinds(ping, answer(503, 'busy'))).toEqual(['server-error']);
    expect(kinds(ping, { ...answer(0, ''), failure: 'fetch failed' })).toEqual(['no-answer']);
    expect(kinds(ping, answer(200, '{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"[zod]"}}'))).toEqual([
      'internal-error',
    ]);
    const internal = '(error INTERNAL, correlation id 1)';
    const failedTool = `event: message\ndata: {"result":{"content":[{"type":"text","text":"${internal}"}],"isError":true},"jsonrpc":"2.0","id":1}\n\n`;
    expect(kinds(ping, { ...answer(200, failedTool), contentType: 'text/event-stream' })).toEqual(['internal-error']);
    expect(kinds(ping, answer(200, '{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"bad params"}}'))).toEqual(
      [],
    );
  });
});
