import type { BbBuildStatus } from '../model/bb-build-status';
import type { BbCodeSearchHit } from '../model/bb-code-search-hit';
import type { BbCommit } from '../model/bb-commit';
import type { BbDirectoryEntry } from '../model/bb-directory-entry';
import type { BbFileChange } from '../model/bb-file-change';
import type { BbRef } from '../model/bb-ref';
import type {
  DatacenterBuildStatusJson,
  DatacenterChangeJson,
  DatacenterCodeSearchHitJson,
  DatacenterCommitJson,
  DatacenterDirectoryChildJson,
  DatacenterPathJson,
  DatacenterRefJson,
} from './datacenter-code-json';
import { isoDate } from './datacenter-iso-date';
import { datacenterMappers } from './datacenter-mappers';

/** Data Center's CANCELLED is the model's STOPPED; UNKNOWN (and anything newer) reads as in progress. */
const BUILD_STATES = new Map<string | undefined, BbBuildStatus['state']>([
  ['SUCCESSFUL', 'SUCCESSFUL'],
  ['FAILED', 'FAILED'],
  ['INPROGRESS', 'INPROGRESS'],
  ['CANCELLED', 'STOPPED'],
]);

/** RestChange types; UNKNOWN reads as a modification. */
const CHANGE_STATUSES = new Map<string | undefined, BbFileChange['status']>([
  ['ADD', 'added'],
  ['MODIFY', 'modified'],
  ['DELETE', 'removed'],
  ['MOVE', 'renamed'],
  ['COPY', 'copied'],
]);

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const pathText = (json: DatacenterPathJson | undefined): string | undefined =>
  typeof json?.toString === 'string' ? json.toString : json?.components?.join('/');

/** A search result line as plain text: the `<em>` highlights dropped, then the HTML escapes undone. */
function plainText(html: string): string {
  return html.replace(/<\/?em>/g, '').replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity: string, name: string) => {
    if (name.startsWith('#')) {
      const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES.get(name.toLowerCase()) ?? entity;
  });
}

/** Data Center refs, commits, changes, build statuses, directory entries and search hits → the domain model. */
export const datacenterCodeMappers = {
  ref(json: DatacenterRefJson, type: BbRef['type']): BbRef {
    return {
      name: json.displayId,
      type,
      commit: json.latestCommit ?? json.latestChangeset ?? '',
      ...(type === 'branch' ? { isDefault: (json.isDefault ?? json.default) === true } : {}),
    };
  },

  /** A known Bitbucket user (it has a slug or a display name) becomes the commit's `author`. */
  commit(json: DatacenterCommitJson): BbCommit {
    const person = json.author;
    const user =
      person?.slug === undefined && person?.displayName === undefined ? undefined : datacenterMappers.user(person);
    return {
      hash: json.id,
      message: (json.message ?? '').trimEnd(),
      authorName: person?.displayName ?? person?.name ?? 'unknown',
      ...(person?.emailAddress === undefined ? {} : { authorEmail: person.emailAddress }),
      ...(user === undefined ? {} : { author: { id: user.id, name: user.name, displayName: user.displayName } }),
      date: isoDate(json.authorTimestamp),
      parents: (json.parents ?? []).map((parent) => parent.id),
    };
  },

  fileChange(json: DatacenterChangeJson): BbFileChange {
    const path = pathText(json.path) ?? pathText(json.srcPath) ?? '';
    const oldPath = pathText(json.srcPath);
    return {
      path,
      ...(oldPath !== undefined && oldPath !== path ? { oldPath } : {}),
      status: CHANGE_STATUSES.get(json.type) ?? 'modified',
    };
  },

  buildStatus(json: DatacenterBuildStatusJson): BbBuildStatus {
    const updated = json.dateAdded ?? json.updatedDate;
    return {
      key: json.key ?? '',
      name: json.name ?? json.key ?? '',
      state: BUILD_STATES.get(json.state) ?? 'INPROGRESS',
      url: json.url ?? '',
      description: json.description ?? '',
      ...(updated === undefined ? {} : { updatedOn: isoDate(updated) }),
    };
  },

  /** Children are named relative to the `directory` browsed; the model names them from the repository root. */
  directoryEntry(json: DatacenterDirectoryChildJson, directory: string): BbDirectoryEntry {
    const name = pathText(json.path) ?? '';
    const path = directory === '' ? name : `${directory}/${name}`;
    if (json.type === 'DIRECTORY') return { path, type: 'directory' };
    if (json.type === 'SUBMODULE') return { path, type: 'submodule' };
    return { path, type: 'file', ...(json.size === undefined ? {} : { size: json.size }) };
  },

  /** Only the lines holding a match (`<em>`), as plain text; the project key is the hit's workspace. */
  searchHit(json: DatacenterCodeSearchHitJson): BbCodeSearchHit {
    const lines = (json.hitContexts ?? [])
      .flat()
      .flatMap((line) =>
        line.line !== undefined && line.text?.includes('<em>') === true
          ? [{ line: line.line, text: plainText(line.text) }]
          : [],
      );
    return {
      workspace: json.repository?.project?.key ?? '',
      repo: json.repository?.slug ?? '',
      path: json.file ?? '',
      matchCount: json.hitCount ?? lines.length,
      lines,
    };
  },
};
