/**
 * `statusdoc check` and `statusdoc sites` over a list of files: the tables in force, the share of this shard, the
 * cache's answers, the rest analysed in-process or on worker threads, then the notes and the report in file order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { caughtText, CLI_MESSAGES, isScriptLanguage, languageOfFile, type DriftFact, type Lang } from '../core';
import type { TableInForce } from '../project/tables';
import { Analyzer, displayPath, type ProjectJudgement } from './analyze';
import { cacheFileOf, contentHash, driftKey, methodsKey, ResultsCache, type CachedFile, type Stamp } from './cache';
import type { TaskResult } from './fileTask';
import type { FileRouteFacts } from './routeFacts';
import { formatJson, formatSarif, formatText, totals } from './formats';
import { formatCi, isCiFormat, type CiFormat } from './formats/index';
import { analyzeFiles, autoThreads, type AgainItem, type Analysed } from './pool';
import type { FileReport } from './report';
import { findConfigFile, parseConfig } from '../project/config';
import { projectPath } from '../project/routeIndex';
import { WorkspaceRoutes } from '../project/workspaceRoutes';
import { WorkspaceSpecs } from '../project/workspaceSpecs';
import { inShard, type Shard } from './shard';
import { formatSites } from './sites';

export interface CheckRun {
  command: 'check' | 'sites';
  format: 'text' | 'json' | 'sarif' | CiFormat;
  files: string[];
  table?: string;
  lang: Lang;
  maxChars: number;
  fix: boolean;
  debug: boolean;
  maxWarnings: number;
  exitZero: boolean;
  /** Threads to analyse on (the main thread counts as one), or undefined for automatic. */
  concurrency?: number;
  shard?: Shard;
  /** --cache: where the cache file is (undefined: no cache). */
  cache?: { location?: string };
  /** Statusdoc's version for reports, and its build (version and source hash) for the cache. */
  version: string;
  build: string;
  /** The script worker threads run: the CLI's own bundle. */
  workerScript: string;
  /**
   * Judge handlers under the methods of routes in other files (the project's route index over the files given, the
   * working directory as its root); false: each file alone (`--no-project`).
   */
  project: boolean;
}

export interface Written {
  code: number;
  /** Notes for stderr before the report. */
  notes: string[];
  stdout: string;
  /** The note that sums up --fix, after the report. */
  fixedNote?: string;
}

export async function checkFiles(run: CheckRun): Promise<Written> {
  const cwd = process.cwd();
  const files = run.shard ? inShard(run.files, run.shard, cwd) : run.files;
  const analyzer = new Analyzer({ table: run.table, lang: run.lang, maxChars: run.maxChars });
  const notes: string[] = [];

  // A broken table in CI must stop the build rather than check against something else.
  const tables = new Map<string, TableInForce>();
  for (const file of files) {
    const dir = path.dirname(file);
    if (tables.has(dir)) continue;
    const inForce = analyzer.tableForFolder(dir);
    if (inForce.problem) return { code: 2, notes: [CLI_MESSAGES.badTable(run.lang, inForce.problem)], stdout: '' };
    tables.set(dir, inForce);
    if (run.debug && inForce.caught) notes.push(`while reading the table in force for ${displayPath(dir)}:\n${inForce.caught.map(caughtText).join('\n')}`);
  }

  // With the project's route index, each TS/JS file's module facts come from the parse its check makes (or from the
  // cache): once every file is read, the index gives the handlers their methods, and only the files whose findings
  // that can change are judged again (their kept analysis, unparsed).
  const project = run.project && run.command === 'check';
  const routes = project ? new WorkspaceRoutes(cwd, run.maxChars) : undefined;
  /**
   * What the index gives a file: its handlers' route methods where a response site has no method of its own (the
   * only kind they change), its tests' requests' answers where it makes requests.
   */
  const projectOf = (absolute: string, facts: FileRouteFacts | undefined): ProjectJudgement | undefined => {
    const scopes = facts?.methodsMatter ? routes?.scopesFor(absolute) : undefined;
    const answers = facts?.requests
      ? routes?.requestAnswers(
          absolute,
          facts.requests.map((request) => ({ ...request, mock: false })),
        )
      : undefined;
    if (!scopes?.length && !answers?.length) return undefined;
    return { ...(scopes?.length ? { routeMethods: scopes } : {}), ...(answers?.length ? { requestAnswers: answers } : {}) };
  };
  /** What the specs, linked to the index's routes, say of a file (set once the index is built). */
  let driftOf: (absolute: string) => DriftFact[] | undefined = () => undefined;
  const settingsKey = (absolute: string) => cache!.settingsKey(absolute, tables.get(path.dirname(absolute))!);

  const reports: FileReport[] = new Array(files.length);
  let cache: ResultsCache | undefined;
  let toAnalyse = files.map((_, index) => index);
  const stamps: (Stamp | undefined)[] = new Array(files.length);
  const hits = new Map<number, CachedFile>();
  if (run.cache) {
    const opened = ResultsCache.open(cacheFileOf(run.cache.location, cwd), { version: run.build, lang: run.lang, maxChars: run.maxChars });
    cache = opened.cache;
    if (opened.note) notes.push(CLI_MESSAGES.cacheIgnored(run.lang, displayPath(cache.file), opened.note.why));
    toAnalyse = toAnalyse.filter((index) => {
      const absolute = files[index];
      stamps[index] = stampOf(absolute);
      const hit = stamps[index] && cached(cache!, absolute, stamps[index], settingsKey(absolute));
      if (!hit) return true;
      // With the index a TS/JS file's facts are needed (an entry written by --no-project has none); without it, an
      // answer judged under route methods is not this run's.
      if (project ? isScript(absolute) && !hit.routes : (hit.routes?.methods ?? '') !== '') return true;
      // Under --fix a file with fixable findings is read again, so the fix is applied as without a cache.
      if (run.fix && hit.findings.some((finding) => finding.fixable)) return true;
      hits.set(index, hit);
      const { routes: _, ...found } = hit;
      reports[index] = { file: displayPath(absolute), absolute, ...found };
      return false;
    });
  }

  /** Files looked at again once the index is built: their index in `files`, and what the index gives them. */
  const againOf: { index: number; project?: ProjectJudgement }[] = [];
  const again = (results: readonly TaskResult[]): AgainItem[] => {
    if (!routes) return [];
    const index = (file: string, facts: FileRouteFacts | undefined, whyNot?: string) => {
      // What each file answers, from its first parse (or the cache): its handlers need no second parse. A cache
      // entry's answers are taken only when they look whole: a damaged one is read again from the disk.
      const answers = facts?.answers;
      if (answers && Array.isArray(answers.answers) && Array.isArray(answers.openEnds)) routes.setAnswers(file, answers);
      if (facts && !facts.module && facts.leftOut === undefined) routes.readOnDemand(file);
      else routes.setFacts(file, facts?.module, facts?.declares ?? false, facts?.leftOut ?? whyNot);
    };
    toAnalyse.forEach((at, k) => {
      if (isScript(files[at])) index(files[at], results[k].routeFacts, results[k].report.notChecked?.kind);
    });
    for (const [at, hit] of hits) if (hit.routes) index(files[at], hit.routes.facts);
    // Every file given, not only this shard's: a route in another shard still gives its handler a method here.
    const inShard = new Set(files);
    for (const file of run.files) if (!inShard.has(file)) routes.readFile(file);

    // The specs among the files given (or those .statusdoc.json names), linked to the index's routes. No routes,
    // nothing to compare them with: a spec-only run reads no spec twice.
    const specs = routes.endpoints().length > 0 ? new WorkspaceSpecs(cwd, run.maxChars) : undefined;
    specs?.build(run.files);
    driftOf = (absolute) => {
      const drift = specs?.driftIn(routes, projectPath(cwd, absolute));
      return drift && drift.length > 0 ? [...drift] : undefined;
    };

    const items: AgainItem[] = [];
    const add = (index: number, item: AgainItem) => {
      againOf.push({ index, project: item.project });
      items.push(item);
    };
    /** What a file is judged by: what the index gives it, and the specs' drift. */
    const withDrift = (judgedBy: ProjectJudgement | undefined, drift: DriftFact[] | undefined): ProjectJudgement | undefined =>
      drift ? { ...judgedBy, drift } : judgedBy;
    // Only a file with a response site without a method of its own can be changed by route methods, and only a file
    // whose tests make requests by their answers: only such files are looked up in the index. The specs' drift lands
    // in spec and route files.
    toAnalyse.forEach((index, k) => {
      const facts = results[k].routeFacts;
      const kept = (facts?.methodsMatter ?? false) || facts?.requests !== undefined;
      const judgedBy = kept ? projectOf(files[index], facts) : undefined;
      const drift = driftOf(files[index]);
      const fixable = results[k].report.findings.some((finding) => finding.fixable);
      if ((kept && judgedBy) || drift || (run.fix && (kept || fixable))) add(index, { absolute: files[index], first: k, project: withDrift(judgedBy, drift) });
    });
    for (const [index, hit] of hits) {
      const tracked = hit.routes !== undefined && (hit.routes.facts.methodsMatter || hit.routes.facts.requests !== undefined);
      const judgedBy = tracked ? projectOf(files[index], hit.routes!.facts) : undefined;
      const drift = driftOf(files[index]);
      // A cached answer stands where the index cannot change it, or gives what it was judged by, and where the specs'
      // drift is what it was judged under.
      const changed = (tracked && hit.routes!.methods !== methodsKey(judgedBy)) || (hit.drift ?? '') !== driftKey(drift);
      if (changed) add(index, { absolute: files[index], project: withDrift(judgedBy, drift) });
    }
    return items;
  };

  const threads = run.concurrency ?? autoThreads(toAnalyse.length);
  const setup = {
    analyze: { table: run.table, lang: run.lang, maxChars: run.maxChars },
    task: {
      lang: run.lang,
      fix: run.fix,
      sites: run.command === 'sites',
      hash: cache !== undefined,
      facts: project,
      specs: project && mayHoldSpecs(cwd, run.files),
    },
    preloadTypeScript: toAnalyse.some((index) => isScriptLanguage(languageOfFile(files[index]))),
  };
  const analysed = await analyzeFiles(
    toAnalyse.map((index) => files[index]),
    analyzer,
    setup,
    threads,
    run.workerScript,
    again,
  );
  if (run.debug) notes.push(threadsNote(files.length, analysed));
  if (run.debug && analysed.againResults.length > 0) notes.push(`${analysed.againResults.length} judged again by the routes in other files`);
  const fresh = new Map<number, { result: TaskResult; project?: ProjectJudgement }>();
  analysed.results.forEach((result, k) => fresh.set(toAnalyse[k], { result }));
  analysed.againResults.forEach((result, slot) => fresh.set(againOf[slot].index, { result, project: againOf[slot].project }));
  for (const [index, { result, project: judgedBy }] of fresh) {
    reports[index] = result.report;
    // A file --fix rewrote has a new stamp: it is hashed on the next run.
    const stamp = result.report.fixed === undefined ? stamps[index] : undefined;
    const routesPart = result.routeFacts && { facts: result.routeFacts, methods: methodsKey(judgedBy) };
    if (cache && result.contentHash)
      cache.set(files[index], stamp, result.contentHash, settingsKey(files[index]), result.report, routesPart, driftKey(judgedBy?.drift));
  }
  const unsaved = cache?.save();
  if (cache && unsaved) notes.push(CLI_MESSAGES.cacheNotWritten(run.lang, displayPath(cache.file), unsaved));

  for (const report of reports) {
    if (report.notChecked) notes.push(CLI_MESSAGES.skipped(run.lang, report.file, report.notChecked));
    if (report.notWritten !== undefined) notes.push(CLI_MESSAGES.fixNotWritten(run.lang, report.file, report.notWritten));
    if (report.changedMeanwhile) notes.push(CLI_MESSAGES.fixChangedMeanwhile(run.lang, report.file));
    if (run.debug && report.caught) notes.push(`while reading ${report.file}:\n${report.caught}`);
  }
  // A file the file system would not let us read or write: the run could not do its job (exit 2), whatever it found.
  const couldNotRun = reports.some((report) => report.notChecked?.kind === 'unreadable' || report.notWritten !== undefined);
  if (run.command === 'sites') return { code: couldNotRun ? 2 : 0, notes, stdout: formatSites(reports, run.format === 'json' ? 'json' : 'text', files.length) };

  const stdout = isCiFormat(run.format)
    ? formatCi(run.format, reports)
    : run.format === 'json'
      ? formatJson(reports)
      : run.format === 'sarif'
        ? formatSarif(reports, run.version)
        : formatText(reports, files.length);
  const fixed = reports.filter((report) => report.fixed !== undefined);
  const fixedNote =
    run.fix && run.format === 'text'
      ? CLI_MESSAGES.fixed(
          run.lang,
          fixed.reduce((sum, report) => sum + report.fixed!, 0),
          fixed.length,
        )
      : undefined;
  const sum = totals(reports);
  // A file that was not checked is not a pass: CI must not go green on what it never read.
  const failed = sum.errors > 0 || sum.notChecked > 0 || sum.warnings > run.maxWarnings;
  return { code: couldNotRun ? 2 : failed && !run.exitZero ? 1 : 0, notes, stdout, fixedNote };
}

function isScript(file: string): boolean {
  const language = languageOfFile(file);
  return isScriptLanguage(language);
}

function stampOf(absolute: string): Stamp | undefined {
  try {
    const { size, mtimeMs } = fs.statSync(absolute);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/** The cache's findings for a file as it is now, or undefined; a file that cannot be read is left to the analysis. */
function cached(cache: ResultsCache, absolute: string, stamp: Stamp, settingsKey: string) {
  const contentOf = () => {
    try {
      return contentHash(fs.readFileSync(absolute, 'utf8'));
    } catch {
      return undefined;
    }
  };
  return cache.get(absolute, stamp, contentOf, settingsKey);
}

/** --debug: where the files went, so a slow run can be told from a run that never used its workers. */
function threadsNote(total: number, { inMain, inWorkers }: Analysed): string {
  const fromCache = total - inMain - inWorkers.reduce((sum, n) => sum + n, 0);
  const workers = inWorkers.length > 0 ? `, ${inWorkers.join(' + ')} on ${inWorkers.length} worker thread${inWorkers.length === 1 ? '' : 's'}` : '';
  return `${total} files: ${fromCache} from the cache, ${inMain} analysed in the main thread${workers}`;
}

/**
 * Whether a run may compare specs with its handlers (YAML or JSON among its files, or `apis` configured): then the
 * files whose handlers answer anything keep their analysis, judged again under the drift per code with no second parse.
 */
function mayHoldSpecs(cwd: string, files: readonly string[]): boolean {
  if (files.some((file) => !isScriptLanguage(languageOfFile(file)) && languageOfFile(file) !== undefined)) return true;
  try {
    const configFile = findConfigFile(cwd);
    const read = configFile ? parseConfig(fs.readFileSync(configFile, 'utf8')) : undefined;
    return read?.ok === true && (read.config.apis?.length ?? 0) > 0;
  } catch {
    return false;
  }
}
