import type { FakePipeline } from '../dataset/fake-pipeline';

/** `/repositories/{ws}/{repo}/pipelines/%7B…%7D`: the API path of a pipeline, its uuid URL-encoded. */
export function cloudPipelinePath(pipeline: FakePipeline): string {
  return `/repositories/${pipeline.repoKey}/pipelines/${encodeURIComponent(pipeline.uuid)}`;
}
