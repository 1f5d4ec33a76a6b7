import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestLog } from './request-log.service';

@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  constructor(private readonly log: RequestLog) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl;
    if (!path.startsWith('/__fake/') && !path.startsWith('/health/'))
      res.locals.fakeRequest = this.log.record(req, res);
    next();
  }
}
