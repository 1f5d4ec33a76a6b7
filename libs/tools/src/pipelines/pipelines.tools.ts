import type { Type } from '@nestjs/common';
import { GetPipelineStepLogTool } from './get-pipeline-step-log/get-pipeline-step-log.tool';
import { GetPipelineTool } from './get-pipeline/get-pipeline.tool';
import { ListPipelineStepsTool } from './list-pipeline-steps/list-pipeline-steps.tool';
import { ListPipelinesTool } from './list-pipelines/list-pipelines.tool';
import { StopPipelineTool } from './stop-pipeline/stop-pipeline.tool';
import { TriggerPipelineTool } from './trigger-pipeline/trigger-pipeline.tool';
import { WaitForPipelineTool } from './wait-for-pipeline/wait-for-pipeline.tool';

/** Tools of the `pipelines` toolset (Bitbucket Cloud only). */
export const PIPELINE_TOOLS: Type[] = [
  ListPipelinesTool,
  GetPipelineTool,
  TriggerPipelineTool,
  StopPipelineTool,
  ListPipelineStepsTool,
  GetPipelineStepLogTool,
  WaitForPipelineTool,
];
