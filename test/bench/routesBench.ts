/**
 * The project's route index in `npm run bench`, on a generated project of 2,000 files (500 with --quick): the
 * Express/NestJS project of the CLI block with one file in ten laid out as the Express boilerplates are (a route
 * file per resource naming handlers in a controller file), so routes in one file give methods to handlers in another.
 *   - whole CLI processes, per build and in turn (A B C, C B A, …): `statusdoc routes` (the index alone), `check`
 *     (with the index) and `check --no-project`; medians, min–max, peak RSS, and `check / check --no-project` pair
 *     by pair;
 *   - in-process, this checkout's source as the language server runs it: the index built from disk, its heap after
 *     GC, and an edit of a route file (`post` ↔ `put`, on the document's incremental parse) to the handler file's
 *     refreshed findings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import * as v8 from 'node:v8';
import { check, DEFAULT_TABLE, documentModuleFacts, rescopeByFacts, SourceDocument } from '../../server/src/core';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';
import { expressNestProject, type GeneratedFile } from './corpus/project';
import { projectEditorFigures, writeProjectSpec, type ProjectEditorFigures } from './projectEditorBench';
import { runProcess, type Run } from './measure/process';
import { mb, ms, ratio, spread, summarize, timed, type Summary } from './measure/stats';
import type { Table } from './report';

export interface RouteCommandFigures {
  build: string;
  routes: Summary;
  check: Summary;
  noProject: Summary;
  /** check / check --no-project, pair by pair. */
  ratio: Summary;
  routesRssKb: number | undefined;
  checkRssKb: number | undefined;
  exitCodes: (number | null)[];
}

export interface RouteFigures {
  files: number;
  commands: RouteCommandFigures[];
  buildMs: number;
  heapMb: number | undefined;
  /** A route file's edit to the handler file's refreshed findings. */
  edit: Summary;
  /** How many edits changed the handler's findings (each one should). */
  editsSeen: number;
  /** The server over stdio in the project with a spec of its routes beside it: keystrokes in the spec and a handler. */
  editor: ProjectEditorFigures[];
  /** Operations of that spec (one per path and method). */
  specPaths: number;
  loadBefore: number[];
  loadAfter: number[];
}

/**
 * Boilerplate resources: a route file naming a controller's handlers, the controller answering in exported functions
 * (one in five answering 200 to its POST, which only the route file shows).
 */
function boilerplate(resource: number): GeneratedFile[] {
  const noun = `item${resource}`;
  return [
    {
      path: `src/boilerplate/routes/v1/${noun}.route.js`,
      text: [
        "const express = require('express');",
        `const ${noun}Controller = require('../../controllers/${noun}.controller');`,
        '',
        'const router = express.Router();',
        '',
        `router.route('/').post(${noun}Controller.create${resource}).get(${noun}Controller.list${resource});`,
        `router.route('/:id').get(${noun}Controller.get${resource}).delete(${noun}Controller.remove${resource});`,
        '',
        'module.exports = router;',
        '',
      ].join('\n'),
    },
    {
      path: `src/boilerplate/controllers/${noun}.controller.js`,
      text: [
        `const create${resource} = async (req, res) => {`,
        '  if (!req.body.name) return res.status(400).send({ message: "name required" });',
        // One in five answers 200 to a POST: wrong only by the route file.
        `  res.status(${resource % 5 === 0 ? 200 : 201}).send({ id: 1 });`,
        '};',
        `const list${resource} = async (req, res) => {`,
        '  res.status(200).send([]);',
        '};',
        `const get${resource} = async (req, res) => {`,
        '  if (!req.params.id) return res.status(404).send({ message: "not found" });',
        '  res.status(200).send({ id: req.params.id });',
        '};',
        `const remove${resource} = async (req, res) => {`,
        '  res.status(204).send();',
        '};',
        `module.exports = { create${resource}, list${resource}, get${resource}, remove${resource} };`,
        '',
      ].join('\n'),
    },
  ];
}

export function writeRoutesProject(files: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-routes-bench-'));
  const pairs = Math.round(files / 20);
  const all = [...expressNestProject(files - 2 * pairs, 1).files, ...Array.from({ length: pairs }, (_, i) => boilerplate(i)).flat()];
  for (const file of all) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.text);
  }
  return dir;
}

const COMMANDS = { routes: ['routes'], check: ['check', '--format', 'json'], noProject: ['check', '--format', 'json', '--no-project'] } as const;
type CommandName = keyof typeof COMMANDS;

async function commandFigures(
  dir: string,
  builds: { label: string; cli: string }[],
  rounds: number,
  log: (line: string) => void,
): Promise<RouteCommandFigures[]> {
  const jobs = builds.flatMap((build) => (Object.keys(COMMANDS) as CommandName[]).map((name) => ({ build, name })));
  const runs = new Map(jobs.map((job) => [job, [] as Run[]]));
  const run = (job: (typeof jobs)[number]) => runProcess({ script: job.build.cli, args: [...COMMANDS[job.name]], cwd: dir });
  for (const job of jobs) await run(job); // warm-up: the compiler's code cache, the file system's
  for (let round = 0; round < rounds; round++) {
    for (const job of round % 2 === 0 ? jobs : [...jobs].reverse()) runs.get(job)!.push(await run(job));
    log(`  routes project, round ${round + 1}/${rounds}`);
  }
  return builds.map((build) => {
    const of = (name: CommandName) => runs.get(jobs.find((job) => job.build === build && job.name === name)!)!;
    const peak = (name: CommandName) => summarize(of(name).flatMap((r) => (r.rssKb === undefined ? [] : [r.rssKb]))).max;
    return {
      build: build.label,
      routes: summarize(of('routes').map((r) => r.ms)),
      check: summarize(of('check').map((r) => r.ms)),
      noProject: summarize(of('noProject').map((r) => r.ms)),
      ratio: summarize(of('check').map((r, i) => r.ms / of('noProject')[i].ms)),
      routesRssKb: peak('routes'),
      checkRssKb: peak('check'),
      exitCodes: (Object.keys(COMMANDS) as CommandName[]).flatMap((name) => of(name).map((r) => r.exitCode)),
    };
  });
}

/** `gc()` without --expose-gc on the command line: the flag set at run time, the function taken from a new context. */
function collector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

async function inProcessFigures(dir: string, edits: number): Promise<Pick<RouteFigures, 'buildMs' | 'heapMb' | 'edit' | 'editsSeen'>> {
  const gc = collector();
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new WorkspaceRoutes(dir, 1 << 20);
  const [, buildMs] = await timedAsync(() => index.build());
  gc?.();
  const heapMb = gc ? (process.memoryUsage().heapUsed - heapBefore) / 1e6 : undefined;

  // The editor's path: the route file's next version parsed incrementally, its facts into the index, then the open
  // handler file's findings under the methods the index now gives it.
  const routeFile = path.join(dir, 'src/boilerplate/routes/v1/item0.route.js');
  const handlerFile = path.join(dir, 'src/boilerplate/controllers/item0.controller.js');
  let route = new SourceDocument(fs.readFileSync(routeFile, 'utf8'), 'javascript', 0);
  const handler = new SourceDocument(fs.readFileSync(handlerFile, 'utf8'), 'javascript', 0);
  const judge = () => {
    const scopes = rescopeByFacts(index.scopesFor(handlerFile), documentModuleFacts(handler, handlerFile));
    return check(handler, DEFAULT_TABLE, { severities: {}, lang: 'en', routeMethods: scopes }).length;
  };
  documentModuleFacts(route, routeFile);
  let findings = judge();
  const samples: number[] = [];
  let seen = 0;
  for (let version = 1; version <= edits; version++) {
    const [from, to] = version % 2 === 1 ? ['.post(', '.put('] : ['.put(', '.post('];
    const start = route.text.indexOf(from);
    const text = route.text.slice(0, start) + to + route.text.slice(start + from.length);
    const [now, took] = timed(() => {
      route = route.edit(text, version, { start, oldEnd: start + from.length, newEnd: start + to.length });
      index.editorFacts(routeFile, version, documentModuleFacts(route, routeFile), route.lines);
      return judge();
    });
    if (now !== findings) seen++;
    findings = now;
    samples.push(took);
  }
  return { buildMs, heapMb, edit: summarize(samples), editsSeen: seen };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function routesBlock(
  builds: { label: string; cli: string; server: string }[],
  quick: boolean,
  rounds: number,
  log: (line: string) => void,
): Promise<RouteFigures> {
  const files = quick ? 500 : 2000;
  const dir = writeRoutesProject(files);
  try {
    const loadBefore = os.loadavg();
    log(`Routes: ${files}-file project`);
    const commands = await commandFigures(dir, builds, rounds, log);
    const inProcess = await inProcessFigures(dir, quick ? 20 : 100);
    // The spec is written last: the commands above measure the index without one.
    const specPaths = await writeProjectSpec(dir);
    const editor = await projectEditorFigures(dir, builds, quick ? 1 : Math.min(rounds, 3), quick ? 10 : 30, log);
    return { files, commands, ...inProcess, editor, specPaths, loadBefore, loadAfter: os.loadavg() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const load = (values: number[]) => values.map((n) => n.toFixed(2)).join(' ');

export function routesTable(figures: RouteFigures): Table {
  const rows = figures.commands.map((c) => [
    c.build,
    `${spread(c.routes, ms)}, ${mb(c.routesRssKb)}`,
    `${spread(c.check, ms)}, ${mb(c.checkRssKb)}`,
    spread(c.noProject, ms),
    spread(c.ratio, ratio),
  ]);
  return {
    title: `The route index on a generated ${figures.files.toLocaleString('en')}-file project (whole processes)`,
    headers: ['build', 'statusdoc routes: median (min–max), peak RSS', 'check (with the index)', 'check --no-project', 'check / --no-project, pair by pair'],
    rows,
    notes: [
      `In-process (this checkout's source, as the language server runs it): the index built from disk in ${ms(figures.buildMs)}, ${
        figures.heapMb === undefined ? 'heap not measured' : `${figures.heapMb.toFixed(1)} MB of heap after GC`
      }; a route file's edit (post ↔ put) to the handler file's refreshed findings ${spread(figures.edit, ms)}, p95 ${ms(figures.edit.p95)} (${figures.editsSeen}/${figures.edit.count} edits changed them).`,
      `Load average (1, 5, 15 min): ${load(figures.loadBefore)} before, ${load(figures.loadAfter)} after.`,
    ],
  };
}

/** The server in the project, with the spec of its routes beside it: per build, side by side. */
export function projectEditorTable(figures: RouteFigures): Table {
  return {
    title: `The language server in the ${figures.files.toLocaleString('en')}-file project, a spec of its ${figures.specPaths} paths beside it (over stdio)`,
    headers: [
      'build',
      'index built (start to progress end)',
      'spec open → diagnostics',
      'keystroke in the spec → its diagnostics (p95)',
      'keystroke in a handler → its diagnostics (p95)',
      'server RSS',
    ],
    rows: figures.editor.map((e) => [
      e.build,
      spread(e.indexMs, ms),
      spread(e.specOpenMs, ms),
      `${spread(e.specKeystroke, ms)} (${ms(e.specKeystroke.p95)})`,
      `${spread(e.handlerKeystroke, ms)} (${ms(e.handlerKeystroke.p95)})`,
      mb(e.rssKb),
    ]),
    notes: [
      "Each keystroke types one character (into a response description of the spec; into the first handler of a controller, which moves every handler after it) and pulls that document's diagnostics. Builds in turn, one fresh server each.",
      `Load average (1, 5, 15 min): ${load(figures.loadBefore)} before, ${load(figures.loadAfter)} after the routes block.`,
    ],
  };
}
