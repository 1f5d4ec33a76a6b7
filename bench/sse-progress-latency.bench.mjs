// SLA 7 (streaming): how long a progress event takes from the tool that emits it to a client on the
// legacy HTTP+SSE transport. Several clients each wait on a running pipeline (wait_for_pipeline,
// one progress event per look); the server logs when each event left the tool (debug, with the
// client's X-Request-Id as correlation id), the client notes when it arrived; both clocks are this
// machine's. Exits 0 when p99 is within target.
//   node bench/sse-progress-latency.bench.mjs [--clients 20] [--seconds 12]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { parseArgs } from 'node:util';
import { percentile, startStack } from './bench-processes.mjs';

const TARGET_P99_MS = 50;
const { values } = parseArgs({
  options: { clients: { type: 'string', default: '20' }, seconds: { type: 'string', default: '12' } },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);

// Structured answers: the triggered run's uuid is read from them.
const stack = await startStack({ LOG_LEVEL: 'debug', MCP_STRUCTURED_OUTPUT: 'true' });
const received = new Map();
try {
  // Three steps of seconds/3 each: a pipeline runs about `seconds`, looked at every second.
  await fetch(`${stack.fakeUrl}/__fake/settings`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pipelinePendingMs: 200, pipelineStepMs: Math.round((seconds * 1000) / 3) }),
  });
  await Promise.all(
    Array.from({ length: clients }, async (_, index) => {
      // Each client's POSTs carry its own request id, which the server's log lines name (correlationId).
      const requestId = `bench-client-${index}`;
      const requestInit = { headers: { 'X-API-Key': stack.apiKey, 'X-Request-Id': requestId } };
      const client = new Client({ name: `bench-${index}`, version: '1' });
      await client.connect(
        new SSEClientTransport(new URL(`${stack.url}/sse`), {
          requestInit,
          eventSourceInit: {
            fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, 'X-API-Key': stack.apiKey } }),
          },
        }),
      );
      const triggered = await client.callTool({
        name: 'trigger_pipeline',
        arguments: { workspace: 'acme', repo: 'payments-api', ref: 'main' },
      });
      await client.request(
        {
          method: 'tools/call',
          params: {
            name: 'wait_for_pipeline',
            arguments: {
              workspace: 'acme',
              repo: 'payments-api',
              pipeline: triggered.structuredContent.uuid,
              pollIntervalSeconds: 1,
            },
          },
        },
        CallToolResultSchema,
        {
          timeout: (seconds + 30) * 1000,
          onprogress: (progress) => received.set(`${requestId}#${progress.progress}`, Date.now()),
        },
      );
      await client.close();
    }),
  );
  const latencies = [];
  for (const line of stack.server.output.text.split('\n')) {
    if (!line.includes('"Progress sent"')) continue;
    const entry = JSON.parse(line);
    const arrived = received.get(`${entry.correlationId}#${entry.progress}`);
    if (arrived !== undefined) latencies.push(arrived - Date.parse(entry.timestamp));
  }
  const figures = {
    clients,
    events: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    targetP99Ms: TARGET_P99_MS,
  };
  console.log(`legacy SSE progress latency: ${JSON.stringify(figures)}`);
  process.exitCode = latencies.length >= clients && figures.p99Ms <= TARGET_P99_MS ? 0 : 1;
} finally {
  await stack.stop();
}
