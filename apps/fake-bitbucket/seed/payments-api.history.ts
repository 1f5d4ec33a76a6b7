import type { RepositoryBuilder } from './repository-builder';
import { tinyPng } from './tiny-png';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

/** payment.service.ts grows method by method, so every commit has a real, readable diff. */
function paymentService(methods: readonly string[], currencyImport = false): string {
  return lines(
    "import { randomUUID } from 'node:crypto';",
    ...(currencyImport ? ["import { convert, type Currency } from './currency';"] : []),
    "import type { Payment, PaymentRequest } from './payment';",
    '',
    'export class PaymentService {',
    '  private readonly payments = new Map<string, Payment>();',
    '',
    methods.join('\n\n'),
    '}',
  );
}

const CREATE = [
  '  create(request: PaymentRequest): Payment {',
  '    if (request.amountMinor <= 0) {',
  "      throw new RangeError('amount must be positive');",
  '    }',
  "    const payment: Payment = { id: randomUUID(), ...request, status: 'pending', createdAt: new Date() };",
  '    this.payments.set(payment.id, payment);',
  '    return payment;',
  '  }',
].join('\n');
const FIND = ['  find(id: string): Payment | undefined {', '    return this.payments.get(id);', '  }'].join('\n');
const CAPTURE = [
  '  capture(id: string): Payment {',
  '    const payment = this.require(id);',
  "    if (payment.status !== 'pending') {",
  '      throw new Error(`payment ${id} is ${payment.status}`);',
  '    }',
  "    payment.status = 'captured';",
  '    return payment;',
  '  }',
].join('\n');
const REQUIRE = [
  '  private require(id: string): Payment {',
  '    const payment = this.payments.get(id);',
  '    if (payment === undefined) {',
  '      throw new Error(`unknown payment ${id}`);',
  '    }',
  '    return payment;',
  '  }',
].join('\n');
const LIST = [
  "  list(status?: Payment['status']): Payment[] {",
  '    const all = [...this.payments.values()];',
  '    return status === undefined ? all : all.filter((p) => p.status === status);',
  '  }',
].join('\n');
const CONVERT = [
  '  amountIn(id: string, currency: Currency): number {',
  '    const payment = this.require(id);',
  '    return convert(payment.amountMinor, payment.currency, currency);',
  '  }',
].join('\n');
const CANCEL = [
  '  cancel(id: string): Payment {',
  '    const payment = this.require(id);',
  "    if (payment.status === 'captured') {",
  "      throw new Error('a captured payment is refunded, not cancelled');",
  '    }',
  "    payment.status = 'cancelled';",
  '    return payment;',
  '  }',
].join('\n');

const PAYMENT_MODEL = (statuses: string): string =>
  lines(
    `export type PaymentStatus = ${statuses};`,
    '',
    'export interface PaymentRequest {',
    '  readonly merchantId: string;',
    '  readonly amountMinor: number;',
    '  readonly currency: string;',
    '  readonly reference?: string;',
    '}',
    '',
    'export interface Payment extends PaymentRequest {',
    '  readonly id: string;',
    '  status: PaymentStatus;',
    '  readonly createdAt: Date;',
    '}',
  );

const CURRENCY = (rates: readonly [string, number][]): string =>
  lines(
    `export type Currency = ${rates.map(([code]) => `'${code}'`).join(' | ')};`,
    '',
    '/** Rates against EUR, refreshed nightly by the treasury job. */',
    'const RATES: Record<Currency, number> = {',
    ...rates.map(([code, rate]) => `  ${code}: ${rate},`),
    '};',
    '',
    'export function convert(amountMinor: number, from: string, to: Currency): number {',
    '  const rate = RATES[from as Currency];',
    '  if (rate === undefined) {',
    '    throw new Error(`no rate for ${from}`);',
    '  }',
    '  return Math.round((amountMinor / rate) * RATES[to]);',
    '}',
  );

const README = (sections: readonly string[]): string =>
  lines(
    '# payments-api',
    '',
    'Card and bank-transfer payments for Acme merchants: create, capture, cancel and refund payments.',
    '',
    ...sections,
  );

const PIPELINES = (steps: readonly string[]): string =>
  lines(
    'image: node:24',
    '',
    'pipelines:',
    '  default:',
    ...steps.flatMap((step) => [
      `    - step:`,
      `        name: ${step}`,
      '        script:',
      `          - npm run ${step.toLowerCase()}`,
    ]),
    '  custom:',
    '    deploy-to-staging:',
    '      - step:',
    '          name: Deploy',
    '          deployment: staging',
    '          script:',
    '            - ./scripts/deploy.sh staging',
  );

/** payments-api: the busiest repository: 30+ commits on main, feature branches behind the seeded pull requests. */
export function writePaymentsApiHistory(repo: RepositoryBuilder): void {
  repo.commit('main', 'alice', 'Initial commit', {
    'README.md': README([]),
    '.gitignore': lines('node_modules/', 'dist/', 'coverage/'),
    'package.json': lines(
      '{',
      '  "name": "payments-api",',
      '  "version": "0.1.0",',
      '  "private": true,',
      '  "scripts": { "build": "tsc", "test": "node --test", "lint": "eslint ." }',
      '}',
    ),
  });
  repo.commit('main', 'alice', 'Add payment model and service skeleton', {
    'src/payments/payment.ts': PAYMENT_MODEL("'pending' | 'captured'"),
    'src/payments/payment.service.ts': paymentService([CREATE, FIND]),
  });
  repo.commit('main', 'bob', 'Add capture with status check', {
    'src/payments/payment.service.ts': paymentService([CREATE, FIND, CAPTURE, REQUIRE]),
  });
  repo.commit('main', 'bob', 'Add HTTP server entry point', {
    'src/server.ts': lines(
      "import { createServer } from 'node:http';",
      "import { PaymentService } from './payments/payment.service';",
      '',
      'const payments = new PaymentService();',
      '',
      'export const server = createServer((req, res) => {',
      "  res.setHeader('content-type', 'application/json');",
      "  if (req.method === 'GET' && req.url === '/health') {",
      "    res.end(JSON.stringify({ status: 'ok' }));",
      '    return;',
      '  }',
      '  res.statusCode = 404;',
      "  res.end(JSON.stringify({ error: 'not found', payments: payments.list().length }));",
      '});',
    ),
  });
  repo.commit('main', 'alice', 'List payments by status', {
    'src/payments/payment.service.ts': paymentService([CREATE, FIND, LIST, CAPTURE, REQUIRE]),
  });
  repo.commit('main', 'carol', 'Add unit tests for the payment service', {
    'test/payment.service.test.ts': lines(
      "import assert from 'node:assert/strict';",
      "import { test } from 'node:test';",
      "import { PaymentService } from '../src/payments/payment.service';",
      '',
      "test('creates a pending payment', () => {",
      "  const payment = new PaymentService().create({ merchantId: 'm1', amountMinor: 1250, currency: 'EUR' });",
      "  assert.equal(payment.status, 'pending');",
      '});',
      '',
      "test('refuses a zero amount', () => {",
      "  assert.throws(() => new PaymentService().create({ merchantId: 'm1', amountMinor: 0, currency: 'EUR' }));",
      '});',
    ),
  });
  repo.commit('main', 'alice', 'Add Bitbucket Pipelines configuration', {
    'bitbucket-pipelines.yml': PIPELINES(['Lint', 'Test']),
  });
  repo.commit('main', 'erin', 'Document the API in the README', {
    'README.md': README([
      '## Endpoints',
      '',
      '| method | path | what |',
      '|---|---|---|',
      '| POST | /payments | create a payment |',
      '| POST | /payments/{id}/capture | capture it |',
      '| GET | /payments?status= | list payments |',
    ]),
  });
  repo.commit('main', 'bob', 'Add the merchant logo used on receipts', {
    'assets/logo.png': tinyPng(16, 16, [12, 82, 204]),
  });
  repo.commit('main', 'dave', 'Add cancel for uncaptured payments', {
    'src/payments/payment.ts': PAYMENT_MODEL("'pending' | 'captured' | 'cancelled'"),
    'src/payments/payment.service.ts': paymentService([CREATE, FIND, LIST, CAPTURE, CANCEL, REQUIRE]),
  });
  repo.commit('main', 'ci-bot', 'Build step in pipelines', {
    'bitbucket-pipelines.yml': PIPELINES(['Lint', 'Test', 'Build']),
  });
  repo.tag('v0.1.0', 'main', 'First release: create, capture, cancel', 'alice');

  // feature/currency → pull request #1, merged.
  repo.branch('feature/currency', 'main');
  repo.commit('feature/currency', 'bob', 'Add currency table and conversion', {
    'src/payments/currency.ts': CURRENCY([
      ['EUR', 1],
      ['USD', 1.08],
      ['GBP', 0.85],
    ]),
  });
  repo.commit('feature/currency', 'bob', 'Expose amounts in another currency', {
    'src/payments/payment.service.ts': paymentService([CREATE, FIND, LIST, CAPTURE, CANCEL, CONVERT, REQUIRE], true),
  });
  repo.commit('feature/currency', 'bob', 'Add CHF and JPY rates', {
    'src/payments/currency.ts': CURRENCY([
      ['EUR', 1],
      ['USD', 1.08],
      ['GBP', 0.85],
      ['CHF', 0.96],
      ['JPY', 162.4],
    ]),
  });
  repo.merge(
    'main',
    'feature/currency',
    'alice',
    'Merged in feature/currency (pull request #1)\n\nAdd currency conversion',
  );

  // feature/float-amounts → pull request #2, declined.
  repo.branch('feature/float-amounts', 'main');
  repo.commit('feature/float-amounts', 'dave', 'Store amounts as floating point numbers', {
    'src/payments/payment.ts': PAYMENT_MODEL("'pending' | 'captured' | 'cancelled'").replace(
      'readonly amountMinor: number;',
      'readonly amount: number; // major units, e.g. 12.50',
    ),
  });

  repo.commit('main', 'carol', 'Validate currency codes on create', {
    'src/payments/payment.service.ts': paymentService(
      [
        CREATE.replace(
          '    const payment: Payment',
          "    if (!/^[A-Z]{3}$/.test(request.currency)) {\n      throw new RangeError('currency must be an ISO 4217 code');\n    }\n    const payment: Payment",
        ),
        FIND,
        LIST,
        CAPTURE,
        CANCEL,
        CONVERT,
        REQUIRE,
      ],
      true,
    ),
  });
  repo.commit('main', 'erin', 'Add the API guide', {
    'docs/api.md': lines(
      '# API guide',
      '',
      '## Creating a payment',
      '',
      'POST /payments with `merchantId`, `amountMinor` (integer, minor units) and an ISO 4217 `currency`.',
      '',
      '## Capturing',
      '',
      'A pending payment is captured once; capturing twice is an error.',
    ),
  });

  // chore/deps → pull request #7, merged.
  repo.branch('chore/deps', 'main');
  repo.commit('chore/deps', 'ci-bot', 'Bump typescript to 6.0.3 and eslint to 10.15.0', {
    'package.json': lines(
      '{',
      '  "name": "payments-api",',
      '  "version": "0.1.0",',
      '  "private": true,',
      '  "scripts": { "build": "tsc", "test": "node --test", "lint": "eslint ." },',
      '  "devDependencies": { "eslint": "10.15.0", "typescript": "6.0.3" }',
      '}',
    ),
  });
  repo.merge('main', 'chore/deps', 'alice', 'Merged in chore/deps (pull request #7)\n\nBump dependencies');

  // feature/payouts → pull request #6, superseded.
  repo.branch('feature/payouts', 'main');
  repo.commit('feature/payouts', 'erin', 'Retry failed payouts three times', {
    'src/payouts/payout.retry.ts': lines(
      'export async function withRetry<T>(attempt: () => Promise<T>, times = 3): Promise<T> {',
      '  let last: unknown;',
      '  for (let i = 0; i < times; i += 1) {',
      '    try {',
      '      return await attempt();',
      '    } catch (error) {',
      '      last = error;',
      '    }',
      '  }',
      '  throw last;',
      '}',
    ),
  });

  repo.commit('main', 'alice', 'Log every request with its duration', {
    'src/server.ts': lines(
      "import { createServer } from 'node:http';",
      "import { PaymentService } from './payments/payment.service';",
      '',
      'const payments = new PaymentService();',
      '',
      'export const server = createServer((req, res) => {',
      '  const started = Date.now();',
      "  res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));",
      "  res.setHeader('content-type', 'application/json');",
      "  if (req.method === 'GET' && req.url === '/health') {",
      "    res.end(JSON.stringify({ status: 'ok' }));",
      '    return;',
      '  }',
      '  res.statusCode = 404;',
      "  res.end(JSON.stringify({ error: 'not found', payments: payments.list().length }));",
      '});',
    ),
  });
  repo.commit('main', 'bob', 'Rename server.ts to http-server.ts', undefined, {
    rename: [['src/server.ts', 'src/http-server.ts']],
  });
  repo.commit('main', 'dave', 'Add the webhook handler for card network events', {
    'src/webhooks/webhook.handler.ts': lines(
      "import type { IncomingMessage } from 'node:http';",
      '',
      'export interface WebhookEvent {',
      "  readonly type: 'payment.captured' | 'payment.failed';",
      '  readonly paymentId: string;',
      '}',
      '',
      'export async function readEvent(req: IncomingMessage): Promise<WebhookEvent> {',
      '  const chunks: Buffer[] = [];',
      '  for await (const chunk of req) chunks.push(chunk as Buffer);',
      "  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookEvent;",
      '}',
    ),
  });
  repo.commit('main', 'carol', 'Test cancel and capture transitions', {
    'test/payment.service.test.ts': lines(
      "import assert from 'node:assert/strict';",
      "import { test } from 'node:test';",
      "import { PaymentService } from '../src/payments/payment.service';",
      '',
      "test('creates a pending payment', () => {",
      "  const payment = new PaymentService().create({ merchantId: 'm1', amountMinor: 1250, currency: 'EUR' });",
      "  assert.equal(payment.status, 'pending');",
      '});',
      '',
      "test('refuses a zero amount', () => {",
      "  assert.throws(() => new PaymentService().create({ merchantId: 'm1', amountMinor: 0, currency: 'EUR' }));",
      '});',
      '',
      "test('cannot cancel a captured payment', () => {",
      '  const service = new PaymentService();',
      "  const payment = service.create({ merchantId: 'm1', amountMinor: 990, currency: 'EUR' });",
      '  service.capture(payment.id);',
      '  assert.throws(() => service.cancel(payment.id));',
      '});',
    ),
  });
  repo.tag('v0.2.0', 'main', 'Currencies, webhooks, request logging', 'alice');

  // feature/refunds → pull request #3, open, reviewed.
  repo.branch('feature/refunds', 'main');
  repo.commit('feature/refunds', 'carol', 'Add refund service', {
    'src/refunds/refund.service.ts': lines(
      "import type { PaymentService } from '../payments/payment.service';",
      '',
      'export interface Refund {',
      '  readonly paymentId: string;',
      '  readonly amountMinor: number;',
      '  readonly createdAt: Date;',
      '}',
      '',
      'export class RefundService {',
      '  private readonly refunds: Refund[] = [];',
      '',
      '  constructor(private readonly payments: PaymentService) {}',
      '',
      '  refund(paymentId: string, amountMinor: number): Refund {',
      '    const payment = this.payments.find(paymentId);',
      "    if (payment?.status !== 'captured') {",
      "      throw new Error('only captured payments can be refunded');",
      '    }',
      '    const refund = { paymentId, amountMinor, createdAt: new Date() };',
      '    this.refunds.push(refund);',
      '    return refund;',
      '  }',
      '}',
    ),
  });
  repo.commit('feature/refunds', 'carol', 'Refuse refunds above the captured amount', {
    'src/refunds/refund.service.ts': lines(
      "import type { PaymentService } from '../payments/payment.service';",
      '',
      'export interface Refund {',
      '  readonly paymentId: string;',
      '  readonly amountMinor: number;',
      '  readonly createdAt: Date;',
      '}',
      '',
      'export class RefundService {',
      '  private readonly refunds: Refund[] = [];',
      '',
      '  constructor(private readonly payments: PaymentService) {}',
      '',
      '  refund(paymentId: string, amountMinor: number): Refund {',
      '    const payment = this.payments.find(paymentId);',
      "    if (payment?.status !== 'captured') {",
      "      throw new Error('only captured payments can be refunded');",
      '    }',
      '    const refunded = this.refunds.filter((r) => r.paymentId === paymentId).reduce((sum, r) => sum + r.amountMinor, 0);',
      '    if (refunded + amountMinor > payment.amountMinor) {',
      "      throw new RangeError('refunds cannot exceed the captured amount');",
      '    }',
      '    const refund = { paymentId, amountMinor, createdAt: new Date() };',
      '    this.refunds.push(refund);',
      '    return refund;',
      '  }',
      '}',
    ),
  });
  repo.commit('feature/refunds', 'carol', 'Document refunds', {
    'docs/api.md': lines(
      '# API guide',
      '',
      '## Creating a payment',
      '',
      'POST /payments with `merchantId`, `amountMinor` (integer, minor units) and an ISO 4217 `currency`.',
      '',
      '## Capturing',
      '',
      'A pending payment is captured once; capturing twice is an error.',
      '',
      '## Refunds',
      '',
      'POST /payments/{id}/refunds with `amountMinor`; partial refunds add up to at most the captured amount.',
    ),
  });

  // feature/webhook-signatures → pull request #4, open, changes requested.
  repo.branch('feature/webhook-signatures', 'main');
  repo.commit('feature/webhook-signatures', 'bob', 'Verify webhook signatures with HMAC-SHA256', {
    'src/webhooks/webhook.handler.ts': lines(
      "import { createHmac, timingSafeEqual } from 'node:crypto';",
      "import type { IncomingMessage } from 'node:http';",
      '',
      'export interface WebhookEvent {',
      "  readonly type: 'payment.captured' | 'payment.failed';",
      '  readonly paymentId: string;',
      '}',
      '',
      'export async function readEvent(req: IncomingMessage, secret: string): Promise<WebhookEvent> {',
      '  const chunks: Buffer[] = [];',
      '  for await (const chunk of req) chunks.push(chunk as Buffer);',
      '  const body = Buffer.concat(chunks);',
      "  const expected = createHmac('sha256', secret).update(body).digest();",
      "  const given = Buffer.from(String(req.headers['x-signature'] ?? ''), 'hex');",
      '  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {',
      "    throw new Error('bad signature');",
      '  }',
      "  return JSON.parse(body.toString('utf8')) as WebhookEvent;",
      '}',
    ),
  });

  // feature/idempotency → pull request #5, draft.
  repo.branch('feature/idempotency', 'main');
  repo.commit('feature/idempotency', 'alice', 'WIP: remember idempotency keys for 24 hours', {
    'src/payments/idempotency.ts': lines(
      'const DAY_MS = 86_400_000;',
      '',
      'export class IdempotencyKeys {',
      '  private readonly seen = new Map<string, { paymentId: string; at: number }>();',
      '',
      '  remember(key: string, paymentId: string, now = Date.now()): void {',
      '    this.seen.set(key, { paymentId, at: now });',
      '  }',
      '',
      '  lookup(key: string, now = Date.now()): string | undefined {',
      '    const entry = this.seen.get(key);',
      '    return entry !== undefined && now - entry.at < DAY_MS ? entry.paymentId : undefined;',
      '  }',
      '}',
    ),
  });

  // docs/flow → pull request #8, open, awaiting carol's review.
  repo.branch('docs/flow', 'main');
  repo.commit('docs/flow', 'erin', 'Describe the payment state machine', {
    'docs/flow.md': lines(
      '# Payment flow',
      '',
      '```',
      'pending --capture--> captured --refund--> (partially) refunded',
      'pending --cancel---> cancelled',
      '```',
      '',
      'Every transition is logged with the request id.',
    ),
  });

  repo.commit('main', 'alice', 'Reject captures of cancelled payments explicitly', {
    'src/payments/payment.service.ts': paymentService(
      [
        CREATE.replace(
          '    const payment: Payment',
          "    if (!/^[A-Z]{3}$/.test(request.currency)) {\n      throw new RangeError('currency must be an ISO 4217 code');\n    }\n    const payment: Payment",
        ),
        FIND,
        LIST,
        CAPTURE.replace(
          "if (payment.status !== 'pending') {",
          "if (payment.status === 'cancelled' || payment.status !== 'pending') {",
        ),
        CANCEL,
        CONVERT,
        REQUIRE,
      ],
      true,
    ),
  });
  repo.commit('main', 'dave', 'Add CODEOWNERS', {
    CODEOWNERS: lines('* @alice', 'src/webhooks/ @bob @dave', 'docs/ @erin'),
  });
}
