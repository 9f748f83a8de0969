/**
 * One file, start to finish, as `check` and `sites` treat it: the table in force for its folder, one analysis, the
 * safe fixes written back under --fix (then the file analysed again), and the plain report. The in-process run and
 * every worker thread call this same function, so their outputs cannot drift apart.
 *
 * With the project's route index (`facts`), the same parse also gives the file's module facts, and the analysed
 * document (its parse let go) is kept when routes elsewhere could still change its findings: `checkAgain` judges it
 * under their methods without parsing it again.
 */
import * as path from 'node:path';
import { applyEdits, fixAllEdits, rescopeRouteMethods, type DriftFact, type Lang, type TextEdit } from '../core';
import { displayPath, type Analyzer, type FileResult, type ProjectJudgement } from './analyze';
import { contentHash } from './cache';
import { reportOf, type FileReport } from './report';
import { fileRouteFacts, letParseGo, type FileRouteFacts } from './routeFacts';
import { readSnapshot, systemReason, writeIfUnchanged, type ReadSnapshot } from './safeWrite';

export interface TaskOptions {
  lang: Lang;
  fix: boolean;
  /** Site records for `sites`. */
  sites: boolean;
  /** Hash the text analysed, for the cache. */
  hash: boolean;
  /** Read the file's module facts for the route index from the same parse (see `firstPass`). */
  facts?: boolean;
  /** The run may hold a spec: a file whose handlers answer anything is kept, for the specs' drift per code. */
  specs?: boolean;
}

export interface TaskResult {
  report: FileReport;
  /** Hash of the text the report describes (after --fix rewrote it), when asked for. */
  contentHash?: string;
  /** TS/JS under `facts`: what the route index needs of the file, from the text the report describes. */
  routeFacts?: FileRouteFacts;
}

/** A task's result and, where routes elsewhere may still change its findings, the analysis to judge again. */
export interface KeptTask {
  result: TaskResult;
  kept?: FileResult;
}

const BOM = '\uFEFF';

export function runFileTask(analyzer: Analyzer, absolute: string, options: TaskOptions, project?: ProjectJudgement): TaskResult {
  return runFileTaskKeeping(analyzer, absolute, options, project).result;
}

/** `runFileTask`, keeping the analysis of a file whose findings the route index may still change (under `facts`). */
export function runFileTaskKeeping(analyzer: Analyzer, absolute: string, options: TaskOptions, project?: ProjectJudgement): KeptTask {
  let snapshot: ReadSnapshot;
  try {
    snapshot = readSnapshot(absolute);
  } catch (error) {
    // Not a crash and not clean: a file the run could not read, reported as such (and the run exits 2).
    return { result: { report: { file: displayPath(absolute), absolute, findings: [], notChecked: { kind: 'unreadable', reason: systemReason(error) } } } };
  }
  // An editor shows the text without its byte order mark: lines, columns and fixes are counted the same way here.
  const bom = snapshot.text.startsWith(BOM) ? BOM : '';
  const text = snapshot.text.slice(bom.length);
  const inForce = analyzer.tableForFolder(path.dirname(absolute));
  const first = analyzer.analyzeFile(absolute, inForce, text, project);
  let result = first;
  let fixed: number | undefined;
  let notWritten: string | undefined;
  let changedMeanwhile = false;
  if (options.fix && !first.notChecked) {
    const edits = fixAllEdits(first.document, first.findings, options.lang);
    const fixedText = applyEdits(text, edits);
    if (fixedText !== text) {
      try {
        if (writeIfUnchanged(absolute, snapshot, bom + fixedText) === 'written') {
          // The fixes moved the handlers: their spans are found again, by name, in the fixed text.
          // (Request answers are keyed by method and path, not offsets: they stay as they are; drift facts move with the edits.)
          const moved = project?.routeMethods && rescopeRouteMethods(project.routeMethods, fixedText, absolute);
          const drift = project?.drift && shiftDrift(project.drift, edits);
          result = analyzer.analyzeFile(absolute, inForce, fixedText, project && { ...project, routeMethods: moved, drift });
          fixed = first.findings.length - result.findings.length;
        } else {
          changedMeanwhile = true;
        }
      } catch (error) {
        notWritten = systemReason(error);
      }
    }
  }
  const report = reportOf(result, { sites: options.sites, lang: options.lang });
  // What was caught, and why a file was not checked, are told of the first reading, as before any fix.
  const caught = first.document.facts.failure ?? first.document.facts.recovered;
  if (caught) report.caught = caught;
  else delete report.caught;
  if (fixed !== undefined) report.fixed = fixed;
  if (notWritten !== undefined) report.notWritten = notWritten;
  if (changedMeanwhile) report.changedMeanwhile = true;
  const routeFacts = options.facts ? fileRouteFacts(result.document, absolute) : undefined;
  const taskResult: TaskResult = {
    report,
    ...(options.hash ? { contentHash: contentHash(bom + result.document.text) } : {}),
    ...(routeFacts ? { routeFacts } : {}),
  };
  // A spec is kept too (the specs' drift is judged on it once the index is built), and a handler file where specs may
  // judge what it answers.
  const judgedAgain =
    routeFacts?.methodsMatter ||
    (routeFacts?.requests?.length ?? 0) > 0 ||
    (options.specs && routeFacts?.answers !== undefined) ||
    (options.facts && result.document.facts.sites.some((site) => site.role === 'spec'));
  return { result: taskResult, ...(judgedAgain ? { kept: letParseGo(result) } : {}) };
}

/** The options of the first pass over the files: with the route index, fixes wait for the methods it gives. */
export function firstPass(options: TaskOptions): TaskOptions {
  return options.facts ? { ...options, fix: false } : options;
}

/**
 * A file once the route index is built: a kept analysis judged again under what the index gives it (its handlers'
 * methods, the specs' drift: the same sites, no parse); else, and under --fix where there is something to fix, the whole task with them.
 */
export function runTaskAgain(analyzer: Analyzer, absolute: string, first: KeptTask | undefined, options: TaskOptions, project?: ProjectJudgement): TaskResult {
  if (first?.kept) {
    const again = analyzer.checkAgain(first.kept, project);
    const report = reportOf(again, { sites: options.sites, lang: options.lang });
    if (first.result.report.caught) report.caught = first.result.report.caught;
    else delete report.caught;
    if (!options.fix || !report.findings.some((finding) => finding.fixable)) return { ...first.result, report };
  }
  return runFileTask(analyzer, absolute, options, project);
}

/** The drift facts' places in the text the edits made (each edit before a place moves it by what it added). */
function shiftDrift(facts: readonly DriftFact[], edits: readonly TextEdit[]): DriftFact[] {
  const moved = (offset: number) => edits.reduce((sum, edit) => (edit.end <= offset ? sum + edit.newText.length - (edit.end - edit.start) : sum), offset);
  return facts.map((fact) => ('end' in fact ? { ...fact, start: moved(fact.start), end: moved(fact.end) } : { ...fact, start: moved(fact.start) }));
}
