/**
 * GitHub Actions workflow commands: an annotation per finding, shown on the pull request's diff and the run's summary.
 *   ::error file=src/a.ts,line=3,col=5,endLine=3,endColumn=8,title=statusdoc wrong-success-code::message
 * Escaped as GitHub's toolkit does (@actions/core, command.ts): in the message %, CR and LF; in properties also : and ,.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */
import type { Severity } from '../../core';
import type { FileReport } from '../report';
import { NOT_CHECKED, notCheckedMessage, repoPath } from './common';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(command: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command} ${props}::${escapeData(message)}`;
}

export function formatGithub(results: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = repoPath(result);
    const notChecked = notCheckedMessage(result);
    if (notChecked) lines.push(annotation('error', { file, line: 1, title: `statusdoc ${NOT_CHECKED}` }, notChecked));
    for (const finding of result.findings) {
      const { line, column: col, endLine, endColumn } = finding;
      lines.push(annotation(COMMAND[finding.severity], { file, line, col, endLine, endColumn, title: `statusdoc ${finding.rule}` }, finding.message));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
