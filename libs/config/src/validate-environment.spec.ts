import { defineConfig } from './define-config';
import { env } from './env';
import { InvalidEnvironmentError } from './invalid-environment.error';
import { validateEnvironment } from './validate-environment';

const server = defineConfig({
  namespace: 'server',
  title: 'Server',
  variables: {
    PORT: env.port({ default: 3000, description: 'Port.' }),
    VERBOSE: env.boolean({ default: false, description: 'Verbose.' }),
    MODE: env.oneOf(['a', 'b'], { default: 'a', description: 'Mode.' }),
    ORIGINS: env.list({ default: [], description: 'Origins.' }),
  },
  map: (v) => v,
});
const upstream = defineConfig({
  namespace: 'upstream',
  title: 'Upstream',
  variables: {
    UPSTREAM_URL: env.url({ description: 'URL.' }),
    UPSTREAM_USER: env.string({ description: 'User.' }),
    UPSTREAM_SECRET: env.string({ description: 'Secret.', secret: true }),
  },
  refine: (v, ctx) => {
    if ((v.UPSTREAM_USER === undefined) !== (v.UPSTREAM_SECRET === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['UPSTREAM_SECRET'],
        message: 'set UPSTREAM_USER and UPSTREAM_SECRET together',
      });
    }
  },
  map: (v) => v,
});

function problemsOf(source: Record<string, string>): readonly string[] {
  try {
    validateEnvironment([server, upstream], source);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
}

describe('validateEnvironment', () => {
  it('accepts an empty environment when every variable has a default or is optional', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('reports every bad variable of every namespace at once, saying what it expects', () => {
    expect(problemsOf({ PORT: '70000', VERBOSE: 'maybe', MODE: 'c', UPSTREAM_URL: 'ftp://x' })).toEqual([
      'PORT: expected an integer from 1 to 65535, got "70000"',
      'VERBOSE: expected true or false, got "maybe"',
      'MODE: expected one of a, b, got "c"',
      'UPSTREAM_URL: expected an absolute http(s) URL, got "ftp://x"',
    ]);
  });

  it('reports cross-variable rules on the variable to change and never echoes a secret', () => {
    expect(problemsOf({ UPSTREAM_SECRET: 'hunter2' })).toEqual([
      'UPSTREAM_SECRET: set UPSTREAM_USER and UPSTREAM_SECRET together',
    ]);
  });

  it('treats blank values as unset and parses what the factories return', () => {
    process.env.PORT = ' ';
    process.env.VERBOSE = 'YES';
    process.env.ORIGINS = 'https://a.example, ,https://b.example';
    try {
      expect(server()).toEqual({
        PORT: 3000,
        VERBOSE: true,
        MODE: 'a',
        ORIGINS: ['https://a.example', 'https://b.example'],
      });
    } finally {
      delete process.env.PORT;
      delete process.env.VERBOSE;
      delete process.env.ORIGINS;
    }
  });

  it('refuses two namespaces declaring the same variable', () => {
    const clash = defineConfig({
      namespace: 'clash',
      title: 'Clash',
      variables: { PORT: env.port({ default: 1, description: 'Port.' }) },
      map: (v) => v,
    });
    expect(() => {
      validateEnvironment([server, clash], {});
    }).toThrow('PORT is declared by both the server and clash config namespaces');
  });
});
