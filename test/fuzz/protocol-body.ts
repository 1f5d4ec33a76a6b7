import type { ProtocolBody } from './protocol-exchange';

const HUGE_PREFIX =
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_code","arguments":{"query":"';
const HUGE_SUFFIX = '"}}}';

/** A described body as sent (`wire`) and as text (for the checks: what the request itself carried). */
export function protocolBody(body: ProtocolBody): { readonly wire: string | Uint8Array; readonly text: string } {
  switch (body.kind) {
    case 'json': {
      // JSON.stringify leaves undefined members out: that is how a generated message drops a member.
      const text = JSON.stringify(body.value) as string | undefined;
      return { wire: text ?? '', text: text ?? '' };
    }
    case 'text':
      return { wire: body.text, text: body.text };
    case 'bytes':
      return { wire: body.bytes, text: Buffer.from(body.bytes).toString('utf8') };
    case 'deep': {
      const [open, close] = body.open === '[' ? ['[', ']'] : ['{"a":', '}'];
      const value = `${open.repeat(body.depth)}1${close.repeat(body.depth)}`;
      const text = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_branches","arguments":{"workspace":"acme","repo":"payments-api","filter":${value}}}}`;
      return { wire: text, text };
    }
    case 'huge': {
      const text = `${HUGE_PREFIX}${'x'.repeat(Math.max(0, body.size - HUGE_PREFIX.length - HUGE_SUFFIX.length))}${HUGE_SUFFIX}`;
      return { wire: text, text };
    }
  }
}
