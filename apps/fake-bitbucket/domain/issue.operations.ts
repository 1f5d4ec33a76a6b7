import { Injectable } from '@nestjs/common';
import { FakeDataset } from '../dataset/fake-dataset';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakeIssue, FakeIssueComment } from '../dataset/fake-issue';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FakeUser } from '../dataset/fake-user';
import { FakeClock } from '../runtime/fake-clock.service';
import { FakeStore } from '../runtime/fake-store.service';

export interface CreateIssueInput {
  readonly title: string;
  readonly content?: string;
  readonly kind?: FakeIssue['kind'];
  readonly priority?: FakeIssue['priority'];
  readonly assignee?: string;
}

/** Cloud issue tracker writes. */
@Injectable()
export class IssueOperations {
  constructor(
    private readonly store: FakeStore,
    private readonly clock: FakeClock,
  ) {}

  create(repository: FakeRepository, reporter: FakeUser, input: CreateIssueInput): FakeIssue {
    if (input.title.trim() === '') throw new FakeDomainError('invalid', 'This field is required.', 'title');
    const assignee = input.assignee === undefined ? undefined : this.store.data.findUser(input.assignee);
    if (input.assignee !== undefined && assignee === undefined)
      throw new FakeDomainError('invalid', `${input.assignee} is not a valid user`, 'assignee');
    const repoKey = FakeDataset.repoKey(repository);
    const now = this.clock.now();
    const issue: FakeIssue = {
      id: Math.max(0, ...this.store.data.issuesOf(repository).map((i) => i.id)) + 1,
      repoKey,
      title: input.title,
      content: input.content ?? '',
      state: 'new',
      kind: input.kind ?? 'bug',
      priority: input.priority ?? 'major',
      reporterSlug: reporter.slug,
      ...(assignee === undefined ? {} : { assigneeSlug: assignee.slug }),
      createdAt: now,
      updatedAt: now,
      votes: 0,
      comments: [],
    };
    this.store.data.issues.push(issue);
    return issue;
  }

  comment(issue: FakeIssue, author: FakeUser, text: string): FakeIssueComment {
    if (text.trim() === '') throw new FakeDomainError('invalid', 'This field is required.', 'content');
    const comment: FakeIssueComment = {
      id: this.store.data.nextId('issue-comment'),
      authorSlug: author.slug,
      text,
      createdAt: this.clock.now(),
    };
    issue.comments.push(comment);
    issue.updatedAt = comment.createdAt;
    return comment;
  }
}
