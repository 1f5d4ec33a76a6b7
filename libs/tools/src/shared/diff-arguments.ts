import { z } from 'zod';

/** The arguments every diff tool takes, described once so the model reads them the same everywhere. */
export const diffArguments = {
  paths: z
    .array(z.string().min(1).max(1000))
    .max(100)
    .optional()
    .describe('Only these files (paths from the repository root). Omit for every changed file.'),
  contextLines: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('Unchanged lines shown around each change (Bitbucket default when omitted).'),
  maxLinesPerFile: z
    .number()
    .int()
    .min(10)
    .max(5000)
    .optional()
    .describe('Most diff lines shown per file (default 300); a longer file says how to read on.'),
  skipFiles: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Continue a cut diff: skip this many files (as told by the previous answer).'),
  lineOffset: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('With exactly one path: skip this many lines of its diff (as told by the previous answer).'),
};
