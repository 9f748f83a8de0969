/**
 * Checkstyle XML, as ESLint's checkstyle formatter writes it (Jenkins' Warnings NG, reviewdog, SonarQube read it):
 * a <file> per file checked, an <error> per finding; a file not checked has one error saying so.
 */
import type { Severity } from '../../core';
import type { FileReport } from '../report';
import { NOT_CHECKED, notCheckedMessage } from './common';
import { xmlAttributes } from './xml';

const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

export function formatCheckstyle(results: readonly FileReport[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    lines.push(`  <file${xmlAttributes({ name: result.absolute })}>`);
    const notChecked = notCheckedMessage(result);
    if (notChecked)
      lines.push(`    <error${xmlAttributes({ line: 1, column: 1, severity: 'error', message: notChecked, source: `statusdoc.${NOT_CHECKED}` })} />`);
    for (const finding of result.findings) {
      const attributes = {
        line: finding.line,
        column: finding.column,
        severity: SEVERITY[finding.severity],
        message: `${finding.message} (${finding.rule})`,
        source: `statusdoc.${finding.rule}`,
      };
      lines.push(`    <error${xmlAttributes(attributes)} />`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
}
