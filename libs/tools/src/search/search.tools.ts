import type { Type } from '@nestjs/common';
import { SearchCodeTool } from './search-code/search-code.tool';

/** Tools of the `search` toolset. */
export const SEARCH_TOOLS: Type[] = [SearchCodeTool];
