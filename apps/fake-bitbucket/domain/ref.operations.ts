import { Injectable } from '@nestjs/common';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FakeUser } from '../dataset/fake-user';
import type { GitTag } from '../git/git-tag';
import { FakeClock } from '../runtime/fake-clock.service';

// git check-ref-format, the parts that matter for names people type (control characters fall under \s or are rejected below).
const VALID_REF = /^(?!\/|.*\/\/|.*\.\.|.*@\{|.*\.lock$|.*\/$|.*\.$)[^\s~^:?*[\\]+$/;
const hasControlCharacter = (name: string): boolean => {
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

/** Branch and tag writes shared by both flavors. */
@Injectable()
export class RefOperations {
  constructor(private readonly clock: FakeClock) {}

  resolveOrFail(repository: FakeRepository, rev: string, field = 'target'): string {
    const hash = repository.git.resolve(rev);
    if (hash === undefined) {
      throw new FakeDomainError(
        'not-found',
        `Commit '${rev}' does not exist in repository.`,
        field,
        'com.atlassian.bitbucket.commit.NoSuchCommitException',
      );
    }
    return hash;
  }

  createBranch(repository: FakeRepository, name: string, startPoint: string): string {
    if (!VALID_REF.test(name) || hasControlCharacter(name))
      throw new FakeDomainError('invalid', `'${name}' is not a valid branch name.`, 'name');
    if (repository.git.branches.has(name)) {
      throw new FakeDomainError(
        'conflict',
        `Branch '${name}' already exists.`,
        'name',
        'com.atlassian.bitbucket.repository.DuplicateRefException',
      );
    }
    const target = this.resolveOrFail(repository, startPoint, 'startPoint');
    repository.git.branches.set(name, target);
    repository.updatedAt = this.clock.now();
    return target;
  }

  deleteBranch(repository: FakeRepository, name: string): void {
    const branch = name.replace(/^refs\/heads\//, '');
    if (!repository.git.branches.has(branch)) {
      throw new FakeDomainError(
        'not-found',
        `Branch '${branch}' does not exist.`,
        'name',
        'com.atlassian.bitbucket.repository.NoSuchBranchException',
      );
    }
    if (branch === repository.git.defaultBranch) {
      throw new FakeDomainError('invalid', `The default branch '${branch}' cannot be deleted.`, 'name');
    }
    repository.git.branches.delete(branch);
    repository.updatedAt = this.clock.now();
  }

  createTag(repository: FakeRepository, name: string, startPoint: string, tagger: FakeUser, message?: string): GitTag {
    if (!VALID_REF.test(name) || hasControlCharacter(name))
      throw new FakeDomainError('invalid', `'${name}' is not a valid tag name.`, 'name');
    if (repository.git.tags.has(name)) {
      throw new FakeDomainError(
        'conflict',
        `Tag '${name}' already exists.`,
        'name',
        'com.atlassian.bitbucket.repository.DuplicateRefException',
      );
    }
    const tag: GitTag = {
      name,
      target: this.resolveOrFail(repository, startPoint, 'startPoint'),
      ...(message === undefined || message === ''
        ? {}
        : {
            message,
            date: this.clock.now(),
            tagger: { name: tagger.displayName, email: tagger.email, userSlug: tagger.slug },
          }),
    };
    repository.git.tags.set(name, tag);
    return tag;
  }

  deleteTag(repository: FakeRepository, name: string): void {
    if (!repository.git.tags.delete(name.replace(/^refs\/tags\//, ''))) {
      throw new FakeDomainError(
        'not-found',
        `Tag '${name}' does not exist.`,
        'name',
        'com.atlassian.bitbucket.repository.NoSuchTagException',
      );
    }
  }
}
