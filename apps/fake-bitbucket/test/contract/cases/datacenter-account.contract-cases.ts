import type { ContractCase } from '../contract-case';

/** Data Center projects, repositories and users, through both /latest and /1.0. */
export const DATACENTER_ACCOUNT_CASES: readonly ContractCase[] = [
  { name: 'projects', method: 'GET', path: '/rest/api/latest/projects', caller: 'dc-alice', expectStatus: 200 },
  {
    name: 'projects without credentials',
    method: 'GET',
    path: '/rest/api/latest/projects',
    caller: 'none',
    expectStatus: 401,
  },
  {
    name: 'projects through /1.0',
    method: 'GET',
    path: '/rest/api/1.0/projects?limit=1',
    caller: 'dc-bob',
    expectStatus: 200,
  },
  { name: 'project', method: 'GET', path: '/rest/api/latest/projects/PLAT', caller: 'dc-alice', expectStatus: 200 },
  {
    name: 'unknown project',
    method: 'GET',
    path: '/rest/api/latest/projects/NOPE',
    caller: 'dc-alice',
    expectStatus: 404,
  },
  {
    name: 'repositories of a project',
    method: 'GET',
    path: '/rest/api/latest/projects/PLAT/repos?limit=2',
    caller: 'dc-alice',
    expectStatus: 200,
  },
  {
    name: 'repositories by name',
    method: 'GET',
    path: '/rest/api/latest/repos?name=portal',
    caller: 'dc-alice',
    expectStatus: 200,
  },
  {
    name: 'repository',
    method: 'GET',
    path: '/rest/api/latest/projects/PLAT/repos/payments-api',
    caller: 'dc-alice',
    expectStatus: 200,
  },
  {
    name: 'unknown repository',
    method: 'GET',
    path: '/rest/api/latest/projects/PLAT/repos/nope',
    caller: 'dc-alice',
    expectStatus: 404,
  },
  {
    name: 'users by filter',
    method: 'GET',
    path: '/rest/api/latest/users?filter=car',
    caller: 'dc-alice',
    expectStatus: 200,
  },
  { name: 'user', method: 'GET', path: '/rest/api/latest/users/erin', caller: 'dc-alice', expectStatus: 200 },
  { name: 'unknown user', method: 'GET', path: '/rest/api/latest/users/nobody', caller: 'dc-alice', expectStatus: 404 },
];
