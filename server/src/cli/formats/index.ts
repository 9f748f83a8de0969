/**
 * The report formats CI systems read natively, beside text, JSON and SARIF (../formats.ts): GitLab Code Quality,
 * JUnit XML, Checkstyle XML and GitHub Actions workflow commands. Every one reports a file not checked as a problem.
 */
import type { FileReport } from '../report';
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJunit } from './junit';

export const CI_FORMATS = ['gitlab', 'junit', 'checkstyle', 'github'] as const;
export type CiFormat = (typeof CI_FORMATS)[number];

export function isCiFormat(format: string): format is CiFormat {
  return (CI_FORMATS as readonly string[]).includes(format);
}

export function formatCi(format: CiFormat, results: readonly FileReport[]): string {
  switch (format) {
    case 'gitlab':
      return formatGitlab(results);
    case 'junit':
      return formatJunit(results);
    case 'checkstyle':
      return formatCheckstyle(results);
    case 'github':
      return formatGithub(results);
  }
}
