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

export interface ConstantsOutcome {
  code: number;
  message: string;
}

export function writeConstantsModule(inForce: TableInForce, out: string | undefined, check: boolean, lang: Lang = 'en'): ConstantsOutcome {
  const cwd = process.cwd();
  const target = out ? path.resolve(out) : projectModulePath(cwd, { source: 'auto', module: '' }, inForce);
  const content = generateConstantsModule(inForce.table, inForce.path ? path.basename(inForce.path) : 'statusdoc default table');
  const relative = path.relative(cwd, target) || target;
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (check) {
    return current === content
      ? { code: 0, message: `${CLI_MESSAGES.constantsUpToDate(lang, relative)}\n` }
      : { code: 1, message: `${(current === undefined ? CLI_MESSAGES.constantsMissing : CLI_MESSAGES.constantsOutOfDate)(lang, relative)}\n` };
  }
  if (current === content) return { code: 0, message: `${CLI_MESSAGES.constantsAlreadyUpToDate(lang, relative)}\n` };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  return { code: 0, message: `${CLI_MESSAGES.constantsWritten(lang, relative)}\n` };
}
