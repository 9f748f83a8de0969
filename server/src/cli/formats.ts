/** The check results in the formats CI expects: text (one line a problem), ESLint-style JSON, SARIF 2.1.0. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { CLI_MESSAGES, RULES, type Severity } from '../core';
import type { FileReport } from './report';
import { ruleDocsUrl } from '../project/docs';

export interface Totals {
  errors: number;
  warnings: number;
  others: number;
  fixable: number;
  /** Files not checked (too large, binary, a parser failure): never counted clean. */
  notChecked: number;
}

export function totals(results: readonly FileReport[]): Totals {
  const all = results.flatMap((result) => result.findings);
  return {
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    others: all.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
    fixable: all.filter((f) => f.fixable).length,
    notChecked: results.filter((result) => result.notChecked).length,
  };
}

/** Why a file was not checked, in the words of the CLI's notes (reports are in English, like their summaries). */
function notCheckedText(result: FileReport): string {
  return result.notChecked ? CLI_MESSAGES.skipCause('en', result.notChecked) : '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:col severity rule message`, one problem a line, then a summary. */
export function formatText(results: readonly FileReport[], fileCount: number): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      lines.push(`${result.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`);
    }
  }
  for (const result of results) if (result.notChecked) lines.push(`${result.file}: not checked: ${notCheckedText(result)}`);
  const sum = totals(results);
  const problems = sum.errors + sum.warnings + sum.others;
  if (problems === 0 && sum.notChecked === 0) {
    lines.push(`✔ no problems in ${plural(fileCount, 'file')}`);
  } else if (problems === 0) {
    lines.push('', `✖ ${plural(sum.notChecked, 'file')} not checked; no problems in the ${plural(fileCount - sum.notChecked, 'other file')}`);
  } else {
    const parts = [plural(sum.errors, 'error'), plural(sum.warnings, 'warning')];
    if (sum.others > 0) parts.push(`${sum.others} information/hint`);
    const unchecked = sum.notChecked > 0 ? `; ${plural(sum.notChecked, 'file')} not checked` : '';
    lines.push('', `✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(fileCount, 'file')}${unchecked}`);
    if (sum.fixable > 0) lines.push(`  ${sum.fixable} fixable with the --fix option.`);
  }
  return `${lines.join('\n')}\n`;
}

const ESLINT_SEVERITY: Record<Severity, 1 | 2> = { error: 2, warning: 1, information: 1, hint: 1 };

/**
 * The shape of ESLint's JSON formatter, so tools that read ESLint results read these too. A file not checked
 * carries one fatal message, as ESLint reports a file it could not parse.
 */
export function formatJson(results: readonly FileReport[]): string {
  const files = results.map((result) => {
    const fatal = result.notChecked ? [{ ruleId: null, fatal: true, severity: 2, message: `Not checked: ${notCheckedText(result)}`, line: 1, column: 1 }] : [];
    const messages = result.findings.map((finding) => ({
      ruleId: finding.rule,
      severity: ESLINT_SEVERITY[finding.severity],
      severityName: finding.severity,
      message: finding.message,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      code: finding.code,
      expected: finding.expected ?? null,
      method: finding.method ?? null,
      fixable: finding.fixable,
    }));
    return {
      filePath: result.absolute,
      messages: [...fatal, ...messages],
      errorCount: result.findings.filter((f) => f.severity === 'error').length + fatal.length,
      ...(fatal.length > 0 ? { fatalErrorCount: fatal.length } : {}),
      warningCount: result.findings.filter((f) => f.severity !== 'error').length,
      fixableErrorCount: result.findings.filter((f) => f.severity === 'error' && f.fixable).length,
      fixableWarningCount: result.findings.filter((f) => f.severity !== 'error' && f.fixable).length,
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
}

/** A relative URI reference: each path segment percent-encoded, so `has#hash.ts` is not a fragment of `has`. */
function sarifUri(result: FileReport): string {
  return path.relative(process.cwd(), result.absolute).split(path.sep).map(encodeURIComponent).join('/');
}

const SARIF_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 as GitHub code scanning takes it: paths relative to %SRCROOT% (the working directory). */
export function formatSarif(results: readonly FileReport[], version: string): string {
  const rules: ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description.en },
    fullDescription: { text: rule.description.en },
    helpUri: ruleDocsUrl(rule.id),
    help: { text: `${rule.description.en} See the statusdoc README, section "${rule.id}".` },
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const sarifResults: Result[] = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: RULES.findIndex((rule) => rule.id === finding.rule),
      level: SARIF_LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: sarifUri(result), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
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
        // Files not checked: a run that did not read a file must say so, not look clean.
        ...notCheckedInvocation(results),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF's way to say a file was not analysed: a tool execution notification of a failed invocation. */
function notCheckedInvocation(results: readonly FileReport[]): Pick<Run, 'invocations'> {
  const notChecked = results.filter((result) => result.notChecked);
  if (notChecked.length === 0) return {};
  return {
    invocations: [
      {
        executionSuccessful: false,
        toolExecutionNotifications: notChecked.map((result) => ({
          level: 'error' as const,
          descriptor: { id: 'not-checked' },
          message: { text: `Not checked: ${notCheckedText(result)}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(result), uriBaseId: '%SRCROOT%' } } }],
        })),
      },
    ],
  };
}
