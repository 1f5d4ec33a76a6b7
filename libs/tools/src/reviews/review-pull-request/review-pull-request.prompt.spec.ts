import type { BitbucketClient } from '@app/bitbucket';
import { Translator, type AppExceptionParams } from '@app/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@app/testing';
import { z } from 'zod';
import { BitbucketCompleters } from '../../completions/bitbucket-completers';
import { ReviewPullRequestPrompt } from './review-pull-request.prompt';

/** The real prompts catalogues, interpolated as nestjs-i18n does for `{name}` placeholders. */
class CatalogueTranslator extends Translator {
  currentLocale(): string {
    return 'en';
  }

  supportedLocales(): readonly string[] {
    return ['en', 'fr'];
  }

  defaultLocale(): string {
    return 'en';
  }

  find(key: string, params: AppExceptionParams = {}, locale = 'en'): string | undefined {
    const [file, entry] = key.split('.');
    const catalogue = JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', locale, `${file ?? ''}.json`), 'utf8')) as Record<
      string,
      string
    >;
    return catalogue[entry ?? '']?.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }
}

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: '3' };

describe('the review_pull_request prompt', () => {
  const prompt = new ReviewPullRequestPrompt(
    new CatalogueTranslator(),
    new BitbucketCompleters({} as unknown as BitbucketClient),
  );

  it('takes workspace, repo and a numeric pullRequestId as strings', () => {
    const schema = z.object(prompt.definition.args);
    expect(schema.safeParse(args).success).toBe(true);
    expect(schema.safeParse({ ...args, pullRequestId: 'three' }).success).toBe(false);
    expect(schema.safeParse({ ...args, pullRequestId: '0' }).success).toBe(false);
    expect(schema.safeParse({ workspace: 'acme', repo: 'payments-api' }).success).toBe(false);
  });

  it('guides a review through the tools, in order, with the arguments to pass', () => {
    const result = prompt.build(args, 'en');
    expect(result.description).toBe('Code review of pull request #3 of acme/payments-api');
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message?.role).toBe('user');
    const text = message?.content.type === 'text' ? message.content.text : '';
    expect(text).toContain('always pass workspace "acme", repo "payments-api" and pullRequestId 3');
    const order = [
      'get_pull_request:',
      'get_pull_request_diffstat:',
      'get_pull_request_diff with paths',
      'list_pull_request_comments:',
      'add_pull_request_comment with path and line',
      'approve_pull_request',
      'request_changes',
    ].map((step) => text.indexOf(step));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('speaks the session language', () => {
    const result = prompt.build(args, 'fr');
    expect(result.description).toBe('Relecture de code de la pull request n°3 de acme/payments-api');
    const [message] = result.messages;
    const text = message?.content.type === 'text' ? message.content.text : '';
    expect(text).toContain('Relisez la pull request n°3 de acme/payments-api');
    expect(text).toContain('get_pull_request_diff avec paths');
  });
});
