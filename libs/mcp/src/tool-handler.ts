import type { z } from 'zod';
import type { ToolContext } from './tool-context';
import type { ToolDefinition } from './tool-definition';

/**
 * A tool: its definition, what it does with validated input, and how its output reads as compact text
 * (the structured output also goes out as `structuredContent` with MCP_STRUCTURED_OUTPUT). Tools are Nest providers marked @McpTool().
 */
export abstract class ToolHandler<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  abstract readonly definition: ToolDefinition<I, O>;
  abstract run(input: z.output<I>, context: ToolContext): Promise<z.output<O>>;
  abstract render(output: z.output<O>, context: ToolContext): string;
}
