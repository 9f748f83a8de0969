/**
 * One file, start to finish, as `check` and `sites` treat it: the table in force for its folder, one analysis, the
 * safe fixes written back under --fix (then the file analysed again), and the plain report. The in-process run and
 * every worker thread call this same function, so their outputs cannot drift apart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAllEdits, type Lang } from '../core';
import type { Analyzer } from './analyze';
import { contentHash } from './cache';
import { reportOf, type FileReport } from './report';

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

export function runFileTask(analyzer: Analyzer, absolute: string, options: TaskOptions): TaskResult {
  const inForce = analyzer.tableForFolder(path.dirname(absolute));
  const first = analyzer.analyzeFile(absolute, inForce);
  let result = first;
  let fixed: number | undefined;
  if (options.fix && !first.notChecked) {
    const fixedText = applyEdits(first.document.text, fixAllEdits(first.document, first.findings, options.lang));
    if (fixedText !== first.document.text) {
      fs.writeFileSync(absolute, fixedText);
      result = analyzer.analyzeFile(absolute, inForce, fixedText);
      fixed = first.findings.length - result.findings.length;
    }
  }
  const report = reportOf(result, { sites: options.sites, lang: options.lang });
  // What was caught, and why a file was not checked, are told of the first reading, as before any fix.
  const caught = first.document.facts.failure ?? first.document.facts.recovered;
  if (caught) report.caught = caught;
  else delete report.caught;
  if (fixed !== undefined) report.fixed = fixed;
  return { report, ...(options.hash ? { contentHash: contentHash(result.document.text) } : {}) };
}
