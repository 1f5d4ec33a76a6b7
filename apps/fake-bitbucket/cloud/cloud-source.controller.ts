import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FileBlob } from '../git/file-blob';
import type { GitCommit } from '../git/git-commit';
import { cloudList } from '../shared/cloud-list';
import { wildcardPath } from '../shared/wildcard-path';
import { cloudCodeErrors } from './cloud-code-errors';
import { cloudCommitDirectory } from './cloud-commit-directory.representation';
import { cloudCommitFile } from './cloud-commit-file.representation';
import { fileMimeType } from './cloud-file-mime-type';
import { gitNameOrder } from './cloud-git-name-order';
import { CloudLinks } from './cloud-links';
import { sendCloudRaw } from './cloud-raw-response';
import { resolveCloudRevision } from './cloud-revision';
import { CloudRouteRepository } from './cloud-route-repository.decorator';

interface TreeEntry {
  readonly path: string;
  readonly depth: number;
  /** Absent for a directory. */
  readonly blob?: FileBlob;
}

const MAX_DEPTH = 100;

const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** Breadth first, as Cloud walks `max_depth`: by depth, then by directory, directories before files. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  if (a.depth !== b.depth) return a.depth - b.depth;
  const parents = gitNameOrder(parentOf(a.path), parentOf(b.path));
  if (parents !== 0) return parents;
  if ((a.blob === undefined) !== (b.blob === undefined)) return a.blob === undefined ? -1 : 1;
  return gitNameOrder(a.path, b.path);
}

/** The entries under `directory` ('' for the root) down to `maxDepth` levels. */
function entriesUnder(commit: GitCommit, directory: string, maxDepth: number): TreeEntry[] {
  const prefix = directory === '' ? '' : `${directory}/`;
  const entries = new Map<string, TreeEntry>();
  for (const [path, blob] of commit.tree) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    for (let depth = 1; depth <= Math.min(parts.length, maxDepth); depth += 1) {
      const entryPath = `${prefix}${parts.slice(0, depth).join('/')}`;
      entries.set(entryPath, { path: entryPath, depth, ...(depth === parts.length ? { blob } : {}) });
    }
  }
  return [...entries.values()].sort(treeOrder);
}

/** File contents, file and directory meta data, and directory listings at a revision (docs/bitbucket-api.md#cloud-source). */
@Controller('2.0/repositories/:workspace/:repoSlug/src')
export class CloudSourceController {
  /** Redirects to the root listing at the main branch's head, as Cloud does. */
  @Get()
  root(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request, @Res() res: Response): void {
    const head = resolveCloudRevision(repository, repository.git.defaultBranch).hash;
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const { href } = CloudLinks.of(req).api(
      `/repositories/${repository.workspaceSlug}/${repository.slug}/src/${head}/`,
    );
    res.redirect(302, `${href}${query}`);
  }

  @Get(':commit')
  rootDirectory(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') commit: string,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    this.serve(repository, commit, '', req, res);
  }

  @Get(':commit/*path')
  path(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') commit: string,
    @Param('path') path: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    this.serve(repository, commit, wildcardPath(path), req, res);
  }

  private serve(repository: FakeRepository, revision: string, rawPath: string, req: Request, res: Response): void {
    const commit = resolveCloudRevision(repository, revision);
    const path = rawPath.replace(/^\/+|\/+$/g, '');
    const links = CloudLinks.of(req);
    const meta = req.query.format === 'meta';
    const blob = commit.tree.get(path);
    if (blob !== undefined) {
      if (meta) res.json(cloudCommitFile(repository, commit.hash, path, blob, links));
      else this.sendFile(path, blob, req, res);
      return;
    }
    const entries = entriesUnder(commit, path, this.maxDepth(req));
    if (path !== '' && entries.length === 0) throw cloudCodeErrors.noSuchPath(path);
    if (meta) {
      res.json(cloudCommitDirectory(repository, commit.hash, path, links));
      return;
    }
    res.json(
      cloudList(req, entries, (entry) =>
        entry.blob === undefined
          ? cloudCommitDirectory(repository, commit.hash, entry.path, links)
          : cloudCommitFile(repository, commit.hash, entry.path, entry.blob, links),
      ),
    );
  }

  /** Raw bytes, typed by the extension; the ETag is the blob id, so it follows the content only. */
  private sendFile(path: string, blob: FileBlob, req: Request, res: Response): void {
    const etag = `"${blob.id}"`;
    if (req.headers['if-none-match'] === etag) {
      res.status(304).setHeader('ETag', etag);
      res.end();
      return;
    }
    sendCloudRaw(res, fileMimeType(path, blob.binary), blob.content, {
      ETag: etag,
      'Content-Disposition': `attachment; filename="${path.slice(path.lastIndexOf('/') + 1)}"`,
    });
  }

  private maxDepth(req: Request): number {
    const requested = Number.parseInt(typeof req.query.max_depth === 'string' ? req.query.max_depth : '', 10);
    return Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_DEPTH) : 1;
  }
}
