import type { z } from 'zod';
import type { CatalogueText } from './catalogue-text';
import type { TOOL_HINTS } from './tool-hints';
import type { Toolset } from './toolsets';

/** What the registry and clients know about a tool. */
export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** snake_case, stable: clients and MCP_*_TOOLS refer to it. */
  readonly name: string;
  /** Like every text of the catalogue, a key of i18n/<lang>/catalogue.json: tools/list reads it in the session's language. */
  readonly title: CatalogueText;
  /** For the model: what it does, when to use it, what it returns. */
  readonly description: CatalogueText;
  readonly toolset: Toolset;
  readonly input: I;
  readonly output: O;
  readonly hints: (typeof TOOL_HINTS)[keyof typeof TOOL_HINTS];
  /** Capabilities the deployment must have (e.g. `pipelines`: Cloud only); unavailable tools are not listed. */
  readonly requires?: readonly string[];
  /** For destructive tools: what the user is asked to confirm, as an i18n key under `confirm.` with the input as params. */
  readonly confirmation?: string;
}
