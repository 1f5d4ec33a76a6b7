import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Flavor = 'cloud' | 'datacenter';
type Schema = Record<string, unknown>;

interface MediaTypeObject {
  schema?: unknown;
}

interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

interface RequestBodyObject {
  $ref?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
  requestBody?: RequestBodyObject;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: Record<string, Record<string, unknown>>;
}

/**
 * Opt-in leniencies for where the published specs and the real APIs disagree; the default checks
 * the spec exactly as published.
 */
interface ContractOptions {
  /**
   * Accept null for any property a schema does not require: both APIs send null for unset values, yet
   * neither spec says `nullable` anywhere.
   */
  nullForOptionalProperties?: boolean;
  /**
   * Ignore `additionalProperties: false`: the real APIs send properties the spec does not list, and the
   * Cloud spec closes allOf branches, which rejects every body of e.g. a pull request task.
   */
  undocumentedProperties?: boolean;
}

interface PathTemplate {
  specPath: string;
  pattern: RegExp;
  /** Per segment: 3 literal, 2 literal with params, 1 one param, 0 holds a multi-segment param. */
  ranks: number[];
  literalLength: number;
}

type PathMatch =
  | { kind: 'operation'; specPath: string; method: string; operation: OperationObject }
  | { kind: 'no-method'; specPath: string; methods: string[] }
  | { kind: 'no-path' };

interface ResponseInput {
  method: string;
  urlPath: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

interface RequestBodyInput {
  method: string;
  urlPath: string;
  contentType: string | undefined;
  body: unknown;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

// Parameters that may span several segments when they end a template: file paths, and Cloud diff
// specs, which Bitbucket itself writes as `{workspace}/{repo}:{src}%0D{dst}` in its redirects.
const MULTI_SEGMENT_PARAMS = new Set(['path', 'spec', 'revspec']);

/** Maps the path a client sends onto the spec's path space (the subsets are relative to `/2.0` and `/rest`). */
const SPEC_PATH_OF: Record<Flavor, (urlPath: string) => string | undefined> = {
  cloud: (urlPath) => /^\/2\.0(\/.*)$/.exec(urlPath)?.[1],
  datacenter: (urlPath) => {
    // `/rest/api/1.0/...` is the same API as `/rest/api/latest/...`, and so for the other REST modules.
    const match = /^\/rest\/([^/]+)\/(?:latest|1\.0)(\/.*)?$/.exec(urlPath);
    return match === null ? undefined : `/${match[1] ?? ''}/latest${match[2] ?? ''}`;
  },
};

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mediaTypeEssence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaTypeEssence(mediaType);
  return essence === 'application/json' || essence.endsWith('+json');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pointerToken(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function mapValues(map: unknown, transform: (value: unknown) => unknown): unknown {
  return isObject(map) ? Object.fromEntries(Object.entries(map).map(([key, value]) => [key, transform(value)])) : map;
}

/** Applies `transform` to a schema and every schema nested in it, innermost first. */
function mapSchema(schema: unknown, transform: (schema: Schema) => Schema): unknown {
  if (!isObject(schema)) return schema;
  const copy: Schema = { ...schema };
  const nested = (value: unknown): unknown => mapSchema(value, transform);
  if (copy.properties !== undefined) copy.properties = mapValues(copy.properties, nested);
  for (const key of ['items', 'additionalProperties', 'not']) {
    if (isObject(copy[key])) copy[key] = nested(copy[key]);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const branches = copy[key];
    if (Array.isArray(branches)) copy[key] = branches.map(nested);
  }
  return transform(copy);
}

/** Applies `transform` to every schema of the document: operations' bodies and all components. */
function mapDocumentSchemas(document: OpenApiDocument, transform: (schema: Schema) => Schema): OpenApiDocument {
  const inContent = (content: unknown): unknown =>
    mapValues(content, (media) =>
      isObject(media) && media.schema !== undefined ? { ...media, schema: mapSchema(media.schema, transform) } : media,
    );
  const inBody = (body: unknown): unknown =>
    isObject(body) && body.content !== undefined ? { ...body, content: inContent(body.content) } : body;
  const inOperation = (operation: unknown): unknown =>
    isObject(operation)
      ? {
          ...operation,
          responses: mapValues(operation.responses, inBody),
          requestBody: inBody(operation.requestBody),
        }
      : operation;
  const components = document.components ?? {};
  return {
    ...document,
    paths: mapValues(document.paths, (item) => mapValues(item, inOperation)) as OpenApiDocument['paths'],
    components: {
      ...components,
      schemas: mapValues(components.schemas ?? {}, (schema) => mapSchema(schema, transform)) as Schema,
      responses: mapValues(components.responses ?? {}, inBody) as Schema,
      requestBodies: mapValues(components.requestBodies ?? {}, inBody) as Schema,
    },
  };
}

/** A schema that also accepts null: null joins the declared type, or an anyOf with null wraps a typeless schema. */
function allowNull(schema: Schema): Schema {
  const type = schema.type;
  if (typeof type !== 'string' && !Array.isArray(type)) return { anyOf: [{ type: 'null' }, schema] };
  const types: unknown[] = Array.isArray(type) ? type : [type];
  const copy: Schema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
  const allowed: unknown[] | undefined = Array.isArray(copy.enum) ? copy.enum : undefined;
  if (allowed !== undefined && !allowed.includes(null)) copy.enum = [...allowed, null];
  return copy;
}

/**
 * OpenAPI 3.0 `nullable: true` in JSON Schema terms (Ajv's own support rejects it next to $ref or allOf).
 * An enum that lists null counts as nullable too: the Cloud spec says so that way (participant `state`).
 */
function withNullableHonoured(schema: Schema): Schema {
  const { nullable, ...rest } = schema;
  const listsNull = Array.isArray(rest.enum) && rest.enum.includes(null);
  return nullable === true || listsNull ? allowNull(rest) : rest;
}

function withNullForOptionalProperties(schema: Schema): Schema {
  const properties = schema.properties;
  if (!isObject(properties)) return schema;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const relaxed = Object.entries(properties).map(([name, property]) => [
    name,
    required.has(name) || !isObject(property) ? property : allowNull(property),
  ]);
  return { ...schema, properties: Object.fromEntries(relaxed) };
}

function withoutClosedObjects(schema: Schema): Schema {
  if (schema.additionalProperties !== false) return schema;
  const { additionalProperties: _closed, ...rest } = schema;
  return rest;
}

function collectFormats(document: OpenApiDocument): Set<string> {
  const formats = new Set<string>();
  mapDocumentSchemas(document, (schema) => {
    if (typeof schema.format === 'string') formats.add(schema.format);
    return schema;
  });
  return formats;
}

function compileTemplate(specPath: string): PathTemplate {
  const segments = specPath.split('/').slice(1);
  const ranks: number[] = [];
  let literalLength = 0;
  const sources = segments.map((segment, index) => {
    const parts = segment.split(/(\{[^}]+\})/).filter((part) => part !== '');
    const isParam = (part: string): boolean => part.startsWith('{');
    const lastPart = parts[parts.length - 1] ?? '';
    const multiSegment =
      index === segments.length - 1 && isParam(lastPart) && MULTI_SEGMENT_PARAMS.has(lastPart.slice(1, -1));
    const paramCount = parts.filter(isParam).length;
    ranks.push(multiSegment ? 0 : paramCount === 0 ? 3 : paramCount < parts.length ? 2 : 1);
    return parts
      .map((part, partIndex) => {
        if (!isParam(part)) {
          literalLength += part.length;
          return escapeRegExp(part);
        }
        if (!multiSegment || partIndex < parts.length - 1) return '[^/]+';
        // Glued to a literal (`diff{path}`) the value brings its own leading slash, or is empty.
        return partIndex === 0 ? '.*' : '(?:/.*)?';
      })
      .join('');
  });
  return { specPath, pattern: new RegExp(`^/${sources.join('/')}$`), ranks, literalLength };
}

/** Positive when `a` is the more specific template: literal segments beat params, params beat multi-segment params. */
function compareSpecificity(a: PathTemplate, b: PathTemplate): number {
  const shared = Math.min(a.ranks.length, b.ranks.length);
  for (let i = 0; i < shared; i += 1) {
    const difference = (a.ranks[i] ?? 0) - (b.ranks[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.ranks.length !== b.ranks.length) return a.ranks.length - b.ranks.length;
  if (a.literalLength !== b.literalLength) return a.literalLength - b.literalLength;
  return b.specPath.localeCompare(a.specPath);
}

/** Ajv reports the failed null branch and the anyOf itself for every null wrapper; only the real problem helps. */
function withoutNullWrapperNoise(errors: ErrorObject[]): ErrorObject[] {
  const isNullBranch = (error: ErrorObject): boolean => error.keyword === 'type' && error.params.type === 'null';
  const nullBranches = new Set(errors.filter(isNullBranch).map((error) => `${error.instancePath} ${error.schemaPath}`));
  return errors.filter(
    (error) =>
      !isNullBranch(error) &&
      !(error.keyword === 'anyOf' && nullBranches.has(`${error.instancePath} ${error.schemaPath}/0/type`)),
  );
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params;
  if (error.keyword === 'additionalProperties') {
    return `${where} must NOT have additional property '${String(params.additionalProperty)}'`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    const allowed = params.allowedValues.map((value) => JSON.stringify(value)).join(', ');
    return `${where} must be one of ${allowed}`;
  }
  return `${where} ${error.message ?? `fails ${error.keyword}`}`;
}

/**
 * Validates what the fake Bitbucket answers (and what our gateway sends) against the vendored
 * subset of Atlassian's published OpenAPI spec for one flavor (schemas/*-openapi-subset.json).
 */
export class OpenApiContract {
  private readonly templates: PathTemplate[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly documentId: string;

  private constructor(
    private readonly flavor: Flavor,
    private readonly document: OpenApiDocument,
    options: ContractOptions,
  ) {
    this.templates = Object.keys(document.paths).map(compileTemplate);
    this.documentId = `https://fake-bitbucket.test/${flavor}-openapi-subset.json`;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // Formats ajv-formats does not know stay annotations rather than failing compilation.
    for (const format of collectFormats(document)) {
      if (this.ajv.formats[format] === undefined) this.ajv.addFormat(format, true);
    }
    let validated = mapDocumentSchemas(document, withNullableHonoured);
    if (options.nullForOptionalProperties === true) {
      validated = mapDocumentSchemas(validated, withNullForOptionalProperties);
    }
    if (options.undocumentedProperties === true) validated = mapDocumentSchemas(validated, withoutClosedObjects);
    this.ajv.addSchema(validated, this.documentId);
  }

  static load(flavor: Flavor, options: ContractOptions = {}): OpenApiContract {
    const file = join(__dirname, 'schemas', `${flavor}-openapi-subset.json`);
    return new OpenApiContract(flavor, JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument, options);
  }

  /** For documents other than the vendored subsets (the contract's own tests). */
  static fromDocument(flavor: Flavor, document: OpenApiDocument, options: ContractOptions = {}): OpenApiContract {
    return new OpenApiContract(flavor, structuredClone(document), options);
  }

  operations(): { method: string; specPath: string }[] {
    return Object.entries(this.document.paths).flatMap(([specPath, item]) =>
      Object.keys(item)
        .filter((method) => HTTP_METHODS.has(method))
        .map((method) => ({ method: method.toUpperCase(), specPath })),
    );
  }

  matchOperation(method: string, urlPath: string): { specPath: string; method: string } | undefined {
    const match = this.match(method, urlPath);
    return match.kind === 'operation' ? { specPath: match.specPath, method: match.method } : undefined;
  }

  validateResponse(input: ResponseInput): string[] {
    const match = this.match(input.method, input.urlPath);
    if (match.kind !== 'operation') return [this.describeMiss(input.method, input.urlPath, match)];
    const label = `${match.method} ${match.specPath} ${input.status}`;
    const responses = match.operation.responses ?? {};
    const statusKey = [String(input.status), `${String(input.status).charAt(0)}XX`, 'default'].find(
      (key) => responses[key] !== undefined,
    );
    if (statusKey === undefined) {
      return [`${label}: status not declared (declared: ${Object.keys(responses).join(', ') || 'none'})`];
    }
    const response = this.dereference(
      responses[statusKey] ?? {},
      `${this.operationPointer(match)}/responses/${pointerToken(statusKey)}`,
    );
    return this.validateContent(label, response.value.content, response.pointer, input.contentType, input.body);
  }

  validateRequestBody(input: RequestBodyInput): string[] {
    const match = this.match(input.method, input.urlPath);
    if (match.kind !== 'operation') return [this.describeMiss(input.method, input.urlPath, match)];
    const label = `${match.method} ${match.specPath} request body`;
    const declared = match.operation.requestBody;
    if (declared === undefined) return input.body === undefined ? [] : [`${label}: the operation declares none`];
    const requestBody = this.dereference(declared, `${this.operationPointer(match)}/requestBody`);
    if (input.body === undefined) return requestBody.value.required === true ? [`${label}: required but missing`] : [];
    return this.validateContent(label, requestBody.value.content, requestBody.pointer, input.contentType, input.body);
  }

  /** Validates a body against a named component schema (e.g. an error body on a status the operation leaves undeclared). */
  validateComponent(name: string, body: unknown, label: string): string[] {
    if (this.document.components?.schemas?.[name] === undefined) return [`${label}: no component schema ${name}`];
    const validate = this.validator(`#/components/schemas/${pointerToken(name)}`);
    if (validate(body)) return [];
    return [
      ...new Set(withoutNullWrapperNoise(validate.errors ?? []).map((error) => `${label}: ${describeError(error)}`)),
    ];
  }

  private match(method: string, urlPath: string): PathMatch {
    const specPath = SPEC_PATH_OF[this.flavor](urlPath.replace(/[?#].*$/, ''));
    if (specPath === undefined) return { kind: 'no-path' };
    const best = this.templates
      .filter((template) => template.pattern.test(specPath))
      .reduce<PathTemplate | undefined>(
        (chosen, template) => (chosen === undefined || compareSpecificity(template, chosen) > 0 ? template : chosen),
        undefined,
      );
    if (best === undefined) return { kind: 'no-path' };
    const item = this.document.paths[best.specPath] ?? {};
    const operation = item[method.toLowerCase()];
    if (operation === undefined) {
      const methods = Object.keys(item).filter((key) => HTTP_METHODS.has(key));
      return { kind: 'no-method', specPath: best.specPath, methods: methods.map((key) => key.toUpperCase()) };
    }
    return { kind: 'operation', specPath: best.specPath, method: method.toUpperCase(), operation };
  }

  private operationPointer(match: { specPath: string; method: string }): string {
    return `#/paths/${pointerToken(match.specPath)}/${match.method.toLowerCase()}`;
  }

  private describeMiss(method: string, urlPath: string, match: Exclude<PathMatch, { kind: 'operation' }>): string {
    const request = `${method.toUpperCase()} ${urlPath}`;
    if (match.kind === 'no-path') return `${request}: no operation of the ${this.flavor} contract subset matches`;
    const has = match.methods.join(', ');
    return `${request}: ${match.specPath} has no ${method.toUpperCase()} in the ${this.flavor} contract subset (it has ${has})`;
  }

  /** Follows `#/components/...` references (responses and request bodies may be shared components). */
  private dereference<T extends { $ref?: string }>(value: T, pointer: string): { value: T; pointer: string } {
    let current: T | undefined = value;
    let at = pointer;
    for (let depth = 0; current?.$ref !== undefined && depth < 10; depth += 1) {
      at = current.$ref;
      const [section, name] = at.replace(/^#\/components\//, '').split('/');
      current = this.document.components?.[section ?? '']?.[name ?? ''] as T | undefined;
    }
    return { value: current ?? ({} as T), pointer: at };
  }

  private validateContent(
    label: string,
    content: Record<string, MediaTypeObject> | undefined,
    ownerPointer: string,
    contentType: string | undefined,
    body: unknown,
  ): string[] {
    // Nothing declared about the body (the specs often leave 204s, redirects and even some 200s bare).
    if (content === undefined || Object.keys(content).length === 0) return [];
    const declared = Object.keys(content);
    if (contentType === undefined) return [`${label}: no Content-Type (declared: ${declared.join(', ')})`];
    const essence = mediaTypeEssence(contentType);
    const candidates = declared.filter((mediaType) => {
      const declaredEssence = mediaTypeEssence(mediaType);
      return (
        declaredEssence === essence ||
        declaredEssence === '*/*' ||
        (declaredEssence.endsWith('/*') && essence.startsWith(declaredEssence.slice(0, -1)))
      );
    });
    if (candidates.length === 0) {
      return [`${label}: content type ${contentType} not declared (declared: ${declared.join(', ')})`];
    }
    const mediaType = candidates.find((candidate) => content[candidate]?.schema !== undefined);
    if (mediaType === undefined || !isJsonMediaType(contentType)) return [];
    const validate = this.validator(`${ownerPointer}/content/${pointerToken(mediaType)}/schema`);
    if (validate(body)) return [];
    const problems = withoutNullWrapperNoise(validate.errors ?? []).map((error) => `${label}: ${describeError(error)}`);
    return [...new Set(problems)];
  }

  private validator(pointer: string): ValidateFunction {
    const ref = `${this.documentId}${pointer}`;
    let validate = this.validators.get(ref);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}
