import { z } from 'zod';
import { catalogueText } from '@app/mcp';

/** The arguments every diff tool takes, described once so the model reads them the same everywhere. */
export const diffArguments = {
  paths: z.array(z.string().min(1).max(1000)).max(100).optional().describe(catalogueText('params.paths')),
  contextLines: z.number().int().min(0).max(100).optional().describe(catalogueText('params.contextLines')),
  maxLinesPerFile: z.number().int().min(10).max(5000).optional().describe(catalogueText('params.maxLinesPerFile')),
  skipFiles: z.number().int().min(0).optional().describe(catalogueText('params.skipFiles')),
  lineOffset: z.number().int().min(0).optional().describe(catalogueText('params.lineOffset')),
};
