/** The check results in the formats CI expects: text (one line a problem), ESLint-style JSON, SARIF 2.1.0. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES } from '../core/checks/rules';
import type { Finding, Severity } from '../core/checks/types';
import { positionLocator } from '../core/text';
import type { FileResult } from './analyze';
import { ruleDocsUrl } from '../project/docs';

export interface Located {
  finding: Finding;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based lines and columns, as editors and CI annotations count them. */
export function locate(result: FileResult): Located[] {
  const at = positionLocator(result.text);
  return result.findings.map((finding) => {
    const start = at(finding.start);
    const end = at(finding.end);
    return { finding, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  });
}

export interface Totals {
  errors: number;
  warnings: number;
  others: number;
  fixable: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const all = results.flatMap((result) => result.findings);
  return {
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    others: all.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
    fixable: all.filter((f) => f.fixes[0]?.safe).length,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:col severity rule message`, one problem a line, then a summary. */
export function formatText(results: readonly FileResult[], fileCount: number): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const { finding, line, column } of locate(result)) {
      lines.push(`${result.file}:${line}:${column} ${finding.severity} ${finding.rule} ${finding.message}`);
    }
  }
  const sum = totals(results);
  const problems = sum.errors + sum.warnings + sum.others;
  if (problems === 0) {
    lines.push(`✔ no problems in ${plural(fileCount, 'file')}`);
  } else {
    const parts = [plural(sum.errors, 'error'), plural(sum.warnings, 'warning')];
    if (sum.others > 0) parts.push(`${sum.others} information/hint`);
    lines.push('', `✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(fileCount, 'file')}`);
    if (sum.fixable > 0) lines.push(`  ${sum.fixable} fixable with the --fix option.`);
  }
  return `${lines.join('\n')}\n`;
}

const ESLINT_SEVERITY: Record<Severity, 1 | 2> = { error: 2, warning: 1, information: 1, hint: 1 };

/** The shape of ESLint's JSON formatter, so tools that read ESLint results read these too. */
export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((result) => {
    const messages = locate(result).map(({ finding, line, column, endLine, endColumn }) => ({
      ruleId: finding.rule,
      severity: ESLINT_SEVERITY[finding.severity],
      severityName: finding.severity,
      message: finding.message,
      line,
      column,
      endLine,
      endColumn,
      code: finding.site.code,
      expected: finding.expected ?? null,
      method: finding.site.method?.name ?? null,
      fixable: finding.fixes[0]?.safe === true,
    }));
    return {
      filePath: result.absolute,
      messages,
      errorCount: result.findings.filter((f) => f.severity === 'error').length,
      warningCount: result.findings.filter((f) => f.severity !== 'error').length,
      fixableErrorCount: result.findings.filter((f) => f.severity === 'error' && f.fixes[0]?.safe).length,
      fixableWarningCount: result.findings.filter((f) => f.severity !== 'error' && f.fixes[0]?.safe).length,
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 as GitHub code scanning takes it: paths relative to %SRCROOT% (the working directory). */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const rules: ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    help: { text: `${rule.description} See the statusdoc README, section "${rule.id}".` },
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const sarifResults: Result[] = results.flatMap((result) =>
    locate(result).map(({ finding, line, column, endLine, endColumn }) => ({
      ruleId: finding.rule,
      ruleIndex: RULES.findIndex((rule) => rule.id === finding.rule),
      level: SARIF_LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: path.relative(process.cwd(), result.absolute).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: line, startColumn: column, endLine, endColumn },
          },
        },
      ],
    })),
  );
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'statusdoc', version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(process.cwd()).href}/` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
