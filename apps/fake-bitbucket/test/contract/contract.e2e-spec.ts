import { basicAuth, FakeBitbucketProcess } from '@app/testing';
import { CLOUD_ACCOUNT_CASES } from './cases/cloud-account.contract-cases';
import { CLOUD_CODE_CASES } from './cases/cloud-code.contract-cases';
import { CLOUD_REVIEW_CASES } from './cases/cloud-review.contract-cases';
import { DATACENTER_ACCOUNT_CASES } from './cases/datacenter-account.contract-cases';
import { DATACENTER_CODE_CASES } from './cases/datacenter-code.contract-cases';
import { DATACENTER_REVIEW_CASES } from './cases/datacenter-review.contract-cases';
import type { ContractCaller, ContractCase } from './contract-case';
import { OpenApiContract } from './openapi-contract';

/**
 * The fake's contract suite: every case is sent over a real socket to the built fake, and each
 * response is validated against the operation's schema in the vendored subset of Atlassian's
 * published specs. The lists run in order on a freshly reset dataset each.
 */
const CASE_LISTS: Readonly<Record<string, readonly ContractCase[]>> = {
  'cloud account': CLOUD_ACCOUNT_CASES,
  'cloud code': CLOUD_CODE_CASES,
  'cloud review': CLOUD_REVIEW_CASES,
  'datacenter account': DATACENTER_ACCOUNT_CASES,
  'datacenter code': DATACENTER_CODE_CASES,
  'datacenter review': DATACENTER_REVIEW_CASES,
};

const CALLERS: Readonly<Record<ContractCaller, Record<string, string>>> = {
  'cloud-alice': { Authorization: basicAuth('alice@acme.example', 'ATATT-fake-alice') },
  'cloud-bob': { Authorization: basicAuth('bob@acme.example', 'ATATT-fake-bob') },
  'cloud-carol': { Authorization: basicAuth('carol@acme.example', 'ATATT-fake-carol') },
  'cloud-erin': { Authorization: basicAuth('erin@acme.example', 'ATATT-fake-erin') },
  'cloud-access-token': { Authorization: 'Bearer fake-cloud-access-token-acme' },
  'dc-alice': { Authorization: basicAuth('alice', 'alice-password') },
  'dc-bob': { Authorization: basicAuth('bob', 'bob-password') },
  'dc-carol': { Authorization: basicAuth('carol', 'carol-password') },
  'dc-erin': { Authorization: basicAuth('erin', 'erin-password') },
  none: {},
};

// Where the published specs disagree with the real APIs (see schemas/README.md): reported, not failed.
const KNOWN_SPEC_GAPS: readonly [RegExp, string][] = [
  [
    /links\/clone\/\d+\/href must match format "uri"/,
    'ssh clone links (git@host:path) are not URIs, on the real API too',
  ],
  [/content type .+ not declared/, 'raw bodies (files, diffs, logs) the spec only declares as JSON or not at all'],
  [
    /merge_strategies\/\d+ must be one of/,
    'branch merge_strategies: the published copy predates squash_fast_forward, rebase_fast_forward, rebase_merge',
  ],
  [/ 30[12]: status not declared/, 'redirects the real API sends (src root to the main branch) but the spec omits'],
  [
    /\/anchor\/path must be object/,
    'Data Center comment anchor path: a string on the real API, a Path object in the spec',
  ],
];

type Flavor = 'cloud' | 'datacenter';
const flavorOf = (path: string): Flavor => (path.startsWith('/rest/') ? 'datacenter' : 'cloud');
const contracts: Record<Flavor, OpenApiContract> = {
  cloud: OpenApiContract.load('cloud', { nullForOptionalProperties: true, undocumentedProperties: true }),
  datacenter: OpenApiContract.load('datacenter', { nullForOptionalProperties: true, undocumentedProperties: true }),
};
const covered: Record<Flavor, Set<string>> = { cloud: new Set(), datacenter: new Set() };
const gaps = new Map<string, number>();
const sentPaths: string[] = [];

/** An error answer on a status the operation does not declare still has to be the flavor's error body. */
function checkUndeclaredError(flavor: Flavor, label: string, body: unknown): string[] {
  if (flavor === 'cloud') return contracts.cloud.validateComponent('error', body, label);
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return [`${label}: not a Data Center error body`];
  return errors.flatMap((error) => contracts.datacenter.validateComponent('RestErrorMessage', error, label));
}

async function send(fake: FakeBitbucketProcess, testCase: ContractCase): Promise<string[]> {
  const headers: Record<string, string> = { ...CALLERS[testCase.caller], ...(testCase.headers ?? {}) };
  let body: string | undefined;
  if (testCase.body !== undefined) {
    const form = testCase.bodyType === 'form';
    headers['Content-Type'] = form ? 'application/x-www-form-urlencoded' : 'application/json';
    body = form
      ? new URLSearchParams(testCase.body as Record<string, string>).toString()
      : JSON.stringify(testCase.body);
  }
  const res = await fetch(`${fake.url}${testCase.path}`, {
    method: testCase.method,
    headers,
    body,
    redirect: 'manual',
  });
  const contentType = res.headers.get('content-type') ?? undefined;
  const text = await res.text();
  if (res.status !== testCase.expectStatus) {
    return [`expected status ${testCase.expectStatus}, got ${res.status}: ${text.slice(0, 300)}`];
  }
  const urlPath = testCase.path.split('?', 1)[0] ?? testCase.path;
  sentPaths.push(`${testCase.method} ${urlPath}`);
  if (urlPath.startsWith('/site/')) return [];
  const flavor = flavorOf(urlPath);
  const operation = contracts[flavor].matchOperation(testCase.method, urlPath);
  if (operation !== undefined) covered[flavor].add(`${operation.method} ${operation.specPath}`);
  const parsed: unknown = contentType?.includes('json') === true && text !== '' ? JSON.parse(text) : text;
  const problems: string[] = [];
  const noteGap = (gap: string): void => {
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  };
  for (const violation of contracts[flavor].validateResponse({
    method: testCase.method,
    urlPath,
    status: res.status,
    contentType,
    body: parsed,
  })) {
    const gap = KNOWN_SPEC_GAPS.find(([pattern]) => pattern.test(violation));
    if (gap !== undefined) {
      noteGap(gap[1]);
    } else if (violation.includes('status not declared') && res.status >= 400) {
      noteGap('error statuses the operation does not declare (body checked against the error schema)');
      problems.push(...checkUndeclaredError(flavor, violation.split(':', 1)[0] ?? '', parsed));
    } else if (/no operation of the \w+ contract subset matches/.test(violation)) {
      noteGap('operations absent from the published spec (no schema to check)');
    } else {
      problems.push(violation);
    }
  }
  return problems;
}

/** `GET /2.0/repositories/:workspace/*path` → a regular expression matching concrete paths. */
function routePattern(route: string): RegExp {
  const [method = '', path = ''] = route.split(' ', 2);
  const body = path
    .split('/')
    .map((segment) =>
      segment.startsWith('*') ? '.+' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.]/g, '\\.'),
    )
    .join('/');
  return new RegExp(`^${method} ${body}$`);
}

describe('fake Bitbucket contract against the published OpenAPI specs', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await fake.stop();
    const total = (flavor: Flavor): number => contracts[flavor].operations().length;
    console.log(
      [
        `Contract coverage: Cloud ${covered.cloud.size} of ${total('cloud')} vendored operations, Data Center ${covered.datacenter.size} of ${total('datacenter')}.`,
        ...[...gaps].map(([gap, count]) => `  known spec gap, ${count}×: ${gap}`),
      ].join('\n'),
    );
  });

  for (const [list, cases] of Object.entries(CASE_LISTS)) {
    describe(list, () => {
      beforeAll(async () => {
        await fake.reset();
      });

      for (const testCase of cases) {
        it(`${testCase.method} ${testCase.path} (${testCase.name})`, async () => {
          expect(await send(fake, testCase)).toEqual([]);
        });
      }
    });
  }

  it('covers every operation of both vendored spec subsets', () => {
    const uncovered = (flavor: Flavor): string[] =>
      contracts[flavor]
        .operations()
        .map((operation) => `${operation.method} ${operation.specPath}`)
        .filter((operation) => !covered[flavor].has(operation));
    expect({ cloud: uncovered('cloud'), datacenter: uncovered('datacenter') }).toEqual({ cloud: [], datacenter: [] });
  });

  it('exercises every route the fake serves', async () => {
    const { routes } = (await fake.admin('GET', 'routes')) as { routes: string[] };
    // /rest/api/1.0 is the same API as /rest/api/latest: a case through either covers both.
    const sent = sentPaths.map((entry) => entry.replace('/rest/api/1.0/', '/rest/api/latest/'));
    const unexercised = routes
      .map((route) => route.replace('/rest/api/1.0/', '/rest/api/latest/').replace('/1.0/', '/latest/'))
      .filter((route) => !sent.some((entry) => routePattern(route).test(entry)));
    expect([...new Set(unexercised)]).toEqual([]);
  });
});
