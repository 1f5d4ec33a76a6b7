import type { Flavor } from '../tool-suite/tool-case';

/** Values the fake's seeded dataset knows (apps/fake-bitbucket/README.md), by flavor and argument name. */
export interface SeededValues {
  /** Valid-looking strings for an argument of that name (a list item for arrays: `paths`, `reviewers`…). */
  readonly strings: Readonly<Record<string, readonly string[]>>;
  /** Ids that exist in some seeded repository, for integer arguments of that name. */
  readonly integers: Readonly<Record<string, readonly number[]>>;
  /** What a `../` run in a path argument tries to reach once the upstream URL is normalized. */
  readonly escapes: readonly string[];
}

const REPOSITORIES = [
  'payments-api',
  'identity-service',
  'infra-config',
  'release-notes',
  'web-portal',
  'design-system',
  'ml-experiments',
];
const REFS = ['main', 'feature/currency', 'chore/deps', 'feature/key-rotation', 'v0.1.0', '1.0.0', 'HEAD'];
const USERS = ['alice', 'bob', 'carol', 'frank', 'alice@acme.example', '{00000000-0000-0000-0000-000000000000}'];
const TEXTS = ['fuzz', 'Fix the rounding of refunds', '# Title\n\nbody', 'payments', 'amount'];
const PROJECT_KEYS = ['PLAT', 'WEB', 'LAB'];

export function seededValues(flavor: Flavor): SeededValues {
  const workspaces = flavor === 'cloud' ? ['acme', 'acme-labs'] : PROJECT_KEYS;
  return {
    strings: {
      workspace: workspaces,
      repo: REPOSITORIES,
      key: PROJECT_KEYS,
      ref: REFS,
      from: REFS,
      to: REFS,
      startPoint: REFS,
      target: REFS,
      sourceBranch: REFS,
      destinationBranch: REFS,
      since: REFS,
      until: REFS,
      commit: ['main', 'v0.1.0', 'a8d1bb99c4f1'],
      hash: ['main', 'v0.1.0', 'a8d1bb99c4f1'],
      name: ['fuzz/new-branch', 'v9.9.9', 'main', 'feature/currency'],
      path: ['README.md', 'src', 'src/index.ts', 'assets/logo.png', 'docs'],
      paths: ['README.md', 'src/index.ts'],
      author: USERS,
      reviewer: USERS,
      reviewers: USERS,
      assignee: USERS,
      pipeline: ['1', '#2', '{00000000-0000-0000-0000-000000000000}'],
      step: ['build', '{00000000-0000-0000-0000-000000000000}'],
      query: TEXTS,
      filter: ['feature', 'main', 'v'],
      grep: ['error', 'test'],
      text: TEXTS,
      title: TEXTS,
      description: TEXTS,
      message: TEXTS,
      content: TEXTS,
      reason: TEXTS,
      customPipeline: ['nightly'],
    },
    integers: {
      id: [1, 2, 3],
      pullRequestId: [1, 2, 3, 4],
      commentId: [1, 2, 3, 10],
      taskId: [1, 2, 3],
      parentId: [1, 2],
      pipeline: [1, 2, 3],
      limit: [1, 2, 100],
      // Bounded waits: wait_for_pipeline must answer within an exchange.
      timeoutSeconds: [1, 2],
      pollIntervalSeconds: [1],
    },
    escapes:
      flavor === 'cloud'
        ? ['user', '2.0/user', 'acme-labs', 'acme-labs/ml-experiments', 'workspaces/acme-labs/members']
        : ['users', 'LAB', 'LAB/repos/ml-experiments', 'projects/LAB/repos/ml-experiments', 'rest/api/latest/users'],
  };
}
