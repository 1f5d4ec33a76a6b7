import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenApiContract } from './openapi-contract';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;
}

interface SubsetFile {
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  'x-not-in-published-spec': { method: string; path: string }[];
}

function subsetFile(flavor: 'cloud' | 'datacenter'): SubsetFile {
  return JSON.parse(readFileSync(join(__dirname, 'schemas', `${flavor}-openapi-subset.json`), 'utf8')) as SubsetFile;
}

const cloud = OpenApiContract.load('cloud');
const datacenter = OpenApiContract.load('datacenter');
const lenientDatacenter = OpenApiContract.load('datacenter', { nullForOptionalProperties: true });

const DC_REPO = '/api/latest/projects/{projectKey}/repos/{repositorySlug}';
const CLOUD_REPO = '/repositories/{workspace}/{repo_slug}';

describe('OpenApiContract: the vendored subsets', () => {
  it.each(['cloud', 'datacenter'] as const)('%s: lists its operations and what the published spec lacks', (flavor) => {
    const contract = flavor === 'cloud' ? cloud : datacenter;
    const file = subsetFile(flavor);
    const operations = contract.operations();
    expect(operations.length).toBe(Object.values(file.paths).reduce((n, item) => n + Object.keys(item).length, 0));
    expect(operations.length).toBeGreaterThan(50);
    const skipped = flavor === 'cloud' ? '/user/workspaces' : '/search/latest/search';
    expect(file['x-not-in-published-spec'].map((op) => op.path)).toEqual([skipped]);
    expect(operations.some((op) => op.specPath === skipped)).toBe(false);
  });

  it.each(['cloud', 'datacenter'] as const)('%s: every response and request body schema compiles', (flavor) => {
    const contract = flavor === 'cloud' ? cloud : datacenter;
    for (const [specPath, item] of Object.entries(subsetFile(flavor).paths)) {
      // A concrete path for the template: params become one segment each (`diff{path}` takes its own slash).
      const concrete = specPath.replace(/([^/])\{path\}/, '$1/x').replace(/\{[^}]+\}/g, 'x');
      const urlPath = flavor === 'cloud' ? `/2.0${concrete}` : `/rest${concrete}`;
      for (const [method, operation] of Object.entries(item)) {
        expect(contract.matchOperation(method, urlPath)).toEqual({ specPath, method: method.toUpperCase() });
        for (const status of Object.keys(operation.responses)) {
          const numeric = /^\d+$/.test(status) ? Number(status) : 599;
          expect(() =>
            contract.validateResponse({ method, urlPath, status: numeric, contentType: 'application/json', body: {} }),
          ).not.toThrow();
        }
        expect(() =>
          contract.validateRequestBody({ method, urlPath, contentType: 'application/json', body: {} }),
        ).not.toThrow();
      }
    }
  });
});

describe('OpenApiContract.matchOperation', () => {
  it.each([
    ['GET', '/2.0/repositories/acme/payments-api/pullrequests/3', `${CLOUD_REPO}/pullrequests/{pull_request_id}`],
    ['get', '/2.0/repositories/acme/payments-api/pullrequests?state=OPEN&page=2', `${CLOUD_REPO}/pullrequests`],
    ['GET', '/2.0/repositories/acme/payments-api', CLOUD_REPO],
    ['GET', '/2.0/repositories/%7Bws-uuid%7D/%7Brepo-uuid%7D', CLOUD_REPO],
    [
      'DELETE',
      '/2.0/repositories/acme/payments-api/refs/branches/feature%2Fcheckout',
      `${CLOUD_REPO}/refs/branches/{name}`,
    ],
    ['GET', '/2.0/repositories/acme/payments-api/src', `${CLOUD_REPO}/src`],
    ['GET', '/2.0/repositories/acme/payments-api/src/main/', `${CLOUD_REPO}/src/{commit}/{path}`],
    ['GET', '/2.0/repositories/acme/payments-api/src/9f1c2e/src/app/main.ts', `${CLOUD_REPO}/src/{commit}/{path}`],
    ['GET', '/2.0/repositories/acme/payments-api/diff/acme/payments-api:9f1c2e%0D3d4e5f', `${CLOUD_REPO}/diff/{spec}`],
    [
      'GET',
      '/2.0/repositories/acme/payments-api/pipelines/%7Bp%7D/steps/%7Bs%7D/log',
      `${CLOUD_REPO}/pipelines/{pipeline_uuid}/steps/{step_uuid}/log`,
    ],
    ['GET', '/2.0/users/%7Buser-uuid%7D', '/users/{selected_user}'],
  ])('cloud %s %s -> %s', (method, urlPath, specPath) => {
    expect(cloud.matchOperation(method, urlPath)).toEqual({ specPath, method: method.toUpperCase() });
  });

  it.each([
    [
      'GET',
      '/rest/api/latest/projects/PLAT/repos/payments-api/pull-requests/3',
      `${DC_REPO}/pull-requests/{pullRequestId}`,
    ],
    [
      'GET',
      '/rest/api/1.0/projects/PLAT/repos/payments-api/pull-requests/3',
      `${DC_REPO}/pull-requests/{pullRequestId}`,
    ],
    [
      'GET',
      '/rest/api/1.0/projects/PLAT/repos/payments-api/pull-requests/3.diff',
      `${DC_REPO}/pull-requests/{pullRequestId}.diff`,
    ],
    [
      'GET',
      '/rest/api/1.0/projects/PLAT/repos/payments-api/pull-requests/3/diff/src/app/main.ts',
      `${DC_REPO}/pull-requests/{pullRequestId}/diff/{path}`,
    ],
    ['GET', '/rest/api/1.0/projects/PLAT/repos/payments-api/browse', `${DC_REPO}/browse`],
    [
      'GET',
      '/rest/api/1.0/projects/PLAT/repos/payments-api/browse/src/app/main.ts?at=refs%2Fheads%2Fmain',
      `${DC_REPO}/browse/{path}`,
    ],
    ['GET', '/rest/api/latest/projects/PLAT/repos/payments-api/raw/docs/guide/README.md', `${DC_REPO}/raw/{path}`],
    ['GET', '/rest/api/latest/projects/PLAT/repos/payments-api/files', `${DC_REPO}/files`],
    ['GET', '/rest/api/latest/projects/PLAT/repos/payments-api/files/src/app', `${DC_REPO}/files/{path}`],
    [
      'GET',
      '/rest/api/latest/projects/PLAT/repos/payments-api/compare/diff/src/app/main.ts',
      `${DC_REPO}/compare/diff{path}`,
    ],
    ['GET', '/rest/api/latest/projects/PLAT/repos/payments-api/compare/diff', `${DC_REPO}/compare/diff{path}`],
    [
      'GET',
      '/rest/api/latest/projects/PLAT/repos/payments-api/commits/9f1c2e/diff/src/a.ts',
      `${DC_REPO}/commits/{commitId}/diff/{path}`,
    ],
    ['GET', '/rest/api/latest/projects/PLAT/repos/payments-api/branches/default', `${DC_REPO}/branches/default`],
    [
      'DELETE',
      '/rest/branch-utils/latest/projects/PLAT/repos/payments-api/branches',
      '/branch-utils/latest/projects/{projectKey}/repos/{repositorySlug}/branches',
    ],
    ['POST', '/rest/build-status/1.0/commits/9f1c2e', '/build-status/latest/commits/{commitId}'],
    [
      'PUT',
      '/rest/api/1.0/projects/PLAT/repos/payments-api/pull-requests/3/participants/jdoe',
      `${DC_REPO}/pull-requests/{pullRequestId}/participants/{userSlug}`,
    ],
  ])('datacenter %s %s -> %s', (method, urlPath, specPath) => {
    expect(datacenter.matchOperation(method, urlPath)).toEqual({ specPath, method });
  });

  it.each([
    ['cloud', 'GET', '/repositories/acme/payments-api'],
    ['cloud', 'GET', '/2.0/snippets/acme'],
    ['cloud', 'PATCH', '/2.0/repositories/acme/payments-api'],
    ['cloud', 'GET', '/2.0/user/workspaces'],
    ['datacenter', 'GET', '/rest/api/2.0/projects'],
    ['datacenter', 'PUT', '/rest/api/latest/projects/PLAT/repos/payments-api/pull-requests/3.diff'],
    ['datacenter', 'POST', '/rest/search/latest/search'],
  ] as const)('%s finds nothing for %s %s', (flavor, method, urlPath) => {
    expect((flavor === 'cloud' ? cloud : datacenter).matchOperation(method, urlPath)).toBeUndefined();
  });

  it('prefers literal segments over params, and params over a multi-segment {path}', () => {
    const response = { '200': { description: 'ok' } };
    const contract = OpenApiContract.fromDocument('cloud', {
      paths: {
        '/files/{path}': { get: { responses: response } },
        '/files/{name}/meta': { get: { responses: response } },
        '/files/readme/meta': { get: { responses: response } },
        '/items/{id}': { get: { responses: response } },
        '/items/{id}.json': { get: { responses: response } },
      },
    });
    const specPathOf = (urlPath: string): string | undefined => contract.matchOperation('GET', urlPath)?.specPath;
    expect(specPathOf('/2.0/files/readme/meta')).toBe('/files/readme/meta');
    expect(specPathOf('/2.0/files/app/meta')).toBe('/files/{name}/meta');
    expect(specPathOf('/2.0/files/app/lib/meta')).toBe('/files/{path}');
    expect(specPathOf('/2.0/items/7.json')).toBe('/items/{id}.json');
    expect(specPathOf('/2.0/items/7')).toBe('/items/{id}');
  });
});

describe('OpenApiContract.validateResponse', () => {
  const repoPath = '/rest/api/1.0/projects/PRJ/repos/my-repo1-slug';
  const approvePath = '/2.0/repositories/acme/payments-api/pullrequests/3/approve';

  it('passes recorded bodies', () => {
    expect(
      cloud.validateResponse({
        method: 'POST',
        urlPath: approvePath,
        status: 200,
        contentType: 'application/json',
        body: fixture('cloud-participant-approve.json'),
      }),
    ).toEqual([]);
    expect(
      datacenter.validateResponse({
        method: 'GET',
        urlPath: repoPath,
        status: 200,
        contentType: 'application/json;charset=UTF-8',
        body: fixture('dc-repository.json'),
      }),
    ).toEqual([]);
  });

  it('names the JSON pointer and the problem of a mutated body', () => {
    const repository = fixture('dc-repository.json');
    const project = repository.project as Record<string, unknown>;
    const mutated = { ...repository, slug: 42, project: { ...project, type: 'SHARED' } };
    expect(
      datacenter.validateResponse({
        method: 'GET',
        urlPath: repoPath,
        status: 200,
        contentType: 'application/json',
        body: mutated,
      }),
    ).toEqual([
      `GET ${DC_REPO} 200: /project/type must be one of "NORMAL", "PERSONAL"`,
      `GET ${DC_REPO} 200: /slug must be string`,
    ]);

    const { type: _type, ...participant } = fixture('cloud-participant-approve.json');
    expect(
      cloud.validateResponse({
        method: 'POST',
        urlPath: approvePath,
        status: 200,
        contentType: 'application/json',
        body: { ...participant, approved: 'yes' },
      }),
    ).toEqual([
      `POST ${CLOUD_REPO}/pullrequests/{pull_request_id}/approve 200: (root) must have required property 'type'`,
      `POST ${CLOUD_REPO}/pullrequests/{pull_request_id}/approve 200: /approved must be boolean`,
    ]);
  });

  it('rejects a status the operation does not declare, and accepts one a default response covers', () => {
    expect(
      datacenter.validateResponse({ method: 'GET', urlPath: repoPath, status: 418, contentType: undefined, body: '' }),
    ).toEqual([`GET ${DC_REPO} 418: status not declared (declared: 200, 401, 404)`]);
    expect(
      datacenter.validateResponse({
        method: 'GET',
        urlPath: '/rest/api/latest/inbox/pull-requests',
        status: 500,
        contentType: 'application/json;charset=UTF-8',
        body: { anything: true },
      }),
    ).toEqual([]);
  });

  it('reports an operation outside the subset', () => {
    expect(
      cloud.validateResponse({
        method: 'GET',
        urlPath: '/2.0/snippets',
        status: 200,
        contentType: undefined,
        body: '',
      }),
    ).toEqual(['GET /2.0/snippets: no operation of the cloud contract subset matches']);
    expect(
      cloud.validateResponse({ method: 'PATCH', urlPath: approvePath, status: 200, contentType: undefined, body: '' }),
    ).toEqual([
      `PATCH ${approvePath}: ${CLOUD_REPO}/pullrequests/{pull_request_id}/approve has no PATCH in the cloud contract subset (it has DELETE, POST)`,
    ]);
  });

  it('recognises declared non-JSON content and rejects an undeclared content type', () => {
    const diffPath = '/rest/api/latest/projects/PRJ/repos/my-repo1-slug/pull-requests/3.diff';
    const diff = { method: 'GET', urlPath: diffPath, status: 200, body: 'diff --git a/x b/x\n' };
    expect(datacenter.validateResponse({ ...diff, contentType: 'text/plain;charset=UTF-8' })).toEqual([]);
    expect(datacenter.validateResponse({ ...diff, contentType: 'application/json' })).toEqual([
      `GET ${DC_REPO}/pull-requests/{pullRequestId}.diff 200: content type application/json not declared (declared: text/plain)`,
    ]);
    expect(datacenter.validateResponse({ ...diff, contentType: undefined })).toEqual([
      `GET ${DC_REPO}/pull-requests/{pullRequestId}.diff 200: no Content-Type (declared: text/plain)`,
    ]);
  });

  it('accepts a response whose declaration carries no content', () => {
    const urlPath = '/rest/api/latest/projects/PRJ/repos/my-repo1-slug/pull-requests/3';
    expect(
      datacenter.validateResponse({ method: 'DELETE', urlPath, status: 204, contentType: undefined, body: undefined }),
    ).toEqual([]);
  });

  it('treats null in an enum as nullable (the Cloud spec marks participant state so)', () => {
    const body = { ...fixture('cloud-participant-approve.json'), state: null, approved: false };
    expect(
      cloud.validateResponse({
        method: 'POST',
        urlPath: approvePath,
        status: 200,
        contentType: 'application/json',
        body,
      }),
    ).toEqual([]);
  });

  it('accepts null for unrequired properties only when asked to (both specs omit nullable, both APIs send null)', () => {
    const notFound = {
      method: 'GET',
      urlPath: '/rest/api/latest/projects/TES/repos/dev/pull-requests/101',
      status: 404,
      contentType: 'application/json',
      body: fixture('dc-pull-request-not-exist.json'),
    };
    expect(datacenter.validateResponse(notFound)).toEqual([
      `GET ${DC_REPO}/pull-requests/{pullRequestId} 404: /errors/0/context must be string`,
    ]);
    expect(lenientDatacenter.validateResponse(notFound)).toEqual([]);
    const wrongType = { ...notFound, body: { errors: [{ context: 7, message: 'x' }] } };
    expect(lenientDatacenter.validateResponse(wrongType)).toEqual([
      `GET ${DC_REPO}/pull-requests/{pullRequestId} 404: /errors/0/context must be string,null`,
    ]);
  });
});

describe('OpenApiContract: nullable and closed objects', () => {
  const document = {
    paths: {
      '/things/{id}': {
        get: {
          responses: {
            '200': {
              description: 'A thing.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        thing: {
          allOf: [
            { $ref: '#/components/schemas/base' },
            {
              type: 'object',
              additionalProperties: false,
              properties: {
                name: { type: 'string', nullable: true },
                kind: { type: 'string', enum: ['a', 'b'], nullable: true },
                owner: { $ref: '#/components/schemas/owner', nullable: true },
                size: { type: 'integer' },
              },
            },
          ],
        },
        base: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
        owner: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      },
    },
  };
  const request = { method: 'GET', urlPath: '/2.0/things/1', status: 200, contentType: 'application/json' };

  it('honours nullable: true on typed properties, enums and $refs', () => {
    const strict = OpenApiContract.fromDocument('cloud', document, { undocumentedProperties: true });
    expect(strict.validateResponse({ ...request, body: { type: 't', name: null, kind: null, owner: null } })).toEqual(
      [],
    );
    expect(strict.validateResponse({ ...request, body: { type: 't', size: null } })).toEqual([
      'GET /things/{id} 200: /size must be integer',
    ]);
    expect(strict.validateResponse({ ...request, body: { type: 't', kind: 'c', owner: { id: 'x' } } })).toEqual([
      'GET /things/{id} 200: /kind must be one of "a", "b", null',
      'GET /things/{id} 200: /owner/id must be integer',
    ]);
  });

  it('applies additionalProperties: false as published unless told the API sends undocumented properties', () => {
    const body = { type: 't', name: 'n', extra: 1 };
    const asPublished = OpenApiContract.fromDocument('cloud', document);
    expect(asPublished.validateResponse({ ...request, body })).toEqual([
      "GET /things/{id} 200: (root) must NOT have additional property 'type'",
      "GET /things/{id} 200: (root) must NOT have additional property 'extra'",
    ]);
    const lenient = OpenApiContract.fromDocument('cloud', document, { undocumentedProperties: true });
    expect(lenient.validateResponse({ ...request, body })).toEqual([]);
  });
});

describe('OpenApiContract.validateRequestBody', () => {
  const createPath = '/rest/api/latest/projects/PLAT/repos/payments-api/pull-requests';

  it('checks the body our gateway sends', () => {
    const body = {
      title: 'Add retries',
      description: 'Retries failed webhooks.',
      fromRef: { id: 'refs/heads/feature/retries' },
      toRef: { id: 'refs/heads/main' },
      reviewers: [{ user: { name: 'jdoe' } }],
    };
    expect(
      datacenter.validateRequestBody({ method: 'POST', urlPath: createPath, contentType: 'application/json', body }),
    ).toEqual([]);
    expect(
      datacenter.validateRequestBody({
        method: 'POST',
        urlPath: createPath,
        contentType: 'application/json',
        body: { ...body, title: 5 },
      }),
    ).toEqual([`POST ${DC_REPO}/pull-requests request body: /title must be string`]);
  });

  it('rejects a body on an operation that declares none', () => {
    expect(
      datacenter.validateRequestBody({
        method: 'GET',
        urlPath: '/rest/api/latest/projects',
        contentType: 'application/json',
        body: { name: 'PLAT' },
      }),
    ).toEqual(['GET /api/latest/projects request body: the operation declares none']);
  });
});
