import {
  BitbucketClient,
  BitbucketErrorCode,
  BitbucketException,
  type BbPipelineStep,
  type BbRepositoryRef,
} from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  logExcerptView,
  logLines,
  matchExcerpt,
  tailExcerpt,
  windowExcerpt,
  type LogExcerptView,
} from '../log-excerpt';
import { logSearch } from '../log-search';
import { pipelineArguments } from '../pipeline-arguments';
import { pipelineLookup } from '../pipeline-lookup';
import { pipelineStepLine, pipelineStepView, toPipelineStepView } from '../pipeline-step-view';

const DEFAULT_MAX_LINES = 200;
const DEFAULT_CONTEXT_LINES = 2;

const input = z
  .object({
    ...pipelineArguments,
    step: z.string().min(1).max(200).optional().describe(catalogueText('get_pipeline_step_log.params.step')),
    maxLines: z
      .number()
      .int()
      .min(1)
      .max(5000)
      .optional()
      .describe(catalogueText('get_pipeline_step_log.params.maxLines', { default: DEFAULT_MAX_LINES })),
    fromLine: z.number().int().min(1).optional().describe(catalogueText('get_pipeline_step_log.params.fromLine')),
    grep: z.string().min(1).max(500).optional().describe(catalogueText('get_pipeline_step_log.params.grep')),
    regex: z.boolean().optional().describe(catalogueText('get_pipeline_step_log.params.regex')),
    ignoreCase: z.boolean().optional().describe(catalogueText('get_pipeline_step_log.params.ignoreCase')),
    contextLines: z
      .number()
      .int()
      .min(0)
      .max(20)
      .optional()
      .describe(catalogueText('get_pipeline_step_log.params.contextLines', { default: DEFAULT_CONTEXT_LINES })),
  })
  .strict()
  .superRefine((args, issues) => {
    if (args.grep !== undefined && !logSearch.usable(args.grep, args.regex === true))
      issues.addIssue({ code: 'custom', path: ['grep'], message: 'not a valid regular expression' });
  });
const output = logExcerptView.extend({
  pipeline: z.string().describe(catalogueText('get_pipeline_step_log.output.pipeline')),
  step: pipelineStepView,
});

type Output = z.output<typeof output>;

@McpTool()
@Injectable()
export class GetPipelineStepLogTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pipeline_step_log',
    title: catalogueText('get_pipeline_step_log.title'),
    description: catalogueText('get_pipeline_step_log.description'),
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Output> {
    const repo = { workspace: args.workspace, repo: args.repo };
    const uuid = await pipelineLookup.uuid(this.bitbucket, repo, args.pipeline, context);
    const step = await this.step(repo, uuid, args.step, context);
    const raw = await this.bitbucket.getPipelineStepLog(
      repo,
      { uuid, stepUuid: step.uuid },
      { signal: context.signal },
    );
    const lines = logLines(raw);
    const maxLines = args.maxLines ?? DEFAULT_MAX_LINES;
    return { pipeline: uuid, step: toPipelineStepView(step), ...(await this.excerpt(lines, args, maxLines, context)) };
  }

  render(log: Output, context: ToolContext): string {
    const range = { fromLine: log.fromLine, toLine: log.toLine, totalLines: log.totalLines };
    const shown =
      log.text !== ''
        ? [
            log.matches === undefined
              ? context.t('tools.PIPELINE_LOG_LINES', range)
              : context.t('tools.PIPELINE_LOG_MATCHES', { matches: log.matches, ...range }),
            log.text,
          ]
        : [
            log.matches !== undefined
              ? context.t('tools.PIPELINE_LOG_NO_MATCH')
              : log.totalLines === 0
                ? context.t('tools.PIPELINE_LOG_EMPTY')
                : context.t('tools.PIPELINE_LOG_NO_LINES', { totalLines: log.totalLines }),
          ];
    return [
      pipelineStepLine(log.step, context),
      ...shown,
      ...(log.truncated === undefined ? [] : [log.truncated]),
    ].join('\n');
  }

  private async excerpt(
    lines: readonly string[],
    args: z.output<typeof input>,
    maxLines: number,
    context: ToolContext,
  ): Promise<LogExcerptView> {
    if (args.grep === undefined) {
      return args.fromLine === undefined
        ? tailExcerpt(lines, maxLines, context)
        : windowExcerpt(lines, args.fromLine, maxLines, context);
    }
    const query = { grep: args.grep, regex: args.regex === true, ignoreCase: args.ignoreCase ?? true };
    const hits = await logSearch.matches(lines, (args.fromLine ?? 1) - 1, query, context.signal);
    if (hits === undefined) {
      return {
        text: '',
        fromLine: 0,
        toLine: 0,
        totalLines: lines.length,
        matches: 0,
        truncated: context.t('tools.PIPELINE_LOG_GREP_TOO_SLOW', { seconds: logSearch.timeLimitSeconds }),
      };
    }
    return matchExcerpt(lines, hits, { maxLines, contextLines: args.contextLines ?? DEFAULT_CONTEXT_LINES }, context);
  }

  /** The named step, or the one whose log explains the run: the first failed, else the last started. */
  private async step(
    repo: BbRepositoryRef,
    uuid: string,
    wanted: string | undefined,
    context: ToolContext,
  ): Promise<BbPipelineStep> {
    const items = await pipelineLookup.steps(this.bitbucket, repo, uuid, context);
    const found =
      wanted === undefined
        ? (items.find((step) => step.result === 'FAILED' || step.result === 'ERROR') ??
          items.findLast((step) => step.startedOn !== undefined))
        : items.find((step) => sameUuid(step.uuid, wanted) || step.name.toLowerCase() === wanted.toLowerCase());
    if (found !== undefined) return found;
    const detail =
      wanted === undefined
        ? context.t('tools.PIPELINE_NO_STEP_STARTED')
        : context.t('tools.PIPELINE_STEP_NOT_FOUND', {
            step: wanted,
            steps: items.map((step) => step.name).join(', '),
          });
    throw new BitbucketException(BitbucketErrorCode.NOT_FOUND, `No step ${wanted ?? '(started)'} in pipeline ${uuid}`, {
      params: { detail },
    });
  }
}

/** Braces optional, case-insensitive, as Bitbucket compares uuids. */
function sameUuid(a: string, b: string): boolean {
  const bare = (value: string): string =>
    value
      .trim()
      .replace(/^\{|\}$/g, '')
      .toLowerCase();
  return bare(a) === bare(b);
}
