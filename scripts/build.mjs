// Bundles the client, the server and the CLI with esbuild. Type-checking is `npm run typecheck`.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';

import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // `vscode` is provided by the editor at run time; it must never be bundled.
  external: ['vscode'],
  define: { STATUSDOC_VERSION: JSON.stringify(version) },
};

/**
 * The TypeScript compiler (9 MB) is a bundle of its own, server/out/typescript.js, required the first time a TS/JS
 * document is read (core/sites/index.ts loads the adapter lazily): a YAML-only session never parses it, and the
 * server answers `initialize` without compiling it.
 */
const typescriptApart = {
  name: 'typescript-apart',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [typescriptApart] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [typescriptApart] },
  { stdin: { contents: "module.exports = require('typescript');", resolveDir: '.', loader: 'js' }, outfile: 'server/out/typescript.js', sourcemap: false },
];

if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
