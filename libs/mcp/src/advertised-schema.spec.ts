import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { advertisedHints, advertisedSchema } from './advertised-schema';
import { TOOL_HINTS } from './tool-hints';

const jsonSchema = (schema: z.ZodObject): Tool['inputSchema'] =>
  toJsonSchemaCompat(schema, { strictUnions: true, pipeStrategy: 'input' }) as Tool['inputSchema'];

describe('advertisedSchema', () => {
  it('keeps what a model chooses from and drops what only validation needs', () => {
    const input = z
      .object({
        workspace: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[a-z]+$/)
          .describe('workspace'),
        limit: z.number().int().min(1).max(100).optional().describe('limit'),
        id: z.number().int().positive(),
        states: z
          .array(z.enum(['OPEN', 'MERGED']))
          .min(1)
          .max(2)
          .optional(),
        labels: z.record(z.string(), z.string().max(10)).optional(),
      })
      .strict();
    expect(advertisedSchema(jsonSchema(input))).toEqual({
      type: 'object',
      properties: {
        workspace: { type: 'string', description: 'workspace' },
        limit: { type: 'integer', minimum: 1, maximum: 100, description: 'limit' },
        id: { type: 'integer' },
        states: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string', enum: ['OPEN', 'MERGED'] } },
        labels: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'string' } },
      },
      required: ['workspace', 'id'],
    });
  });

  it('reads the names of properties as names, even those spelt like a keyword', () => {
    const input = z.object({ pattern: z.string().max(5), maxLength: z.number().int() });
    expect(advertisedSchema(jsonSchema(input)).properties).toEqual({
      pattern: { type: 'string' },
      maxLength: { type: 'integer' },
    });
  });
});

describe('advertisedHints', () => {
  it('states readOnlyHint for a tool that reads, destructiveHint for one that writes, and the other hints where they differ from the defaults', () => {
    expect(advertisedHints(TOOL_HINTS.read)).toEqual({ readOnlyHint: true });
    expect(advertisedHints(TOOL_HINTS.write)).toEqual({ destructiveHint: false });
    expect(advertisedHints(TOOL_HINTS.idempotentWrite)).toEqual({ destructiveHint: false, idempotentHint: true });
    expect(advertisedHints(TOOL_HINTS.destructive)).toEqual({ destructiveHint: true });
    expect(advertisedHints({ ...TOOL_HINTS.read, openWorldHint: false })).toEqual({
      readOnlyHint: true,
      openWorldHint: false,
    });
  });
});
