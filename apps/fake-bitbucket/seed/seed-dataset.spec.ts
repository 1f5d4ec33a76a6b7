import { renderUnifiedDiff } from '../git/unified-diff';
import { seedDataset } from './seed-dataset';

describe('seeded dataset', () => {
  const data = seedDataset();
  const commitsOf = (key: string): number => data.repositoryByKey(key).git.commits.size;

  it('has the documented shape: workspaces, projects, repositories, users', () => {
    expect(data.workspaces.map((w) => w.slug)).toEqual(['acme', 'acme-labs']);
    expect(data.projects.map((p) => p.key)).toEqual(['PLAT', 'WEB', 'LAB']);
    expect(data.repositories).toHaveLength(7);
    expect(data.users.length).toBeGreaterThanOrEqual(6);
  });

  it('has 60+ commits with real diffs outside the 250-commit release-notes repository', () => {
    const total = data.repositories
      .filter((r) => r.slug !== 'release-notes')
      .reduce((sum, r) => sum + r.git.commits.size, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(commitsOf('acme/release-notes')).toBe(250);
    const payments = data.repositoryByKey('acme/payments-api').git;
    const head = payments.resolve('feature/refunds') ?? '';
    const diff = renderUnifiedDiff(payments.get(head).changes);
    expect(diff).toContain('diff --git a/docs/api.md b/docs/api.md');
    expect(diff).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    expect(diff).toContain('+## Refunds');
  });

  it('has text and binary files, renames, merges and tags', () => {
    const payments = data.repositoryByKey('acme/payments-api').git;
    const tree = payments.get(payments.resolve('main') ?? '').tree;
    expect(tree.get('assets/logo.png')?.binary).toBe(true);
    expect(tree.get('README.md')?.binary).toBe(false);
    expect(tree.has('src/http-server.ts')).toBe(true);
    expect([...payments.commits.values()].some((c) => c.changes.some((ch) => ch.status === 'renamed'))).toBe(true);
    expect([...payments.commits.values()].some((c) => c.parents.length === 2)).toBe(true);
    expect([...payments.tags.keys()]).toEqual(['v0.1.0', 'v0.2.0']);
  });

  it('has 12+ pull requests in every state, with reviews, comments, replies, inline comments and tasks', () => {
    expect(data.pullRequests.length).toBeGreaterThanOrEqual(12);
    expect(new Set(data.pullRequests.map((pr) => pr.state))).toEqual(
      new Set(['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED']),
    );
    expect(data.pullRequests.some((pr) => pr.draft)).toBe(true);
    for (const pr of data.pullRequests.filter((p) => p.state === 'MERGED'))
      expect(pr.mergeCommit).toMatch(/^[0-9a-f]{40}$/);
    const statuses = data.pullRequests.flatMap((pr) => pr.participants.map((p) => p.status));
    expect(statuses).toEqual(expect.arrayContaining(['approved', 'changes_requested', null]));
    expect(data.comments.some((c) => c.parentId !== undefined)).toBe(true);
    expect(data.comments.some((c) => c.inline?.to !== undefined)).toBe(true);
    expect(data.comments.some((c) => c.inline?.from !== undefined)).toBe(true);
    expect(data.comments.filter((c) => c.kind === 'task').map((t) => t.taskState)).toEqual(
      expect.arrayContaining(['OPEN', 'RESOLVED']),
    );
  });

  it('has pipelines with steps and logs, issues and build statuses', () => {
    expect(data.pipelines.length).toBeGreaterThanOrEqual(6);
    expect(data.pipelines.some((p) => p.steps.some((s) => s.result === 'FAILED'))).toBe(true);
    expect(data.issues.length).toBeGreaterThanOrEqual(4);
    expect(data.buildStatuses.length).toBeGreaterThanOrEqual(4);
  });

  it('is identical after every reset', () => {
    const again = seedDataset();
    expect([...again.repositoryByKey('acme/payments-api').git.commits.keys()]).toEqual([
      ...data.repositoryByKey('acme/payments-api').git.commits.keys(),
    ]);
  });
});
