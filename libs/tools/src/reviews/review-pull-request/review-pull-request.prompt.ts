import { Translator } from '@app/common';
import { McpPrompt, PromptHandler, catalogueText, type PromptDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { BitbucketCompleters } from '../../completions/bitbucket-completers';
import { toolArguments } from '../../shared/tool-arguments';

/** MCP prompt arguments are strings; the pull request number is checked to be one. */
const args = {
  workspace: toolArguments.workspace,
  repo: toolArguments.repo.describe(catalogueText('params.repo')),
  pullRequestId: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .describe(catalogueText('review_pull_request.params.pullRequestId')),
};

/**
 * review_pull_request: hands the assistant the review loop of this server's tools, from reading the
 * pull request and its diff file by file to inline comments and a verdict, in the session's language.
 */
@McpPrompt()
@Injectable()
export class ReviewPullRequestPrompt extends PromptHandler<typeof args> {
  readonly definition: PromptDefinition<typeof args>;

  constructor(
    private readonly translator: Translator,
    completers: BitbucketCompleters,
  ) {
    super();
    this.definition = {
      name: 'review_pull_request',
      title: catalogueText('review_pull_request.title'),
      description: catalogueText('review_pull_request.description'),
      args,
      complete: {
        workspace: completers.workspace,
        repo: completers.repository,
        pullRequestId: completers.pullRequest,
      },
    };
  }

  build(input: { workspace: string; repo: string; pullRequestId: string }, locale: string): GetPromptResult {
    const params = { workspace: input.workspace, repo: input.repo, pullRequestId: Number(input.pullRequestId) };
    return {
      description: this.translator.t('prompts.REVIEW_PULL_REQUEST_DESCRIPTION', params, locale),
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: this.translator.t('prompts.REVIEW_PULL_REQUEST', params, locale) },
        },
      ],
    };
  }
}
