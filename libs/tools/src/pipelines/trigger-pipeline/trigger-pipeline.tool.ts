import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';
import { pipelineLine, pipelineStateText, pipelineView, toPipelineView, type PipelineView } from '../pipeline-view';

const variable = z
  .object({
    key: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .max(255)
      .describe('Variable name: letters, digits and underscores, not starting with a digit.'),
    value: z.string().max(10000).describe('Its value.'),
    secured: z
      .boolean()
      .optional()
      .describe('True for a secret: Bitbucket masks it in logs and never shows it again (default false).'),
  })
  .strict();

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    ref: toolArguments.refName.describe('The branch (or tag, with refType "tag") to run the pipeline for.'),
    refType: z.enum(['branch', 'tag']).optional().describe('Whether ref is a branch (default) or a tag.'),
    commit: z
      .string()
      .regex(/^[0-9a-fA-F]{7,40}$/)
      .optional()
      .describe('Run on this commit of the ref instead of its head (full or abbreviated hash).'),
    customPipeline: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Run this custom pipeline (a name under `pipelines: custom:` in bitbucket-pipelines.yml) instead of the one the ref selects.',
      ),
    variables: z.array(variable).max(50).optional().describe('Pipeline variables for this run.'),
  })
  .strict();
const output = pipelineView;

@McpTool()
@Injectable()
export class TriggerPipelineTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'trigger_pipeline',
    title: 'Run a pipeline',
    description:
      'Starts a new Bitbucket Pipelines run for a branch or tag (its head, or a given commit): the pipeline bitbucket-pipelines.yml selects for the ref, or a named custom pipeline, with optional variables (secured ones are masked). Every call starts another run. Returns the new run (build number, uuid, state); follow it with wait_for_pipeline or get_pipeline.',
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.write,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PipelineView> {
    const pipeline = await this.bitbucket.triggerPipeline(
      { workspace: args.workspace, repo: args.repo },
      {
        ref: args.ref,
        ...(args.refType === undefined ? {} : { refType: args.refType }),
        ...(args.commit === undefined ? {} : { commit: args.commit }),
        ...(args.customPipeline === undefined ? {} : { customPipeline: args.customPipeline }),
        ...(args.variables === undefined ? {} : { variables: args.variables }),
      },
      { signal: context.signal },
    );
    return toPipelineView(pipeline);
  }

  render(pipeline: PipelineView, context: ToolContext): string {
    return [
      context.t('tools.PIPELINE_TRIGGERED', {
        buildNumber: pipeline.buildNumber,
        ref: pipeline.refName ?? '',
        state: pipelineStateText(pipeline, context),
      }),
      pipelineLine(pipeline, context),
    ].join('\n');
  }
}
