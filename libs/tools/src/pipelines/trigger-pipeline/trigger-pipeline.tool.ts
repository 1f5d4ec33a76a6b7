import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
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
      .describe(catalogueText('trigger_pipeline.params.variables.key')),
    value: z.string().max(10000).describe(catalogueText('trigger_pipeline.params.variables.value')),
    secured: z.boolean().optional().describe(catalogueText('trigger_pipeline.params.variables.secured')),
  })
  .strict();

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    ref: toolArguments.refName.describe(catalogueText('trigger_pipeline.params.ref')),
    refType: z.enum(['branch', 'tag']).optional().describe(catalogueText('trigger_pipeline.params.refType')),
    commit: z
      .string()
      .regex(/^[0-9a-fA-F]{7,40}$/)
      .optional()
      .describe(catalogueText('trigger_pipeline.params.commit')),
    customPipeline: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(catalogueText('trigger_pipeline.params.customPipeline')),
    variables: z.array(variable).max(50).optional().describe(catalogueText('trigger_pipeline.params.variables')),
  })
  .strict();
const output = pipelineView;

@McpTool()
@Injectable()
export class TriggerPipelineTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'trigger_pipeline',
    title: catalogueText('trigger_pipeline.title'),
    description: catalogueText('trigger_pipeline.description'),
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
