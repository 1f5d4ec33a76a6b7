import type { GitRepository } from '../git/git-repository';

export interface FakeRepository {
  readonly id: number;
  readonly uuid: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly workspaceSlug: string;
  readonly projectKey: string;
  readonly isPrivate: boolean;
  readonly language: string;
  readonly hasIssues: boolean;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly git: GitRepository;
}
