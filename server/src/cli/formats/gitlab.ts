/**
 * GitLab Code Quality (a CodeClimate-style JSON array): one issue per finding, with a fingerprint that stays the same
 * while the problem does — path, rule, message and which occurrence of them it is, not the line, so that moving code
 * does not make GitLab show it as fixed and new again.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core';
import type { FileReport } from '../report';
import { NOT_CHECKED, notCheckedMessage, repoPath } from './common';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number; end?: number } };
}

const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

export function formatGitlab(results: readonly FileReport[]): string {
  const issues: GitlabIssue[] = [];
  const seen = new Map<string, number>();
  const fingerprint = (...parts: string[]) => {
    const key = parts.join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('md5').update(`${key}\0${occurrence}`).digest('hex');
  };
  for (const result of results) {
    const file = repoPath(result);
    const notChecked = notCheckedMessage(result);
    if (notChecked) {
      issues.push({
        description: notChecked,
        check_name: `statusdoc/${NOT_CHECKED}`,
        fingerprint: fingerprint(file, NOT_CHECKED),
        severity: 'major',
        location: { path: file, lines: { begin: 1 } },
      });
    }
    for (const finding of result.findings) {
      issues.push({
        description: finding.message,
        check_name: `statusdoc/${finding.rule}`,
        fingerprint: fingerprint(file, finding.rule, finding.message),
        severity: SEVERITY[finding.severity],
        location: { path: file, lines: { begin: finding.line, end: finding.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
