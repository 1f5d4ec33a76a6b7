import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { FakeDomainError } from '../dataset/fake-domain.error';
import { cloudErrors } from './cloud-errors';
import { datacenterErrors } from './datacenter-errors';
import { FakeApiError } from './fake-api.error';
import { flavorOfPath, type FakeFlavor } from './flavor-of-path';
import { sendFakeApiError } from './send-fake-api-error';

const DOMAIN_STATUS = { 'not-found': 404, conflict: 409, invalid: 400, forbidden: 403 } as const;

function render(
  flavor: FakeFlavor,
  status: number,
  message: string,
  field?: string,
  exceptionName?: string,
  extra?: Readonly<Record<string, unknown>>,
): FakeApiError {
  if (flavor === 'datacenter')
    return datacenterErrors.error(status, message, exceptionName ?? null, {
      context: field ?? null,
      ...(extra === undefined ? {} : { extra }),
    });
  if (flavor === 'cloud')
    return cloudErrors.error(status, message, field === undefined ? {} : { fields: { [field]: [message] } });
  return new FakeApiError(status, { error: message });
}

/** Renders every failure in the shape of the API the request addressed (Cloud, Data Center or admin). */
@Catch()
export class FakeApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(FakeApiErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const flavor = flavorOfPath(req.originalUrl.split('?', 1)[0] ?? '/');
    sendFakeApiError(res, this.toApiError(exception, flavor));
  }

  private toApiError(exception: unknown, flavor: FakeFlavor): FakeApiError {
    if (exception instanceof FakeApiError) return exception;
    if (exception instanceof FakeDomainError) {
      return render(
        flavor,
        DOMAIN_STATUS[exception.kind],
        exception.message,
        exception.field,
        exception.exceptionName,
        exception.extra,
      );
    }
    if (exception instanceof ZodError) {
      const issue = exception.issues[0];
      const joined = issue?.path.join('.');
      const field = joined === '' ? undefined : joined;
      return render(flavor, 400, `${field ?? 'body'}: ${issue?.message ?? 'invalid'}`, field);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Health probes and the admin API keep Nest's own bodies (terminus puts its report there).
      if (flavor === 'admin') return new FakeApiError(status, exception.getResponse());
      if (status === 404)
        return flavor === 'cloud'
          ? cloudErrors.notFound()
          : render(flavor, 404, 'The requested resource does not exist.');
      return render(flavor, status, exception.message);
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return render(flavor, 500, 'Internal server error');
  }
}
