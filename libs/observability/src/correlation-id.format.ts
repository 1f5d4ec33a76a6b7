import { RequestContext } from '@app/common';
import { format } from 'winston';

/**
 * Stamps each line with the correlation id of the request being served, when there is one, and the
 * trace id of its W3C traceparent, when it came with one.
 */
export const correlationIdFormat = format((info) => {
  const correlationId = RequestContext.correlationId();
  if (correlationId !== undefined && info.correlationId === undefined) info.correlationId = correlationId;
  const traceId = RequestContext.traceId();
  if (traceId !== undefined && info.traceId === undefined) info.traceId = traceId;
  return info;
});
