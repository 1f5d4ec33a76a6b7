import type { Type } from '@nestjs/common';
import { FileContentResource } from './file-content-resource/file-content.resource';
import { GetFileContentTool } from './get-file-content/get-file-content.tool';
import { ListDirectoryTool } from './list-directory/list-directory.tool';

/** Tools of the `files` toolset, and the resource template serving the same files to clients. */
export const FILE_TOOLS: Type[] = [GetFileContentTool, ListDirectoryTool, FileContentResource];
