import type { BbBuildStatus } from '../model/bb-build-status';
import type { BbCodeSearchHit } from '../model/bb-code-search-hit';
import type { BbCommit } from '../model/bb-commit';
import type { BbDirectoryEntry } from '../model/bb-directory-entry';
import type { BbFileChange } from '../model/bb-file-change';
import type { BbRef } from '../model/bb-ref';
import type {
  CloudCodeSearchResultJson,
  CloudCommitJson,
  CloudCommitStatusJson,
  CloudDiffstatJson,
  CloudRefJson,
  CloudTreeEntryJson,
} from './cloud-code-json';
import { cloudMappers } from './cloud-mappers';

const BUILD_STATES: readonly BbBuildStatus['state'][] = ['SUCCESSFUL', 'FAILED', 'INPROGRESS', 'STOPPED'];
const FILE_STATUSES: readonly BbFileChange['status'][] = ['added', 'modified', 'removed', 'renamed'];

/** `Name <email>`, as git and Cloud's `author.raw` write it. */
function splitRaw(raw: string): { name: string; email?: string } {
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(raw);
  return match === null ? { name: raw.trim() } : { name: match[1] ?? '', email: match[2] ?? '' };
}

/** The repository of a search hit: asked for with `fields=+values.file.commit.repository`, else read off its link. */
function repositoryOf(json: CloudCodeSearchResultJson): { workspace: string; repo: string } {
  const fullName =
    json.file?.commit?.repository?.full_name ??
    /\/repositories\/([^/]+\/[^/]+)\/src\//.exec(json.file?.links?.self?.href ?? '')?.[1] ??
    '';
  const [workspace = '', repo = ''] = decodeURIComponent(fullName).split('/');
  return { workspace, repo };
}

/** Cloud refs, commits, diffstats, statuses, source entries and search hits → the domain model. */
export const cloudCodeMappers = {
  ref(json: CloudRefJson, type: BbRef['type'], defaultBranch?: string): BbRef {
    const date = json.date ?? json.target?.date;
    return {
      name: json.name,
      type,
      commit: json.target?.hash ?? '',
      ...(type === 'branch' && defaultBranch !== undefined ? { isDefault: json.name === defaultBranch } : {}),
      ...(json.message === undefined || json.message === null || json.message === ''
        ? {}
        : { message: json.message.trimEnd() }),
      ...(date === undefined ? {} : { date }),
    };
  },

  commit(json: CloudCommitJson): BbCommit {
    const { name, email } = splitRaw(json.author?.raw ?? '');
    const user = json.author?.user;
    const author = user === undefined || user === null ? undefined : cloudMappers.user(user);
    return {
      hash: json.hash,
      message: (json.message ?? '').trimEnd(),
      authorName: name !== '' ? name : (author?.displayName ?? 'unknown'),
      ...(email === undefined || email === '' ? {} : { authorEmail: email }),
      ...(author === undefined
        ? {}
        : { author: { id: author.id, name: author.name, displayName: author.displayName } }),
      date: json.date ?? '',
      parents: (json.parents ?? []).flatMap((parent) => (parent.hash === undefined ? [] : [parent.hash])),
    };
  },

  fileChange(json: CloudDiffstatJson): BbFileChange {
    const path = json.new?.path ?? json.old?.path ?? '';
    const oldPath = json.old?.path;
    // Cloud's newer statuses (merge conflict, local/remote deleted) are modifications as far as callers go.
    const status = FILE_STATUSES.find((known) => known === json.status) ?? 'modified';
    return {
      path,
      ...(oldPath !== undefined && oldPath !== path ? { oldPath } : {}),
      status,
      ...(json.lines_added === undefined ? {} : { linesAdded: json.lines_added }),
      ...(json.lines_removed === undefined ? {} : { linesRemoved: json.lines_removed }),
    };
  },

  buildStatus(json: CloudCommitStatusJson): BbBuildStatus {
    return {
      key: json.key ?? '',
      name: json.name ?? json.key ?? '',
      state: BUILD_STATES.find((known) => known === json.state) ?? 'INPROGRESS',
      url: json.url ?? '',
      description: json.description ?? '',
      ...(json.updated_on === undefined ? {} : { updatedOn: json.updated_on }),
    };
  },

  directoryEntry(json: CloudTreeEntryJson): BbDirectoryEntry {
    if (json.type === 'commit_directory') return { path: json.path, type: 'directory' };
    if (json.attributes?.includes('subrepository') === true) return { path: json.path, type: 'submodule' };
    return { path: json.path, type: 'file', ...(json.size === undefined ? {} : { size: json.size }) };
  },

  /** Only lines holding a match; their segments joined back into plain text. */
  searchHit(json: CloudCodeSearchResultJson): BbCodeSearchHit {
    const lines = (json.content_matches ?? []).flatMap((match) =>
      (match.lines ?? []).flatMap((line) =>
        line.line !== undefined && (line.segments ?? []).some((segment) => segment.match === true)
          ? [{ line: line.line, text: (line.segments ?? []).map((segment) => segment.text ?? '').join('') }]
          : [],
      ),
    );
    return {
      ...repositoryOf(json),
      path: json.file?.path ?? '',
      matchCount: json.content_match_count ?? lines.length,
      lines,
    };
  },
};
