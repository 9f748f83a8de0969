/**
 * JUnit XML, the report every CI system shows as tests (GitLab's `reports: junit`, Jenkins, Azure Pipelines):
 * a <testsuite> per file, a failing <testcase> per finding, one passing <testcase> for a clean file (so that it counts),
 * and an <error> test case for a file not checked — never a pass.
 */
import type { FileReport } from '../report';
import { NOT_CHECKED, notCheckedMessage, repoPath } from './common';
import { xmlAttributes, xmlEscape } from './xml';

export function formatJunit(results: readonly FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = repoPath(result);
    const cases: string[] = [];
    const notChecked = notCheckedMessage(result);
    if (notChecked) {
      cases.push(
        `    <testcase${xmlAttributes({ name: `${file}: ${NOT_CHECKED}`, classname: `statusdoc.${NOT_CHECKED}`, file })}>`,
        `      <error${xmlAttributes({ message: notChecked, type: NOT_CHECKED })}>${xmlEscape(`${file}: ${notChecked}`)}</error>`,
        '    </testcase>',
      );
    }
    for (const finding of result.findings) {
      const where = `${file}:${finding.line}:${finding.column}`;
      cases.push(
        `    <testcase${xmlAttributes({ name: `${where} ${finding.rule}`, classname: `statusdoc.${finding.rule}`, file, line: finding.line })}>`,
        `      <failure${xmlAttributes({ message: finding.message, type: finding.severity })}>${xmlEscape(`${where} ${finding.severity} ${finding.rule} ${finding.message}`)}</failure>`,
        '    </testcase>',
      );
    }
    if (cases.length === 0) cases.push(`    <testcase${xmlAttributes({ name: file, classname: 'statusdoc', file })} />`);
    const suiteFailures = result.findings.length;
    const suiteErrors = notChecked ? 1 : 0;
    const suiteTests = Math.max(1, suiteFailures + suiteErrors);
    tests += suiteTests;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite${xmlAttributes({ name: file, tests: suiteTests, failures: suiteFailures, errors: suiteErrors, skipped: 0 })}>`,
      ...cases,
      '  </testsuite>',
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: 'statusdoc', tests, failures, errors })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
