/**
 * `statusdoc check` and `statusdoc sites` over a list of files: the tables in force, the share of this shard, the
 * cache's answers, the rest analysed in-process or on worker threads, then the notes and the report in file order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { caughtText, CLI_MESSAGES, isScriptLanguage, languageOfFile, type Lang } from '../core';
import type { TableInForce } from '../project/tables';
import { Analyzer, displayPath } from './analyze';
import { cacheFileOf, contentHash, ResultsCache, type Stamp } from './cache';
import { formatJson, formatSarif, formatText, totals } from './formats';
import { formatCi, isCiFormat, type CiFormat } from './formats/index';
import { analyzeFiles, autoThreads, type Analysed } from './pool';
import type { FileReport } from './report';
import { projectPath } from '../project/routeIndex';
import { WorkspaceRoutes } from '../project/workspaceRoutes';
import { WorkspaceSpecs } from '../project/workspaceSpecs';
import type { ProjectFacts } from './fileTask';
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

  // Every file given, not only this shard's: a route in another shard still gives its handler a method here.
  const routes = run.project && run.command === 'check' ? new WorkspaceRoutes(cwd, run.maxChars) : undefined;
  await routes?.build(undefined, undefined, run.files);
  // The specs among the files given (or those .statusdoc.json names), linked to the index's routes.
  // No routes, nothing to compare them with: a spec-only run reads no spec twice.
  const specs = routes && routes.endpoints().length > 0 ? new WorkspaceSpecs(cwd, run.maxChars) : undefined;
  specs?.build(run.files);
  const links = routes && specs?.links(routes.endpoints());
  const projectOf = (absolute: string): ProjectFacts | undefined => {
    const scopes = routes?.scopesFor(absolute);
    const drift = links?.driftIn(projectPath(cwd, absolute));
    if ((!scopes || scopes.length === 0) && (!drift || drift.length === 0)) return undefined;
    return { ...(scopes && scopes.length > 0 ? { routeMethods: scopes } : {}), ...(drift && drift.length > 0 ? { drift: [...drift] } : {}) };
  };
  // The cache keys a file's answer on what the route index and the specs give it too.
  const settingsKey = (absolute: string, inForce: TableInForce) => {
    const project = projectOf(absolute);
    return cache!.settingsKey(absolute, inForce) + (project ? contentHash(JSON.stringify(project)) : '');
  };

  const reports: FileReport[] = new Array(files.length);
  let cache: ResultsCache | undefined;
  let toAnalyse = files.map((_, index) => index);
  const stamps: (Stamp | undefined)[] = new Array(files.length);
  if (run.cache) {
    const opened = ResultsCache.open(cacheFileOf(run.cache.location, cwd), { version: run.build, lang: run.lang, maxChars: run.maxChars });
    cache = opened.cache;
    if (opened.note) notes.push(CLI_MESSAGES.cacheIgnored(run.lang, displayPath(cache.file), opened.note.why));
    toAnalyse = toAnalyse.filter((index) => {
      const absolute = files[index];
      stamps[index] = stampOf(absolute);
      const hit = stamps[index] && cached(cache!, absolute, stamps[index], settingsKey(absolute, tables.get(path.dirname(absolute))!));
      // Under --fix a file with fixable findings is read again, so the fix is applied as without a cache.
      if (!hit || (run.fix && hit.findings.some((finding) => finding.fixable))) return true;
      reports[index] = { file: displayPath(absolute), absolute, ...hit };
      return false;
    });
  }

  const threads = run.concurrency ?? autoThreads(toAnalyse.length);
  const setup = {
    analyze: { table: run.table, lang: run.lang, maxChars: run.maxChars },
    task: { lang: run.lang, fix: run.fix, sites: run.command === 'sites', hash: cache !== undefined },
    preloadTypeScript: toAnalyse.some((index) => isScriptLanguage(languageOfFile(files[index]))),
  };
  const analysed = await analyzeFiles(
    toAnalyse.map((index) => files[index]),
    analyzer,
    setup,
    threads,
    run.workerScript,
    projectOf,
  );
  if (run.debug) notes.push(threadsNote(files.length, analysed));
  analysed.results.forEach((result, k) => {
    const index = toAnalyse[k];
    reports[index] = result.report;
    // A file --fix rewrote has a new stamp: it is hashed on the next run.
    const stamp = result.report.fixed === undefined ? stamps[index] : undefined;
    if (cache && result.contentHash)
      cache.set(files[index], stamp, result.contentHash, settingsKey(files[index], tables.get(path.dirname(files[index]))!), result.report);
  });
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
