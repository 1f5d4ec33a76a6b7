import { z } from 'zod';
import { toolArguments } from '../shared/tool-arguments';
import { catalogueText } from '@app/mcp';

/** The arguments naming one pipeline run, shared by every tool that acts on one. */
export const pipelineArguments = {
  workspace: toolArguments.workspace,
  repo: toolArguments.repo,
  /** Its uuid, or the build number people and list_pipelines call it by. */
  pipeline: z
    .union([z.number().int().positive(), z.string().min(1).max(100)])
    .describe(catalogueText('params.pipeline')),
};
