import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakeRepository } from '../dataset/fake-repository';
import { fileMimeType } from '../cloud/cloud-file-mime-type';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { wildcardPath } from '../shared/wildcard-path';
import { datacenterCodeErrors } from './datacenter-code-errors';
import { datacenterDirectory } from './datacenter-directory.representation';
import { datacenterLinePage } from './datacenter-line-page.representation';
import { datacenterPath } from './datacenter-path.representation';
import { sendDatacenterRaw } from './datacenter-raw-response';
import { DATACENTER_REPOSITORY as REPOSITORY } from './datacenter-repository-route';
import { datacenterRevision } from './datacenter-revision';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { DatacenterTree } from './datacenter-tree';

interface BrowseQuery {
  readonly at?: string;
  readonly type?: string;
  readonly size?: string;
}

/** Data Center's `page.max.directory.recursive.children`. */
const MAX_FILES = 100_000;

interface Located {
  readonly tree: DatacenterTree;
  readonly path: string;
  /** The revision as the request named it, which Data Center echoes. */
  readonly revision: string;
}

/** File contents (raw and paged lines), directory listings and recursive file lists at a revision. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterFilesController {
  /** The bytes as stored, typed from the file name's extension. */
  @Get(`${REPOSITORY}/raw/*path`)
  raw(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('path') rawPath: unknown,
    @Res() res: Response,
    @Query('at') at?: string,
  ): void {
    const { tree, path, revision } = this.locate(repository, rawPath, at);
    const blob = tree.file(path);
    if (blob === undefined) throw datacenterCodeErrors.noSuchPath(path, revision);
    sendDatacenterRaw(res, fileMimeType(path, blob.binary), blob.content);
  }

  /**
   * A file's lines (paged with `start`/`limit`), `{binary: true}` for a binary file, or a directory
   * with a page of its children. `size=true` answers the file size alone, else `type=true` the node
   * type alone, as Data Center checks them in that order.
   */
  @Get([`${REPOSITORY}/browse`, `${REPOSITORY}/browse/*path`])
  browse(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('path') rawPath: unknown,
    @Query() query: BrowseQuery,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { tree, path, revision } = this.locate(repository, rawPath, query.at);
    const blob = tree.file(path);
    if (blob === undefined && !tree.isDirectory(path)) throw datacenterCodeErrors.noSuchPath(path, revision);
    if (query.size === 'true') {
      if (blob === undefined) throw datacenterErrors.badRequest(`The path "${path}" is not a file.`, 'size');
      return { size: blob.content.length };
    }
    if (query.type === 'true') return { type: blob === undefined ? 'DIRECTORY' : 'FILE' };
    if (blob === undefined) return datacenterDirectory(req, tree, path, revision);
    if (blob.binary) return { path: datacenterPath(path), revision, binary: true };
    return datacenterLinePage(req, blob);
  }

  /** Every file below the path (default: the root), recursively, relative to it. */
  @Get([`${REPOSITORY}/files`, `${REPOSITORY}/files/*path`])
  files(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('path') rawPath: unknown,
    @Req() req: Request,
    @Query('at') at?: string,
  ): Record<string, unknown> {
    const { tree, path, revision } = this.locate(repository, rawPath, at);
    if (!tree.isDirectory(path)) {
      if (tree.file(path) === undefined) throw datacenterCodeErrors.noSuchPath(path, revision);
      throw datacenterErrors.badRequest(`The path "${path}" is not a directory at revision "${revision}"`, 'path');
    }
    return datacenterPage(req, tree.filesUnder(path), (file) => file, { maxLimit: MAX_FILES });
  }

  private locate(repository: FakeRepository, rawPath: unknown, at: string | undefined): Located {
    const hash = datacenterRevision(repository, at, 'content');
    return {
      tree: new DatacenterTree(repository.git.get(hash).tree),
      path: wildcardPath(rawPath).replace(/^\/+|\/+$/g, ''),
      revision: at === undefined || at === '' ? `refs/heads/${repository.git.defaultBranch}` : at,
    };
  }
}
