import { RequestContext } from '@app/common';
import { format } from 'winston';

/** Stamps each line with the correlation id of the request being served, when there is one. */
export const correlationIdFormat = format((info) => {
  const correlationId = RequestContext.correlationId();
  if (correlationId !== undefined && info.correlationId === undefined) info.correlationId = correlationId;
  return info;
});
