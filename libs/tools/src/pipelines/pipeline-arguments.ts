import { z } from 'zod';

/** Which pipeline a tool acts on: its uuid, or the build number people and list_pipelines call it by. */
export const pipelineArgument = z
  .union([z.number().int().positive(), z.string().min(1).max(100)])
  .describe('The pipeline: its build number (e.g. 42 or "#42") or its uuid ("{…}", as list_pipelines gives it).');
