import { z } from 'zod';
import { catalogueText } from '@app/mcp';

/** The commit a commits tool is about, described once for get_commit, get_commit_diff and list_build_statuses. */
export const commitHashArgument = z.string().min(4).max(64).describe(catalogueText('params.commit'));
