import { commentThreadTop } from '../dataset/comment-thread-top';
import { FakeDataset } from '../dataset/fake-dataset';
import type { FakeComment, FakeInlineAnchor } from '../dataset/fake-comment';
import type { FakePipelineStep } from '../dataset/fake-pipeline';
import type { FakeParticipant, FakePullRequest, FakeReviewStatus } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import { writePaymentsApiHistory } from './payments-api.history';
import { RepositoryBuilder } from './repository-builder';
import { SeedClock } from './seed-clock';
import { seedUsers } from './seed-users';
import {
  writeDesignSystemHistory,
  writeIdentityServiceHistory,
  writeInfraConfigHistory,
  writeMlExperimentsHistory,
  writeReleaseNotesHistory,
  writeWebPortalHistory,
} from './small-repositories.history';
import { stableIds } from './stable-ids';

interface RepositorySpec {
  readonly workspace: string;
  readonly project: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly language: string;
  readonly hasIssues: boolean;
  readonly isPrivate: boolean;
  readonly write: (repo: RepositoryBuilder) => void;
}

const REPOSITORIES: readonly RepositorySpec[] = [
  {
    workspace: 'acme',
    project: 'PLAT',
    slug: 'payments-api',
    name: 'payments-api',
    description: 'Card and bank-transfer payments for Acme merchants.',
    language: 'typescript',
    hasIssues: true,
    isPrivate: true,
    write: writePaymentsApiHistory,
  },
  {
    workspace: 'acme',
    project: 'PLAT',
    slug: 'identity-service',
    name: 'identity-service',
    description: 'Sign-in, sessions and API keys.',
    language: 'java',
    hasIssues: true,
    isPrivate: true,
    write: writeIdentityServiceHistory,
  },
  {
    workspace: 'acme',
    project: 'PLAT',
    slug: 'infra-config',
    name: 'infra-config',
    description: 'Kubernetes manifests and Terraform.',
    language: 'hcl',
    hasIssues: false,
    isPrivate: true,
    write: writeInfraConfigHistory,
  },
  {
    workspace: 'acme',
    project: 'PLAT',
    slug: 'release-notes',
    name: 'release-notes',
    description: 'One commit per release note; 250 of them.',
    language: 'markdown',
    hasIssues: false,
    isPrivate: false,
    write: writeReleaseNotesHistory,
  },
  {
    workspace: 'acme',
    project: 'WEB',
    slug: 'web-portal',
    name: 'web-portal',
    description: 'The merchant dashboard.',
    language: 'typescript',
    hasIssues: false,
    isPrivate: true,
    write: writeWebPortalHistory,
  },
  {
    workspace: 'acme',
    project: 'WEB',
    slug: 'design-system',
    name: 'design-system',
    description: 'Tokens, components and icons.',
    language: 'css',
    hasIssues: false,
    isPrivate: false,
    write: writeDesignSystemHistory,
  },
  {
    workspace: 'acme-labs',
    project: 'LAB',
    slug: 'ml-experiments',
    name: 'ml-experiments',
    description: 'Fraud-detection experiments.',
    language: 'python',
    hasIssues: false,
    isPrivate: true,
    write: writeMlExperimentsHistory,
  },
];

interface PullRequestSpec {
  readonly repo: string;
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly author: string;
  readonly source: string;
  readonly state: FakePullRequest['state'];
  readonly draft?: boolean;
  readonly reviewers: Readonly<Record<string, FakeReviewStatus>>;
  readonly closedBy?: string;
  readonly reason?: string;
}

const PULL_REQUESTS: readonly PullRequestSpec[] = [
  {
    repo: 'acme/payments-api',
    id: 1,
    title: 'Add currency conversion',
    description: 'Adds a rate table and `amountIn()` so receipts can show the customer currency.',
    author: 'bob',
    source: 'feature/currency',
    state: 'MERGED',
    reviewers: { alice: 'approved', carol: 'approved' },
    closedBy: 'alice',
  },
  {
    repo: 'acme/payments-api',
    id: 2,
    title: 'Switch to floating point amounts',
    description: 'Simpler arithmetic for the reporting team.',
    author: 'dave',
    source: 'feature/float-amounts',
    state: 'DECLINED',
    reviewers: { alice: 'changes_requested' },
    closedBy: 'alice',
    reason: 'Money stays in integer minor units: floating point loses cents.',
  },
  {
    repo: 'acme/payments-api',
    id: 3,
    title: 'Add refund endpoint',
    description: 'Partial and full refunds of captured payments.\n\n- refund service\n- over-refund guard\n- docs',
    author: 'carol',
    source: 'feature/refunds',
    state: 'OPEN',
    reviewers: { alice: 'approved', bob: null },
  },
  {
    repo: 'acme/payments-api',
    id: 4,
    title: 'Webhook signature verification',
    description: 'Verifies the `X-Signature` HMAC of card network webhooks.',
    author: 'bob',
    source: 'feature/webhook-signatures',
    state: 'OPEN',
    reviewers: { alice: 'changes_requested', erin: null },
  },
  {
    repo: 'acme/payments-api',
    id: 5,
    title: 'WIP: idempotency keys',
    description: 'Not ready: the store is in memory only.',
    author: 'alice',
    source: 'feature/idempotency',
    state: 'OPEN',
    draft: true,
    reviewers: { bob: null },
  },
  {
    repo: 'acme/payments-api',
    id: 6,
    title: 'Retry failed payouts',
    description: 'Superseded by the payout queue work.',
    author: 'erin',
    source: 'feature/payouts',
    state: 'SUPERSEDED',
    reviewers: { dave: null },
    closedBy: 'erin',
  },
  {
    repo: 'acme/payments-api',
    id: 7,
    title: 'Bump dependencies',
    description: 'Automated dependency update.',
    author: 'ci-bot',
    source: 'chore/deps',
    state: 'MERGED',
    reviewers: { alice: 'approved' },
    closedBy: 'alice',
  },
  {
    repo: 'acme/payments-api',
    id: 8,
    title: 'Docs: payment flow diagram',
    description: 'A state diagram of payments for the onboarding guide.',
    author: 'erin',
    source: 'docs/flow',
    state: 'OPEN',
    reviewers: { carol: null },
  },
  {
    repo: 'acme/identity-service',
    id: 1,
    title: 'Support SCIM provisioning',
    description: 'SCIM 2.0 users endpoint so the IdP can provision staff accounts.',
    author: 'dave',
    source: 'feature/scim',
    state: 'OPEN',
    reviewers: { alice: null, bob: 'approved' },
  },
  {
    repo: 'acme/identity-service',
    id: 2,
    title: 'Rotate signing keys',
    description: 'Signing keys rotate every 30 days.',
    author: 'alice',
    source: 'feature/key-rotation',
    state: 'MERGED',
    reviewers: { dave: 'approved' },
    closedBy: 'dave',
  },
  {
    repo: 'acme/web-portal',
    id: 1,
    title: 'Checkout page redesign',
    description: 'Two-column checkout with a sticky summary.',
    author: 'erin',
    source: 'feature/checkout-redesign',
    state: 'OPEN',
    reviewers: { alice: null, carol: 'approved' },
  },
  {
    repo: 'acme/web-portal',
    id: 2,
    title: 'Remove legacy IE polyfills',
    description: 'IE is gone from our support matrix.',
    author: 'bob',
    source: 'chore/drop-ie',
    state: 'DECLINED',
    reviewers: { erin: null },
    closedBy: 'bob',
    reason: 'Two enterprise merchants still use IE mode; revisit next quarter.',
  },
  {
    repo: 'acme/design-system',
    id: 1,
    title: 'New button variants',
    description: 'Danger and link variants.',
    author: 'carol',
    source: 'feature/button-variants',
    state: 'MERGED',
    reviewers: { alice: 'approved' },
    closedBy: 'alice',
  },
  {
    repo: 'acme-labs/ml-experiments',
    id: 1,
    title: 'Add fraud model baseline',
    description: 'A logistic regression to beat.',
    author: 'frank',
    source: 'feature/baseline',
    state: 'OPEN',
    reviewers: { carol: null },
  },
];

function addPullRequest(data: FakeDataset, clock: SeedClock, spec: PullRequestSpec): FakePullRequest {
  const repository = data.repositoryByKey(spec.repo);
  const createdAt = clock.next(2);
  const participants: FakeParticipant[] = Object.entries(spec.reviewers).map(([userSlug, status]) => ({
    userSlug,
    role: 'REVIEWER',
    status,
    participatedOn: status === null ? null : clock.next(0.5),
  }));
  const closed = spec.state !== 'OPEN';
  const mergeCommit =
    spec.state === 'MERGED'
      ? repository.git
          .history([repository.git.resolve(repository.git.defaultBranch) ?? ''])
          .find((commit) => commit.message.includes(`pull request #${spec.id})`))?.hash
      : undefined;
  const pr: FakePullRequest = {
    id: spec.id,
    repoKey: spec.repo,
    title: spec.title,
    description: spec.description,
    state: spec.state,
    draft: spec.draft ?? false,
    authorSlug: spec.author,
    sourceRepoKey: spec.repo,
    sourceBranch: spec.source,
    destinationBranch: repository.git.defaultBranch,
    participants,
    createdAt,
    updatedAt: createdAt,
    closeSourceBranch: spec.state === 'MERGED',
    reason: spec.reason ?? '',
    version: participants.length,
    events: [],
  };
  if (closed) {
    pr.closedAt = clock.next(3);
    pr.updatedAt = pr.closedAt;
    if (spec.closedBy !== undefined) pr.closedBySlug = spec.closedBy;
    pr.closedSourceCommit = repository.git.resolve(spec.source);
    pr.closedDestinationCommit = repository.git.resolve(repository.git.defaultBranch);
    if (mergeCommit !== undefined) pr.mergeCommit = mergeCommit;
    pr.version += 1;
  }
  const event = (type: FakePullRequest['events'][number]['type'], userSlug: string, at: Date): void => {
    pr.events.push({ id: data.nextId('event'), type, userSlug, at });
  };
  event('opened', spec.author, createdAt);
  for (const participant of participants) {
    if (participant.status === 'approved')
      event('approved', participant.userSlug, participant.participatedOn ?? createdAt);
    if (participant.status === 'changes_requested') {
      event('changes_requested', participant.userSlug, participant.participatedOn ?? createdAt);
    }
  }
  if (spec.state === 'MERGED') event('merged', spec.closedBy ?? spec.author, pr.closedAt ?? createdAt);
  if (spec.state === 'DECLINED' || spec.state === 'SUPERSEDED')
    event('declined', spec.closedBy ?? spec.author, pr.closedAt ?? createdAt);
  data.pullRequests.push(pr);
  return pr;
}

interface CommentSpec {
  readonly author: string;
  readonly text: string;
  /** Index, among the specs of the same pull request, of the comment this one replies to. */
  readonly parent?: number;
  readonly inline?: FakeInlineAnchor;
  readonly task?: 'OPEN' | 'RESOLVED';
  /** Who resolved this task. */
  readonly resolvedBy?: string;
  /** Who resolved this comment's thread right after it; as in Cloud, the thread's top comment carries it. */
  readonly threadResolvedBy?: string;
}

function addComments(
  data: FakeDataset,
  clock: SeedClock,
  pr: FakePullRequest,
  specs: readonly CommentSpec[],
): FakeComment[] {
  const added: FakeComment[] = [];
  for (const spec of specs) {
    const at = clock.next(0.75);
    const parent = spec.parent === undefined ? undefined : added[spec.parent];
    const comment: FakeComment = {
      id: data.nextId('comment', 1001),
      repoKey: pr.repoKey,
      pullRequestId: pr.id,
      kind: spec.task === undefined ? 'comment' : 'task',
      authorSlug: spec.author,
      text: spec.text,
      createdAt: at,
      updatedAt: at,
      ...(parent === undefined ? {} : { parentId: parent.id }),
      ...(spec.inline === undefined ? {} : { inline: spec.inline }),
      deleted: false,
      version: 0,
      ...(spec.task === undefined ? {} : { taskState: spec.task }),
    };
    if (spec.task === 'RESOLVED' && spec.resolvedBy !== undefined) {
      comment.taskResolvedBySlug = spec.resolvedBy;
      comment.taskResolvedAt = clock.next(0.5);
    }
    if (spec.threadResolvedBy !== undefined)
      commentThreadTop(comment, added).resolution = { bySlug: spec.threadResolvedBy, at: clock.next(0.5) };
    data.comments.push(comment);
    pr.events.push({ id: data.nextId('event'), type: 'commented', userSlug: spec.author, at, commentId: comment.id });
    added.push(comment);
  }
  return added;
}

function pipelineSteps(seed: string, names: readonly string[], failAt?: number): FakePipelineStep[] {
  return names.map((name, index) => {
    const failed = failAt === index;
    const command = `npm run ${name.toLowerCase()}`;
    return {
      uuid: stableIds.uuid(`${seed}:step:${name}`),
      name,
      image: 'node:24',
      script: [command],
      durationMs: 20_000 + index * 15_000,
      result: failed ? 'FAILED' : 'SUCCESSFUL',
      log: [
        '+ umask 000',
        '+ git clone --branch="main" --depth 50 https://x-token-auth:$REPOSITORY_OAUTH_ACCESS_TOKEN@bitbucket.org/$BITBUCKET_REPO_FULL_NAME.git $BUILD_DIR',
        `+ ${command}`,
        ...(failed
          ? [
              `> payments-api@0.1.0 ${name.toLowerCase()}`,
              'not ok 3 - cannot cancel a captured payment',
              'Error: expected an exception',
              `Script "${command}" exited with code 1`,
            ]
          : [`> payments-api@0.1.0 ${name.toLowerCase()}`, `${name} passed`]),
        'Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4',
        'Finished scanning for test reports. Found 0 test report files.',
      ],
    };
  });
}

/** The documented seeded dataset (apps/fake-bitbucket/README.md); identical after every reset. */
export function seedDataset(): FakeDataset {
  const data = new FakeDataset();
  const clock = new SeedClock('2026-03-02T08:00:00Z');
  data.users.push(...seedUsers());
  const everyone = data.users.map((u) => u.slug);
  data.workspaces.push(
    {
      uuid: stableIds.uuid('workspace:acme'),
      slug: 'acme',
      name: 'Acme',
      isPrivate: true,
      createdAt: new Date('2025-01-06T09:00:00Z'),
      members: everyone.filter((slug) => slug !== 'frank'),
      admins: ['alice'],
    },
    {
      uuid: stableIds.uuid('workspace:acme-labs'),
      slug: 'acme-labs',
      name: 'Acme Labs',
      isPrivate: true,
      createdAt: new Date('2025-02-03T09:00:00Z'),
      members: ['alice', 'carol', 'frank'],
      admins: ['frank'],
    },
  );
  const projects: [string, string, string, string][] = [
    ['acme', 'PLAT', 'Platform', 'Payments, identity and the infrastructure under them.'],
    ['acme', 'WEB', 'Web', 'Merchant-facing front ends.'],
    ['acme-labs', 'LAB', 'Research', 'Experiments that are not in production.'],
  ];
  projects.forEach(([workspaceSlug, key, name, description], index) => {
    data.projects.push({
      id: 11 + index,
      uuid: stableIds.uuid(`project:${key}`),
      key,
      name,
      description,
      workspaceSlug,
      isPrivate: true,
      createdAt: new Date(Date.UTC(2025, 1, 10 + index, 9)),
    });
  });
  REPOSITORIES.forEach((spec, index) => {
    const builder = new RepositoryBuilder(data.users, clock);
    spec.write(builder);
    const createdAt = builder.git.history([...builder.git.branches.values()]).at(-1)?.committedAt ?? clock.now();
    const repository: FakeRepository = {
      id: 201 + index,
      uuid: stableIds.uuid(`repository:${spec.workspace}/${spec.slug}`),
      slug: spec.slug,
      name: spec.name,
      description: spec.description,
      workspaceSlug: spec.workspace,
      projectKey: spec.project,
      isPrivate: spec.isPrivate,
      language: spec.language,
      hasIssues: spec.hasIssues,
      createdAt,
      updatedAt: clock.now(),
      git: builder.git,
    };
    data.repositories.push(repository);
  });

  const prs = new Map(PULL_REQUESTS.map((spec) => [`${spec.repo}#${spec.id}`, addPullRequest(data, clock, spec)]));
  const pr = (key: string): FakePullRequest => {
    const found = prs.get(key);
    if (found === undefined) throw new Error(`seed: no pull request ${key}`);
    return found;
  };
  addComments(data, clock, pr('acme/payments-api#1'), [
    { author: 'alice', text: 'Where do the rates come from? Please note the source in a comment.' },
    { author: 'bob', text: 'Treasury job, nightly. Added a comment on RATES.', parent: 0 },
  ]);
  addComments(data, clock, pr('acme/payments-api#2'), [
    {
      author: 'alice',
      text: 'Floating point cannot represent 0.10 exactly; we would lose cents on every conversion.',
      inline: { path: 'src/payments/payment.ts', to: 5 },
    },
  ]);
  addComments(data, clock, pr('acme/payments-api#3'), [
    { author: 'alice', text: 'Nice and small. Two things before I approve, see the tasks.' },
    { author: 'carol', text: 'Thanks! Addressed the over-refund case.', parent: 0 },
    { author: 'alice', text: 'Approved. Please add the partial-refund tests before merging.', parent: 1 },
    {
      author: 'bob',
      text: 'Should `refund` be idempotent? A retried request would refund twice.',
      inline: { path: 'src/refunds/refund.service.ts', to: 14 },
    },
    {
      author: 'carol',
      text: 'Idempotency keys come with #5; I will wire them here once it lands.',
      parent: 3,
      threadResolvedBy: 'carol',
    },
    { author: 'alice', text: 'Add tests for partial refunds', task: 'OPEN' },
    { author: 'alice', text: 'Document refunds in docs/api.md', task: 'RESOLVED', resolvedBy: 'carol' },
  ]);
  addComments(data, clock, pr('acme/payments-api#4'), [
    {
      author: 'alice',
      text: 'We must not parse the body before the signature check; the old line did.',
      inline: { path: 'src/webhooks/webhook.handler.ts', from: 11 },
    },
    { author: 'alice', text: 'Please read the secret from the vault, not from an argument.' },
    { author: 'erin', text: 'Is there a replay window? Signed payloads can be replayed.' },
    { author: 'alice', text: 'Add a timestamp to the signed payload', task: 'OPEN' },
  ]);
  addComments(data, clock, pr('acme/identity-service#1'), [
    { author: 'bob', text: 'LGTM. Deactivation instead of deletion is the right call.' },
  ]);
  addComments(data, clock, pr('acme/web-portal#1'), [
    { author: 'carol', text: 'The summary column collapses nicely on mobile.' },
  ]);

  const payments = data.repositoryByKey('acme/payments-api');
  const mainHead = payments.git.resolve('main') ?? '';
  const seededPipelines: [string, string, string[], number | undefined][] = [
    ['main', 'alice', ['Lint', 'Test'], undefined],
    ['main', 'ci-bot', ['Lint', 'Test', 'Build'], undefined],
    ['feature/float-amounts', 'dave', ['Lint', 'Test', 'Build'], 1],
    ['feature/refunds', 'carol', ['Lint', 'Test', 'Build'], undefined],
    ['feature/webhook-signatures', 'bob', ['Lint', 'Test', 'Build'], 1],
    ['main', 'alice', ['Lint', 'Test', 'Build'], undefined],
  ];
  seededPipelines.forEach(([branch, creator, steps, failAt]) => {
    // The sequence triggered pipelines draw from too: the first one triggered is #7.
    const buildNumber = data.nextId('pipeline:acme/payments-api');
    data.pipelines.push({
      uuid: stableIds.uuid(`pipeline:payments-api:${buildNumber}`),
      buildNumber,
      repoKey: 'acme/payments-api',
      creatorSlug: creator,
      refType: 'branch',
      refName: branch,
      commit: payments.git.resolve(branch) ?? mainHead,
      selector: { type: branch === 'main' ? 'default' : 'branches', ...(branch === 'main' ? {} : { pattern: '**' }) },
      trigger: creator === 'ci-bot' ? 'push' : 'manual',
      variables: [],
      createdAt: clock.next(1),
      pendingMs: 5_000,
      steps: pipelineSteps(`payments-api:${buildNumber}`, steps, failAt),
    });
  });

  const issueSpecs: [
    string,
    string,
    string,
    FakeDataset['issues'][number]['kind'],
    FakeDataset['issues'][number]['priority'],
    FakeDataset['issues'][number]['state'],
    string | undefined,
  ][] = [
    [
      'acme/payments-api',
      'Capture fails for JPY amounts',
      'JPY has no minor unit; amountMinor is off by 100.',
      'bug',
      'critical',
      'open',
      'bob',
    ],
    [
      'acme/payments-api',
      'Expose refunds in the merchant export',
      'Finance wants refunds next to payments in the CSV.',
      'enhancement',
      'major',
      'new',
      undefined,
    ],
    [
      'acme/payments-api',
      'Document webhook retries',
      'How often and for how long do we retry?',
      'task',
      'minor',
      'resolved',
      'erin',
    ],
    [
      'acme/payments-api',
      'Timeouts on /payments under load',
      'p99 over 2 s at 300 rps.',
      'bug',
      'major',
      'on hold',
      'dave',
    ],
    ['acme/identity-service', 'Session cookie lacks SameSite', 'Set SameSite=Lax.', 'bug', 'blocker', 'open', 'alice'],
  ];
  for (const [repoKey, title, content, kind, priority, state, assignee] of issueSpecs) {
    const createdAt = clock.next(4);
    const id = data.nextId(`issue:${repoKey}`);
    data.issues.push({
      id,
      repoKey,
      title,
      content,
      kind,
      priority,
      state,
      reporterSlug: 'alice',
      ...(assignee === undefined ? {} : { assigneeSlug: assignee }),
      createdAt,
      updatedAt: createdAt,
      votes: id % 3,
      comments:
        id === 1
          ? [
              {
                id: data.nextId('issue-comment'),
                authorSlug: 'bob',
                text: 'Reproduced with 1000 JPY.',
                createdAt: clock.next(1),
              },
            ]
          : [],
    });
  }

  const statuses: [string, string, FakeDataset['buildStatuses'][number]['state']][] = [
    ['acme/payments-api', 'main', 'SUCCESSFUL'],
    ['acme/payments-api', 'feature/refunds', 'SUCCESSFUL'],
    ['acme/payments-api', 'feature/webhook-signatures', 'FAILED'],
    ['acme/payments-api', 'feature/idempotency', 'INPROGRESS'],
    ['acme/identity-service', 'feature/scim', 'SUCCESSFUL'],
  ];
  for (const [repoKey, branch, state] of statuses) {
    const repository = data.repositoryByKey(repoKey);
    const at = clock.next(0.5);
    data.buildStatuses.push({
      repoKey,
      commit: repository.git.resolve(branch) ?? '',
      key: 'acme-ci',
      name: `Acme CI #${data.nextId('build')}`,
      state,
      url: `https://ci.acme.example/${repository.slug}/${branch}`,
      description:
        state === 'FAILED' ? '1 test failed' : state === 'INPROGRESS' ? 'Running tests' : 'All checks passed',
      createdAt: at,
      updatedAt: at,
    });
  }
  return data;
}
