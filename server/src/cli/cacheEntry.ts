/** Whether a value read back from a cache file has exactly the shape the formats print: nothing else is trusted. */
import { isRuleId, type NotChecked } from '../core';
import type { FileFindings, ReportedFinding } from './report';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isFinding(value: unknown): value is ReportedFinding {
  if (!isObject(value)) return false;
  const { rule, severity, message, line, column, endLine, endColumn, code, expected, method, fixable } = value;
  return (
    typeof rule === 'string' &&
    isRuleId(rule) &&
    typeof severity === 'string' &&
    SEVERITIES.has(severity) &&
    typeof message === 'string' &&
    [line, column, endLine, endColumn].every(isCount) &&
    (code === undefined || isCount(code)) &&
    (expected === undefined || isCount(expected)) &&
    (method === undefined || typeof method === 'string') &&
    typeof fixable === 'boolean'
  );
}

function isNotChecked(value: unknown): value is NotChecked {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'binary':
      return true;
    case 'too-deep':
      return value.limit === undefined || isCount(value.limit);
    case 'too-large':
      return isCount(value.chars) && isCount(value.limit);
    case 'failure':
      return typeof value.firstLine === 'string';
    default:
      return false;
  }
}

export function isFileFindings(value: unknown): value is FileFindings {
  if (!isObject(value)) return false;
  const { findings, notChecked, caught } = value;
  return (
    Array.isArray(findings) &&
    findings.every(isFinding) &&
    (notChecked === undefined || isNotChecked(notChecked)) &&
    (caught === undefined || typeof caught === 'string')
  );
}
