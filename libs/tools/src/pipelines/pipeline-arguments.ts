import { z } from 'zod';
import { toolArguments } from '../shared/tool-arguments';

/** The arguments naming one pipeline run, shared by every tool that acts on one. */
export const pipelineArguments = {
  workspace: toolArguments.workspace,
  repo: toolArguments.repo,
  /** Its uuid, or the build number people and list_pipelines call it by. */
  pipeline: z
    .union([z.number().int().positive(), z.string().min(1).max(100)])
    .describe('The pipeline: its build number (e.g. 42 or "#42") or its uuid ("{…}", as list_pipelines gives it).'),
};
