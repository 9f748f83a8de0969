/**
 * `npm run bench`: statusdoc side by side with its peers on a seeded corpus. Prints tables; asserts nothing.
 *   --quick           fewer rounds and a smaller corpus (a smoke run)
 *   --only cli|lsp|routes  one block only
 *   --statusdoc DIR   also measure the build (server/out/) of another statusdoc checkout, side by side
 *   --no-peers        statusdoc and the naive checker only (no installs)
 *   --rounds N        timed rounds per CLI tool (default 5, --quick 2)
 * A full run (no --quick, no --only) rewrites BENCHMARKS.md; other runs write test/bench/.build/last-run.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { benchItem, type ItemResult, type Tool } from './cliBench';
import { ensureCorpus, FULL_PLAN, QUICK_PLAN, type Corpus, type CorpusItem } from './corpus/write';
import { measureDocument, measureSpawn, type DocumentFigures } from './lspBench';
import { RSS_SOURCE } from './measure/process';
import type { Summary } from './measure/stats';
import { installPeers } from './peers';
import { cliTable, commitOf, documentTable, machine, spawnTable, toMarkdown, toText, type Table } from './report';
import { projectEditorTable, routesBlock, routesTable } from './routesBench';
import { targetsTable, type Measured } from './targets';

const ROOT = path.resolve(__dirname, '../..');
const BENCH = __dirname;

interface Options {
  quick: boolean;
  only: 'cli' | 'lsp' | 'routes' | undefined;
  other: string | undefined;
  peers: boolean;
  rounds: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      statusdoc: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      rounds: { type: 'string' },
    },
  });
  if (values.only !== undefined && !['cli', 'lsp', 'routes'].includes(values.only)) throw new Error(`--only takes cli, lsp or routes, not ${values.only}`);
  const rounds = values.rounds === undefined ? (values.quick ? 2 : 5) : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number of at least 1, not ${values.rounds}`);
  return { quick: values.quick!, only: values.only as Options['only'], other: values.statusdoc, peers: !values['no-peers'], rounds };
}

interface Build {
  label: string;
  root: string;
  cli: string;
  server: string;
}

function buildAt(root: string, label: string): Build {
  const cli = path.join(root, 'server/out/cli.js');
  const server = path.join(root, 'server/out/server.js');
  for (const file of [cli, server]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: build that checkout first (npm run build there)`);
  return { label, root, cli, server };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function bundleNaive(): Promise<string> {
  const outfile = path.join(BENCH, '.build/naive.js');
  await build({ entryPoints: [path.join(BENCH, 'naive.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return outfile;
}

function statusdocTool(subject: Build): Tool {
  return {
    label: subject.label,
    kind: 'statusdoc',
    script: subject.cli,
    argsFor: (target) => ['check', target, '--format', 'json'],
    env: {},
    reads: () => true,
  };
}

async function cliBlock(corpus: Corpus, builds: Build[], opts: Options): Promise<{ results: ItemResult[]; notes: string[] }> {
  const tools: Tool[] = builds.map(statusdocTool);
  tools.push({ label: 'naive', kind: 'naive', script: await bundleNaive(), argsFor: (target) => [target], env: {}, reads: () => true });
  const notes: string[] = [];
  if (opts.peers) {
    for (const peer of installPeers(path.join(BENCH, '.peers'), log)) {
      tools.push({
        label: `${peer.name} ${peer.version}`,
        kind: peer.name as Tool['kind'],
        script: peer.script,
        argsFor: peer.argsFor,
        env: peer.env,
        reads: (item) => peer.kinds.includes(item.kind),
        // Spectral takes tens of seconds on the 10,000-operation spec: fewer rounds there keep a run in minutes.
        roundsFor: peer.name === 'Spectral' ? (item, rounds) => (item.kind === 'openapi' && item.bytes > 5e6 ? Math.min(rounds, 2) : rounds) : undefined,
      });
    }
  } else notes.push('Peers not run (--no-peers).');
  const results: ItemResult[] = [];
  for (const item of corpus.items) {
    log(`CLI: ${item.name}`);
    results.push(await benchItem(corpus, item, tools, opts.rounds, log));
  }
  return { results, notes };
}

function lspDocuments(corpus: Corpus, quick: boolean): CorpusItem[] {
  const wanted = quick ? ['spec-1000.yaml', 'handlers-1000.ts'] : ['spec-1000.yaml', 'spec-10000.yaml', 'handlers-10000.ts'];
  return wanted.flatMap((file) => corpus.items.filter((item) => item.path === file));
}

async function lspBlock(corpus: Corpus, builds: Build[], quick: boolean): Promise<Pick<Measured, 'spawns' | 'documents'> & { tables: Table[] }> {
  const spawns: { server: string; figures: Summary }[] = [];
  for (const subject of builds) {
    log(`LSP: spawn → initialize, ${subject.label}`);
    spawns.push({ server: subject.label, figures: await measureSpawn(subject.server, quick ? 3 : 10) });
  }
  const documents: { server: string; figures: DocumentFigures }[] = [];
  const loads: string[] = [];
  for (const item of lspDocuments(corpus, quick)) {
    for (const subject of builds) {
      log(`LSP: ${item.name}, ${subject.label}`);
      const before = os.loadavg();
      const figures = await measureDocument(
        subject.server,
        { name: item.name, file: path.join(corpus.root, item.path), languageId: item.kind === 'openapi' ? 'yaml' : 'typescript', planted: item.planted.length },
        { keystrokes: quick ? 10 : 50, hovers: quick ? 50 : 200, completions: quick ? 5 : 20 },
      );
      documents.push({ server: subject.label, figures });
      loads.push(
        `${item.name}, ${subject.label}: load average ${before.map((n) => n.toFixed(2)).join(' ')} before, ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')} after.`,
      );
    }
  }
  return { spawns, documents, tables: [spawnTable(spawns), documentTable(documents, loads)] };
}

const INTRO = `# Benchmarks

\`npm run bench\` builds, generates a seeded corpus (unless it is already there) and measures statusdoc's bundled CLI
and language server beside its peers, on the same files in the same run. It prints the tables below and asserts
nothing. This file is rewritten by a full run.

## What is measured

- **Corpus** (\`test/bench/corpus/\`, written to \`test/bench/.corpus/\`, gitignored, rewritten when the generators
  change): OpenAPI 3 specs of 100, 1,000 and 10,000 operations (parameters, request bodies, schemas, descriptions,
  several responses per operation, flow-style bits, quoted and bare response keys), Express handler files of 1,000
  and 10,000 lines, and a 500-file Express/NestJS project (routes, controllers, services, DTOs, supertest suites).
  The generator plants known problems (a POST or DELETE answering or documenting 200, \`@HttpCode(200)\` on a
  \`@Post()\`, a \`@Delete()\` left to NestJS's default, undocumented 418/429, tests expecting 200 after a POST or
  DELETE) and records them in \`planted.json\`.
- **CLI**: whole processes, \`statusdoc check TARGET --format json\` and each peer on the same target. One warm-up
  round (its output feeds the cross-check), then 5 timed rounds alternating the order of the tools (A B C, C B A, …);
  each tool's time is divided by statusdoc's in the same round. Median and min–max of times and ratios; peak RSS
  from ${'`'}/usr/bin/time -v${'`'} ("Maximum resident set size"; without /usr/bin/time, \`process.resourceUsage()\`
  of a wrapper process); the load average before and after each corpus. Spectral gets 2 timed rounds and no separate
  warm-up on the 10,000-operation spec (it takes tens of seconds a run there), so a full run stays within minutes.
- **Peers**, installed on demand into \`test/bench/.peers/\` (gitignored; never the project's dependencies),
  pinned majors, with configurations written there at run time:
  - Redocly CLI 2.x \`lint\` with configurable rules (assertions): per method, the 2xx response keys other than the
    table's success code are disallowed; a key that is not a documented code (nor \`default\`/\`2XX\`) fails a pattern.
  - Spectral CLI 6.x with a ruleset of the same rules through a small custom function (it reads bare numeric keys
    too). Spectral also reports bare keys as parser errors: counted apart, not as findings.
  - ESLint 9 with \`@typescript-eslint/parser\` and \`no-magic-numbers\` (ignoring -1, 0, 1, default values and
    array indexes): the generic rule a team would otherwise use. It reports every literal, so its "other reports"
    are the noise a reviewer wades through; it cannot see a NestJS default, which has no literal.
  - **naive**: the benchmark's own checker (\`test/bench/naive.ts\`, bundled like statusdoc): reads each file one at a
    time, parses it with the same parsers (TypeScript's \`createSourceFile\`, yaml's \`parseAllDocuments\`), walks the
    tree once and judges nothing: the floor a straightforward tool would hit.
- **Cross-check**: "planted found" is how many planted problems a tool reported on the planted line (any rule of
  its own); "other reports" are reports on other lines.
- **Language server**: \`node server/out/server.js --stdio\` driven over JSON-RPC with a client that pulls
  diagnostics: spawn → \`initialize\` answered (10 spawns); open → first \`textDocument/diagnostic\`; 50 keystrokes
  (an incremental \`didChange\` toggling the last digit of a 201 to 200 and back, then a pull; "fresh" counts the pulls
  that showed the edit); 200 hovers on status codes; 20 completions (type \`res.status(\` in a handler, or a new
  response key under \`responses:\`, then ask), each timed from the keystroke; \`VmRSS\`/\`VmHWM\` from
  \`/proc/<pid>/status\` after all that.
- **Route index**: a generated project of 2,000 files (500 with \`--quick\`): the CLI block's Express/NestJS project
  with one file in ten laid out as the Express boilerplates are (\`routes/v1/x.route.js\` naming handlers of
  \`controllers/x.controller.js\`), so that routes in one file give methods to handlers in another. Whole processes
  per build, in turn (A B C, C B A, …) after a warm-up: \`statusdoc routes\` (the index alone), \`statusdoc check\` (with
  the index) and \`check --no-project\`, medians and min–max, peak RSS, and check ÷ \`--no-project\` pair by pair.
  In-process, this checkout's source as the language server runs it: the index built from disk, its heap after GC,
  and 100 edits of a route file (\`post\` ↔ \`put\`, on the document's incremental parse) each timed to the handler
  file's refreshed findings under the new method (and counted when they changed, as each one should). Then, with an
  OpenAPI spec of the project's own routes written beside it, the bundled language server over stdio per build, in
  turn: start to the end of the index's progress, the spec opened to its diagnostics, 30 keystrokes in the spec and 30
  in the first handler of a controller (each moving the handlers after it), each to that document's pulled diagnostics.

## Running it

\`\`\`
npm run bench                          # everything (a few minutes on 2 cores)
npm run bench -- --quick               # smoke run: 2 rounds, a smaller corpus (writes test/bench/.build/last-run.md)
npm run bench -- --only cli            # or --only lsp, --only routes
npm run bench -- --statusdoc ../old    # also measure another checkout's build (its server/out/), side by side
npm run bench -- --no-peers            # statusdoc and the naive checker only, nothing installed
npm run bench -- --rounds 9            # more timed rounds per CLI tool
\`\`\`

A full run (no \`--quick\`, no \`--only\`) rewrites this file; other runs write \`test/bench/.build/last-run.md\`.
On a shared machine the figures are noisy: compare tools within one run (the ratios), not runs across days.
`;

async function main(): Promise<void> {
  const opts = options();
  const builds = [buildAt(ROOT, 'statusdoc')];
  if (opts.other) builds.push(buildAt(path.resolve(opts.other), `statusdoc (${path.basename(path.resolve(opts.other))})`));
  const corpus = ensureCorpus(path.join(BENCH, '.corpus', opts.quick ? 'quick' : 'full'), opts.quick ? QUICK_PLAN : FULL_PLAN);
  const loadAtStart = os.loadavg();
  const started = Date.now();
  const tables: Table[] = [];
  const notes: string[] = [];
  const measured: Measured = { cli: [], spawns: [], documents: [] };
  if (opts.only === undefined || opts.only === 'cli') {
    const cli = await cliBlock(corpus, builds, opts);
    measured.cli = cli.results;
    tables.push(cliTable(cli.results));
    notes.push(...cli.notes);
  }
  if (opts.only === undefined || opts.only === 'routes') {
    measured.routes = await routesBlock(builds, opts.quick, opts.rounds, log);
    tables.push(routesTable(measured.routes), projectEditorTable(measured.routes));
  }
  if (opts.only === undefined || opts.only === 'lsp') {
    const lsp = await lspBlock(corpus, builds, opts.quick);
    Object.assign(measured, { spawns: lsp.spawns, documents: lsp.documents });
    tables.push(...lsp.tables);
  }
  tables.unshift(
    targetsTable(
      measured,
      builds.map((subject) => subject.label),
    ),
  );

  const header = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((Date.now() - started) / 1000)} s${opts.quick ? ', --quick' : ''}${opts.only ? `, --only ${opts.only}` : ''}.`,
    ...builds.map((subject) => `${subject.label}: ${commitOf(subject.root)}`),
    ...machine(),
    `Load average (1, 5, 15 min): ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} at the start, ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} at the end.`,
    `Peak RSS of CLI processes: ${RSS_SOURCE}. Timed rounds per CLI tool: ${opts.rounds}${opts.peers ? ' (Spectral: at most 2 on the 10,000-operation spec)' : ''}.`,
    ...notes,
  ];
  process.stdout.write(`\n${header.join('\n')}\n\n${tables.map(toText).join('\n')}`);
  const markdown = `${INTRO}\n## Results\n\n${header.map((line) => `- ${line}`).join('\n')}\n\n${tables.map(toMarkdown).join('\n')}`;
  const full = !opts.quick && !opts.only;
  const target = full ? path.join(ROOT, 'BENCHMARKS.md') : path.join(BENCH, '.build/last-run.md');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, markdown);
  log(`\nwritten: ${path.relative(process.cwd(), target)}`);
}

main().catch((error: unknown) => {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
