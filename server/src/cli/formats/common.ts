/** What the CI formats share: the path CI systems match against the repository, the words for a file not checked. */
import * as path from 'node:path';
import { CLI_MESSAGES } from '../../core';
import type { FileReport } from '../report';

/** Relative to the working directory (the repository root in CI), with forward slashes. */
export function repoPath(result: FileReport): string {
  return path.relative(process.cwd(), result.absolute).split(path.sep).join('/') || result.file;
}

/** "Not checked: larger than …": the line every format gives a file it did not read in full. */
export function notCheckedMessage(result: FileReport): string | undefined {
  return result.notChecked ? `Not checked: ${CLI_MESSAGES.skipCause('en', result.notChecked)}` : undefined;
}

/** The rule id a file not checked is reported under, in formats that need one. */
export const NOT_CHECKED = 'not-checked';
