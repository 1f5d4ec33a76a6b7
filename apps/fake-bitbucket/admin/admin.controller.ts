import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SEED_CREDENTIALS } from '../auth/seed-credentials';
import { FaultRegistry } from '../faults/fault.registry';
import type { FakeRequestRecord } from '../request-log/fake-request-record';
import { requestLogFilterSchema } from '../request-log/request-log-filter';
import { RequestLog } from '../request-log/request-log.service';
import type { FakeSettings } from '../runtime/fake-settings';
import { FakeStore } from '../runtime/fake-store.service';

interface ExpressWithRouter {
  readonly router: {
    readonly stack: readonly {
      readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
    }[];
  };
}

/** Test controls under /__fake: reset, settings, request log and counters, seeded credentials. */
@Controller('__fake')
export class AdminController {
  constructor(
    private readonly store: FakeStore,
    private readonly faults: FaultRegistry,
    private readonly log: RequestLog,
    private readonly adapter: HttpAdapterHost,
  ) {}

  /**
   * Reseeds the dataset, restores settings, forgets OAuth tokens, faults and the request log, and
   * restarts rule ids and request sequence numbers, so that every test after a reset sees the same ids.
   */
  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.store.reset();
    this.faults.reset();
    this.log.reset();
  }

  @Get('settings')
  settings(): FakeSettings {
    return this.store.settings;
  }

  @Put('settings')
  updateSettings(@Body() body: unknown): FakeSettings {
    return this.store.updateSettings(body);
  }

  @Get('requests')
  requests(@Query() query: unknown): { requests: FakeRequestRecord[] } {
    return { requests: this.log.list(requestLogFilterSchema.parse(query)) };
  }

  @Delete('requests')
  @HttpCode(204)
  clearRequests(): void {
    this.log.clear();
  }

  @Get('counters')
  counters(): ReturnType<RequestLog['counters']> {
    return this.log.counters();
  }

  /** Every Bitbucket route the fake serves, as Express registered it (`METHOD /path/:param/*wildcard`). */
  @Get('routes')
  routes(): { routes: string[] } {
    const app = this.adapter.httpAdapter.getInstance<ExpressWithRouter>();
    const routes = app.router.stack.flatMap((layer) =>
      layer.route === undefined
        ? []
        : Object.keys(layer.route.methods)
            .filter((method) => method !== '_all')
            .map((method) => `${method.toUpperCase()} ${layer.route?.path ?? ''}`),
    );
    return { routes: routes.filter((route) => /^\S+ \/(2\.0|rest|site)\//.test(route)) };
  }

  /** Expires every OAuth access token issued so far, so tests can make a token die between two calls. */
  @Post('oauth/expire-tokens')
  expireTokens(): { expired: number } {
    return { expired: this.store.oauthTokens.expireAll() };
  }

  @Get('credentials')
  credentials(): typeof SEED_CREDENTIALS {
    return SEED_CREDENTIALS;
  }
}
