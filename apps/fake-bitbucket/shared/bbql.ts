/**
 * A small evaluator of Bitbucket Cloud's query language (`q=`, docs/bitbucket-api.md#cloud-filtering):
 * `field op value` joined by AND/OR with parentheses; ops = != ~ !~ > >= < <=; values are "strings",
 * numbers, true/false/null. Fields are dotted paths into the rendered JSON; a path through an array
 * matches when any element matches. Applied to rendered representations, so it filters exactly
 * what the client sees.
 */
type Value = string | number | boolean | null;
type Node =
  | { readonly kind: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'cmp'; readonly field: string; readonly op: string; readonly value: Value };

const TOKEN = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|!=|!~|>=|<=|=|~|>|<|[^\s()"=!~<>]+)/y;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < query.length) {
    const match = TOKEN.exec(query);
    if (match?.[1] === undefined) {
      if (query.slice(TOKEN.lastIndex).trim() === '') break;
      throw new SyntaxError(`Invalid query at position ${TOKEN.lastIndex}`);
    }
    tokens.push(match[1]);
  }
  return tokens;
}

function literal(token: string | undefined): Value {
  if (token === undefined) throw new SyntaxError('Missing value');
  if (token.startsWith('"')) return JSON.parse(token) as string;
  if (token === 'true' || token === 'false') return token === 'true';
  if (token === 'null') return null;
  const number = Number(token);
  if (!Number.isNaN(number)) return number;
  return token;
}

function parse(tokens: string[]): Node {
  let index = 0;
  const peek = (): string | undefined => tokens[index];
  const primary = (): Node => {
    if (peek() === '(') {
      index += 1;
      const node = or();
      if (tokens[index++] !== ')') throw new SyntaxError('Missing )');
      return node;
    }
    const field = tokens[index++];
    const op = tokens[index++];
    if (field === undefined || op === undefined || !['=', '!=', '~', '!~', '>', '>=', '<', '<='].includes(op)) {
      throw new SyntaxError(`Invalid comparison near ${field ?? 'end of query'}`);
    }
    return { kind: 'cmp', field, op, value: literal(tokens[index++]) };
  };
  const and = (): Node => {
    let node = primary();
    while (peek()?.toUpperCase() === 'AND') {
      index += 1;
      node = { kind: 'and', left: node, right: primary() };
    }
    return node;
  };
  const or = (): Node => {
    let node = and();
    while (peek()?.toUpperCase() === 'OR') {
      index += 1;
      node = { kind: 'or', left: node, right: and() };
    }
    return node;
  };
  const root = or();
  if (index !== tokens.length) throw new SyntaxError(`Unexpected ${tokens[index] ?? ''}`);
  return root;
}

function valuesAt(subject: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(subject) ? subject : [subject];
  if (Array.isArray(subject)) return subject.flatMap((item) => valuesAt(item, path));
  if (subject === null || typeof subject !== 'object') return [];
  const [head = '', ...rest] = path;
  return valuesAt((subject as Record<string, unknown>)[head], rest);
}

function compare(actual: unknown, op: string, expected: Value): boolean {
  if (op === '~' || op === '!~') {
    const contains =
      typeof actual === 'string' &&
      typeof expected === 'string' &&
      actual.toLowerCase().includes(expected.toLowerCase());
    return op === '~' ? contains : !contains;
  }
  if (op === '=' || op === '!=') {
    const equal = actual === expected || (actual === undefined && expected === null);
    return op === '=' ? equal : !equal;
  }
  const a = typeof actual === 'string' && typeof expected === 'string' ? actual : Number(actual);
  const b = typeof actual === 'string' && typeof expected === 'string' ? expected : Number(expected);
  if (op === '>') return a > b;
  if (op === '>=') return a >= b;
  if (op === '<') return a < b;
  return a <= b;
}

function evaluate(node: Node, subject: unknown): boolean {
  if (node.kind !== 'cmp') {
    return node.kind === 'and'
      ? evaluate(node.left, subject) && evaluate(node.right, subject)
      : evaluate(node.left, subject) || evaluate(node.right, subject);
  }
  const values = valuesAt(subject, node.field.split('.'));
  if (node.op === '!=' || node.op === '!~') return values.every((v) => compare(v, node.op, node.value));
  return (values.length === 0 ? [undefined] : values).some((v) => compare(v, node.op, node.value));
}

/** Filters rendered values by `q` and orders them by `sort` (`field` or `-field`). Throws SyntaxError on a bad query. */
export function applyBbql<T>(values: readonly T[], q: string | undefined, sort: string | undefined): T[] {
  let result = [...values];
  if (q !== undefined && q.trim() !== '') {
    const tree = parse(tokenize(q));
    result = result.filter((value) => evaluate(tree, value));
  }
  if (sort !== undefined && sort.trim() !== '') {
    const descending = sort.startsWith('-');
    const path = sort.replace(/^-/, '').split('.');
    const key = (value: T): string => {
      const first = valuesAt(value, path)[0];
      return typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean' ? String(first) : '';
    };
    result.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const order = ka < kb ? -1 : ka > kb ? 1 : 0;
      return descending ? -order : order;
    });
  }
  return result;
}
