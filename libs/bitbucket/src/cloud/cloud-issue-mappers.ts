import type { BbIssue } from '../model/bb-issue';
import type { BbIssueComment } from '../model/bb-issue-comment';
import type { CloudIssueCommentJson, CloudIssueJson } from './cloud-issue-json';
import { cloudMappers } from './cloud-mappers';

/** Cloud issues and their comments → the domain model. */
export const cloudIssueMappers = {
  issue(json: CloudIssueJson): BbIssue {
    const createdOn = json.created_on ?? '';
    return {
      id: json.id,
      title: json.title ?? '',
      content: json.content?.raw ?? '',
      state: json.state ?? '',
      kind: json.kind ?? '',
      priority: json.priority ?? '',
      ...(json.reporter === undefined || json.reporter === null ? {} : { reporter: cloudMappers.user(json.reporter) }),
      ...(json.assignee === undefined || json.assignee === null ? {} : { assignee: cloudMappers.user(json.assignee) }),
      createdOn,
      updatedOn: json.updated_on ?? createdOn,
      ...(json.links?.html?.href === undefined ? {} : { url: json.links.html.href }),
    };
  },

  comment(json: CloudIssueCommentJson): BbIssueComment {
    return {
      id: json.id,
      ...(json.user === undefined || json.user === null ? {} : { author: cloudMappers.user(json.user) }),
      text: json.content?.raw ?? '',
      createdOn: json.created_on ?? '',
    };
  },
};
