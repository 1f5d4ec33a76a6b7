// The baseline of docs/SLA.md level 2: a bare MCP SDK Streamable HTTP server (plain node:http,
// stateful sessions, JSON answers) with the same get_repository tool against the same fake Bitbucket:
// the same upstream GET (Basic credentials, keep-alive undici pool), the same input and output
// schemas validated by the SDK, and the text line the full stack renders (libs/tools/src/shared/repository-view.ts).
// No authentication, rate limits, logging or metrics: what the SDK alone costs per tool call.
// With --share-gets, identical concurrent GETs share one upstream request, as the full stack's single
// flight does (libs/bitbucket/src/resilience/single-flight.ts): the fake then does as little work for
// either server, and a throughput comparison measures the servers' own paths.
//
//   node bench/bare-sdk-server.mjs <port> <bitbucket base url, e.g. http://127.0.0.1:7990/2.0> [--share-gets]
//
// GET /health/ready answers 200 once listening (bench/bench-processes.mjs waits on it).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Agent, request } from 'undici';
import { z } from 'zod';

const [port, bitbucketUrl] = [Number(process.argv[2]), process.argv[3]];
const shareGets = process.argv.includes('--share-gets');
const authorization = `Basic ${Buffer.from('alice@acme.example:ATATT-fake-alice').toString('base64')}`;
const upstream = new Agent({ connections: 32, keepAliveTimeout: 30000 });

const segment = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._~{}-]+$/);
const input = { workspace: segment, repo: segment };
const output = {
  workspace: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  private: z.boolean(),
  defaultBranch: z.string().optional(),
  project: z.string().optional(),
  language: z.string().optional(),
  updatedOn: z.string().optional(),
  url: z.string().optional(),
};

async function getJson(path, signal) {
  const answer = await request(`${bitbucketUrl}${path}`, {
    dispatcher: upstream,
    signal,
    headers: { Accept: 'application/json', Authorization: authorization },
  });
  if (answer.statusCode !== 200) throw new Error(`Bitbucket answered ${answer.statusCode}`);
  return answer.body.json();
}

const flights = new Map();
/** getJson, one upstream request for all identical ones in flight (no signal: the request is shared). */
function sharedGetJson(path) {
  let flight = flights.get(path);
  if (flight === undefined) {
    flight = getJson(path).finally(() => flights.delete(path));
    flights.set(path, flight);
  }
  return flight;
}

async function getRepository({ workspace, repo }, signal) {
  const path = `/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repo)}`;
  const json = shareGets ? await sharedGetJson(path) : await getJson(path, signal);
  const [owner, slug] = String(json.full_name).split('/');
  return {
    workspace: owner,
    slug,
    name: json.name,
    description: json.description ?? '',
    private: json.is_private === true,
    ...(json.mainbranch?.name === undefined ? {} : { defaultBranch: json.mainbranch.name }),
    ...(json.project?.key === undefined ? {} : { project: json.project.key }),
    ...(json.language === undefined || json.language === '' ? {} : { language: json.language }),
    ...(json.updated_on === undefined ? {} : { updatedOn: json.updated_on }),
    ...(json.links?.html?.href === undefined ? {} : { url: json.links.html.href }),
  };
}

function render(repository) {
  const facts = [
    repository.defaultBranch,
    repository.project,
    repository.private ? 'private' : 'public',
    repository.language,
  ].filter((fact) => fact !== undefined && fact !== '');
  const description = repository.description === '' ? '' : `: ${repository.description}`;
  const line = `${repository.workspace}/${repository.slug} (${facts.join(', ')})${description}`;
  return repository.url === undefined ? line : `${line}\n${repository.url}`;
}

function newServer() {
  const server = new McpServer({ name: 'bare-sdk-baseline', version: '1.0.0' });
  server.registerTool(
    'get_repository',
    { title: 'Get repository', description: 'One repository.', inputSchema: input, outputSchema: output },
    async (args, extra) => {
      const repository = await getRepository(args, extra.signal);
      return { content: [{ type: 'text', text: render(repository) }], structuredContent: repository };
    },
  );
  return server;
}

const sessions = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const http = createServer(async (req, res) => {
  try {
    if (req.url === '/health/ready') {
      res.writeHead(200).end('ok');
      return;
    }
    if (req.url !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (transport === undefined) {
      if (id !== undefined || !isInitializeRequest(body)) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"unknown session"}');
        return;
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse: true,
        onsessioninitialized: (sessionId) => sessions.set(sessionId, transport),
      });
      transport.onclose = () => sessions.delete(transport.sessionId);
      await newServer().connect(transport);
    }
    await transport.handleRequest(req, res, body);
  } catch (error) {
    if (!res.headersSent) res.writeHead(500).end(String(error));
  }
});
http.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  http.close();
  http.closeAllConnections();
  void upstream.close();
});
