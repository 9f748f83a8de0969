// Bundles the client, the server and the CLI with esbuild. Type-checking is `npm run typecheck`.
// Usage: node scripts/build.mjs [--production] [--watch] [--cli-package]
import * as esbuild from 'esbuild';

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * A hash of the server's source and the lock file, so that `check --cache` trusts only results of the same build
 * (a version number alone stays the same while the code under it changes).
 */
function sourceHash() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const add = (file) => hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else add(join(dir, entry.name));
    }
  };
  walk(join(root, 'server/src'));
  add(join(root, 'package-lock.json'));
  return hash.digest('hex').slice(0, 12);
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliPackage = process.argv.includes('--cli-package');

/** @type {import('esbuild').BuildOptions} */
const common = {
  // Entry and output paths are the repository's, wherever the build is started from (packages/cli's prepack).
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // `vscode` is provided by the editor at run time; it must never be bundled.
  external: ['vscode'],
  define: { STATUSDOC_VERSION: JSON.stringify(version), STATUSDOC_BUILD: JSON.stringify(`${version}+${sourceHash()}`) },
};

/**
 * The TypeScript compiler (9 MB) is a bundle of its own, server/out/typescript.js, required the first time a TS/JS
 * document is read (core/sites/index.ts loads the adapter lazily): a YAML-only session never parses it, and the
 * server answers `initialize` without compiling it. The server and the CLI require it through
 * server/src/cli/typescriptLoader.ts, which compiles it from V8's code cache: the editor's first TS/JS document, a CLI
 * process and each of its worker threads load it several times faster.
 */
const typescriptCached = {
  name: 'typescript-cached',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: fileURLToPath(new URL('../server/src/cli/typescriptLoader.ts', import.meta.url)) }));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [typescriptCached] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [typescriptCached] },
  { stdin: { contents: "module.exports = require('typescript');", resolveDir: '.', loader: 'js' }, outfile: 'server/out/typescript.js', sourcemap: false },
  // The ESLint plugin: the core and its table loaders in one CommonJS file; the compiler is the project's own
  // `typescript` (a dependency of the plugin), which @typescript-eslint/parser has usually loaded already.
  { entryPoints: ['packages/eslint-plugin/src/index.ts'], outfile: 'packages/eslint-plugin/dist/index.js', external: ['typescript'], sourcemap: false },
  // The Redocly plugin and the Spectral ruleset read OpenAPI/Swagger only: the TypeScript adapter's compiler is never
  // loaded, so it stays out of their bundles.
  ...['redocly-plugin', 'spectral-ruleset'].map((name) => ({
    entryPoints: [`packages/${name}/src/index.ts`],
    outfile: `packages/${name}/dist/index.js`,
    external: ['vscode', 'typescript'],
    // Spectral bundles a ruleset again (rollup) and knows Node's built-ins by their `node:` names only.
    alias: { process: 'node:process', buffer: 'node:buffer' },
  })),
];

if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  if (cliPackage) fillCliPackage();
}

/**
 * The npm package `statusdoc` (packages/cli, its `prepack`): the CLI bundle and the compiler it loads, the bundled
 * default table as the organisation publishes it (a doc to start a team's own from), the .statusdoc.json schema,
 * the README and the licence, copied into place. The root package.json stays the extension's manifest (private).
 */
function fillCliPackage() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const into = join(root, 'packages/cli');
  mkdirSync(join(into, 'dist'), { recursive: true });
  const copies = [
    ['server/out/cli.js', 'dist/cli.js'],
    ['server/out/typescript.js', 'dist/typescript.js'],
    ['test/fixtures/org-status-codes.md', 'status-codes.md'],
    ['schemas/statusdoc.schema.json', 'statusdoc.schema.json'],
    ['README.md', 'README.md'],
    ['LICENSE', 'LICENSE'],
  ];
  for (const [from, to] of copies) copyFileSync(join(root, from), join(into, to));
}
