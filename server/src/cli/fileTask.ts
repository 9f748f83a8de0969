/**
 * One file, start to finish, as `check` and `sites` treat it: the table in force for its folder, one analysis, the
 * safe fixes written back under --fix (then the file analysed again), and the plain report. The in-process run and
 * every worker thread call this same function, so their outputs cannot drift apart.
 */
import * as path from 'node:path';
import { applyEdits, fixAllEdits, rescopeRouteMethods, type DriftFact, type Lang, type RouteMethodScope, type TextEdit } from '../core';
import { displayPath, type Analyzer } from './analyze';
import { contentHash } from './cache';
import { reportOf, type FileReport } from './report';
import { readSnapshot, systemReason, writeIfUnchanged, type ReadSnapshot } from './safeWrite';

export interface TaskOptions {
  lang: Lang;
  fix: boolean;
  /** Site records for `sites`. */
  sites: boolean;
  /** Hash the text analysed, for the cache. */
  hash: boolean;
}

export interface TaskResult {
  report: FileReport;
  /** Hash of the text the report describes (after --fix rewrote it), when asked for. */
  contentHash?: string;
}

const BOM = '\uFEFF';

/** What the project gives one file beyond its text: the route index's methods, the specs' drift (see checkRun). */
export interface ProjectFacts {
  routeMethods?: RouteMethodScope[];
  drift?: DriftFact[];
}

export function runFileTask(analyzer: Analyzer, absolute: string, options: TaskOptions, project: ProjectFacts = {}): TaskResult {
  const { routeMethods, drift } = project;
  let snapshot: ReadSnapshot;
  try {
    snapshot = readSnapshot(absolute);
  } catch (error) {
    // Not a crash and not clean: a file the run could not read, reported as such (and the run exits 2).
    return { report: { file: displayPath(absolute), absolute, findings: [], notChecked: { kind: 'unreadable', reason: systemReason(error) } } };
  }
  // An editor shows the text without its byte order mark: lines, columns and fixes are counted the same way here.
  const bom = snapshot.text.startsWith(BOM) ? BOM : '';
  const text = snapshot.text.slice(bom.length);
  const inForce = analyzer.tableForFolder(path.dirname(absolute));
  const first = analyzer.analyzeFile(absolute, inForce, text, routeMethods, drift);
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
          const moved = routeMethods && rescopeRouteMethods(routeMethods, fixedText, absolute);
          result = analyzer.analyzeFile(absolute, inForce, fixedText, moved, drift && shiftDrift(drift, edits));
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
  return { report, ...(options.hash ? { contentHash: contentHash(bom + result.document.text) } : {}) };
}

/** The drift facts' places in the text the edits made (each edit before a place moves it by what it added). */
function shiftDrift(facts: readonly DriftFact[], edits: readonly TextEdit[]): DriftFact[] {
  const moved = (offset: number) => edits.reduce((sum, edit) => (edit.end <= offset ? sum + edit.newText.length - (edit.end - edit.start) : sum), offset);
  return facts.map((fact) =>
    fact.rule === 'operation-without-route' ? { ...fact, start: moved(fact.start), end: moved(fact.end) } : { ...fact, start: moved(fact.start) },
  );
}
