import { RequestContext, TraceContext } from '@app/common';
import type { TransformableInfo } from 'logform';
import { correlationIdFormat } from './correlation-id.format';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

const stamped = (info: TransformableInfo): TransformableInfo =>
  correlationIdFormat().transform({ ...info }) as TransformableInfo;

describe('correlationIdFormat', () => {
  it('stamps the correlation id and, with a traceparent, the trace id of the request being served', () => {
    const traceContext = TraceContext.fromHeaders(`00-${TRACE_ID}-00f067aa0ba902b7-01`, undefined);
    RequestContext.run({ correlationId: 'req-0001-abcd', traceContext }, () => {
      expect(stamped({ level: 'info', message: 'm' })).toMatchObject({
        correlationId: 'req-0001-abcd',
        traceId: TRACE_ID,
      });
    });
  });

  it('adds no trace id without a trace, and nothing outside a request', () => {
    RequestContext.run({ correlationId: 'req-0001-abcd' }, () => {
      expect(stamped({ level: 'info', message: 'm' })).not.toHaveProperty('traceId');
    });
    expect(stamped({ level: 'info', message: 'm' })).toEqual({ level: 'info', message: 'm' });
  });

  it('keeps ids a line already names', () => {
    const traceContext = TraceContext.fromHeaders(`00-${TRACE_ID}-00f067aa0ba902b7-01`, undefined);
    RequestContext.run({ correlationId: 'req-0001-abcd', traceContext }, () => {
      expect(stamped({ level: 'info', message: 'm', correlationId: 'mine', traceId: 'theirs' })).toMatchObject({
        correlationId: 'mine',
        traceId: 'theirs',
      });
    });
  });
});
