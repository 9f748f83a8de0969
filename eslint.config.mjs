// ESLint over statusdoc's own sources: `npm run lint` (and so `npm test`). Formatting is Prettier's job
// (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins, bare or `node:`: the core does no I/O (ARCHITECTURE.md, "The core is pure"). */
const NODE_BUILTINS = ['fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'util', 'crypto', 'module'];

export default tseslint.config(
  {
    // Inputs and outputs, not sources: examples and fixtures are read by tests (and have planted problems), the
    // grammar tests are files coloured by the grammar, the rest is built or generated.
    ignores: ['**/{out,dist}/**', 'examples/**', 'test/fixtures/**', 'test/grammar/status.test.*', 'test/.tmp/**', 'test/bench/.*/**', '.vscode-test/**'],
  },
  // The bundles built into the workspace packages.
  { ignores: ['packages/*/dist/**'] },
  {
    // A disable comment that no longer disables anything hides nothing but itself.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      // Type information for the rules below that need it; the project service reads tsconfig.json.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its rejection: in an LSP handler that is a request that never answers.
      // `void promise` says "on purpose".
      // node:test's test()/describe() return promises the runner itself tracks.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // An async function where a callback's return value is ignored (forEach, event emitters) drops its errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // tsc already reports these (noUnusedLocals, noUnusedParameters): one report is enough.
      '@typescript-eslint/no-unused-vars': 'off',
      // Spaces in a regex that matches aligned CLI output read like the output itself.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests may read JSON with require() and look at it loosely.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/vscode/suite/**/*.ts'],
    languageOptions: { globals: globals.mocha },
  },
  {
    // The pure core: no editor, no file system, no process (test/unit/invariants.test.ts checks the same by text).
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.filter((name) => !name.includes('*')).map((name) => ({
            name,
            message: 'The core is pure: the server and the CLI do I/O and hand the core text.',
          })),
          patterns: [
            { group: ['vscode', 'vscode-*'], message: 'The core is pure: no editor or LSP types; server/src/convert.ts is where core meets LSP.' },
            { group: ['node:*', 'fs/*'], message: 'The core is pure: the server and the CLI do I/O and hand the core text.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core is pure: pass what it needs from the server or the CLI.' }],
    },
  },
  {
    // Outside the core, the core is reached through its front door, server/src/core/index.ts (the plugins too).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.{1,2}/)+(server/src/)?core/(?!index$).+',
              message: "Import from the core's front door ('./core' or '../core'); export what you need from server/src/core/index.ts.",
            },
          ],
        },
      ],
    },
  },
);
