/**
 * `statusdoc constants [--out FILE] [--check]`: the project's constants module from the documented table, the same
 * module the editor's "Create status-code constants" command writes. `--check` fails when the file on disk is not
 * what the table gives (a table changed and nobody regenerated), for CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_MESSAGES, generateConstantsModule, type Lang } from '../core';
import { projectModulePath } from '../project/constants';
import type { TableInForce } from '../project/tables';
import { systemReason } from './safeWrite';

export interface ConstantsOutcome {
  code: number;
  message: string;
}

export function writeConstantsModule(inForce: TableInForce, out: string | undefined, check: boolean, lang: Lang = 'en'): ConstantsOutcome {
  const cwd = process.cwd();
  const target = out ? path.resolve(out) : projectModulePath(cwd, { source: 'auto', module: '' }, inForce);
  const content = generateConstantsModule(inForce.table, inForce.path ? path.basename(inForce.path) : 'statusdoc default table');
  const relative = path.relative(cwd, target) || target;
  let current: string | undefined;
  try {
    current = readIfExists(target);
  } catch (error) {
    return { code: 2, message: `${CLI_MESSAGES.constantsNotWritten(lang, relative, systemReason(error))}\n` };
  }
  if (check) {
    return current === content
      ? { code: 0, message: `${CLI_MESSAGES.constantsUpToDate(lang, relative)}\n` }
      : { code: 1, message: `${(current === undefined ? CLI_MESSAGES.constantsMissing : CLI_MESSAGES.constantsOutOfDate)(lang, relative)}\n` };
  }
  if (current === content) return { code: 0, message: `${CLI_MESSAGES.constantsAlreadyUpToDate(lang, relative)}\n` };
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  } catch (error) {
    // A folder in the way, a read-only place: one line naming the file, exit 2 ("could not run").
    return { code: 2, message: `${CLI_MESSAGES.constantsNotWritten(lang, relative, systemReason(error))}\n` };
  }
  return { code: 0, message: `${CLI_MESSAGES.constantsWritten(lang, relative)}\n` };
}

/** The file's text, or undefined when there is none; throws when something is there that cannot be read as one. */
function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
