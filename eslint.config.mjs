import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LIB_IMPORT_PATTERNS = [
  { regex: '^@app/[^/]+/.+', message: 'Import a lib through its index only: @app/<lib>.' },
  { regex: '(^|/)libs/', message: 'Import libs through their @app/<lib> alias, never by path.' },
];

/**
 * User-facing text lives in the catalogues (i18n/<lang>/*.json), never as a literal in the code that
 * shows it (docs/architecture.md). One selector per kind of place, applied to libs/tools and libs/mcp
 * (one list: a second no-restricted-syntax entry for the same files would replace it, not add to it). test/user-facing-literals.spec.ts
 * proves each selector on examples.
 */
export const USER_FACING_LITERALS = [
  {
    selector: "CallExpression[callee.property.name='describe'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message:
      "A schema description is shown to users: .describe(catalogueText('<key>')), the text in i18n/<lang>/catalogue.json.",
  },
  {
    selector:
      ":matches(PropertyDefinition[key.name='definition'], CallExpression[callee.property.name='define']) Property[key.name=/^(title|description)$/][value.type=/^(Literal|TemplateLiteral)$/]",
    message:
      "A tool, prompt or resource title or description is shown to users: catalogueText('<key>'), the text in i18n/<lang>/catalogue.json.",
  },
  // Tool output: in render code (a tool's render(), the render…/…Line/…Text helpers of its views), a
  // string literal or template text with a word in it; catalogue keys, the status-word families of
  // statusWord() and values compared against stay allowed.
  ...['Literal[value=/[A-Za-z]{2}/]', 'TemplateElement[value.raw=/[A-Za-z]{2}/]'].map((text) => ({
    selector: `:matches(MethodDefinition[key.name='render'], FunctionDeclaration[id.name=/^render|Line$|Text$/], VariableDeclarator[id.name=/^render|Line$|Text$/]) ${text}:not([value=/^(tools|errors|confirm|mcp|prompts|validation)[.][A-Z_]+$/], CallExpression[callee.name='statusWord'] > Literal, BinaryExpression > Literal, TSLiteralType > Literal)`,
    message:
      "User-facing text in tool output comes from the catalogues: context.t('tools.<KEY>', params), or statusWord() for Bitbucket's status words.",
  })),
];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.jest-cache/**',
      'test/fixtures/**',
      'artillery/node_modules/**',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true, allowStaticOnly: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-definitions': 'off',
      // A function that returns a promise is async, so a synchronous throw in it becomes a rejection
      // (one branch of a Promise.all throwing synchronously left the other's rejection unhandled).
      '@typescript-eslint/promise-function-async': 'error',
      // Nest and winston type their option bags and transports as classes that callers fill with literals.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // JSON readers return the shape their caller declares (`json<RepositoryJson>()`): a one-use type parameter is the point.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      'no-restricted-imports': ['error', { patterns: LIB_IMPORT_PATTERNS }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through a config namespace (libs/config).' },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...LIB_IMPORT_PATTERNS, { regex: '(^|/)apps/', message: 'A lib never imports an app.' }] },
      ],
    },
  },
  {
    files: ['libs/tools/src/**/*.ts', 'libs/mcp/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...USER_FACING_LITERALS] },
  },
  {
    files: ['libs/config/src/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.cjs', 'bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
