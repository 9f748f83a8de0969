/**
 * What the CLI's formats need of one file, as plain data: findings with their lines and columns, the sites with their
 * documented summaries, why the file was not checked. A worker thread sends it back, the cache stores it, and the
 * in-process run builds the very same value, so every path prints the same bytes.
 */
import { summaryLine, type Lang, type NotChecked, type RuleId, type Severity } from '../core';
import type { FileResult } from './analyze';
import { editorPositions } from './positions';
import { siteRecords, type SiteRecord } from './sites';

export interface ReportedFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** 1-based, as editors and CI annotations count them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The code at the site. */
  /** The status code judged; absent for a finding about an endpoint (route-not-in-spec, operation-without-route). */
  code?: number;
  /** The documented code, where the rule knows it. */
  expected?: number;
  /** The HTTP method in force at the site. */
  method?: string;
  fixable: boolean;
}

export interface ReportedSite {
  record: SiteRecord;
  /** The one-line summary of the code under the table in force, in the language asked for. */
  summary: string;
}

/** The part of a file's report that depends only on its text and the settings: what the cache keeps. */
export interface FileFindings {
  findings: ReportedFinding[];
  /** Why the file was not checked (in full), if it was not. */
  notChecked?: NotChecked;
  /** What statusdoc caught while reading the file (printed under --debug). */
  caught?: string;
}

export interface FileReport extends FileFindings {
  /** Relative to the working directory, as the text format prints it. */
  file: string;
  absolute: string;
  /** Only when the `sites` command asked for them. */
  sites?: ReportedSite[];
  /** How many problems --fix fixed in this file, when it rewrote the file. */
  fixed?: number;
  /** --fix could not write the file: the operating system's reason. The run exits 2. */
  notWritten?: string;
  /** --fix left the file alone: it changed after it was read (the findings are those of what was read). */
  changedMeanwhile?: true;
}

export function reportedFindings(result: FileResult): ReportedFinding[] {
  const positionAt = editorPositions(result.document);
  return result.findings.map((finding) => {
    const start = positionAt(finding.start);
    const end = positionAt(finding.end);
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      ...(finding.site ? { code: finding.site.code } : finding.drift && 'code' in finding.drift ? { code: finding.drift.code } : {}),
      ...(finding.expected === undefined ? {} : { expected: finding.expected }),
      ...(finding.site?.method ? { method: finding.site.method.name } : {}),
      fixable: finding.fixable,
    };
  });
}

export function reportOf(result: FileResult, options: { sites: boolean; lang: Lang }): FileReport {
  const caught = result.document.facts.failure ?? result.document.facts.recovered;
  const report: FileReport = { file: result.file, absolute: result.absolute, findings: reportedFindings(result) };
  if (result.notChecked) report.notChecked = result.notChecked;
  if (caught) report.caught = caught;
  if (options.sites) {
    report.sites = siteRecords(result).map((record) => ({ record, summary: summaryLine(record.code, result.inForce.table, options.lang) }));
  }
  return report;
}
