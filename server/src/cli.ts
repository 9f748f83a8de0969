/**
 * The statusdoc CLI: the same engine as the language server, for CI and the terminal.
 *   statusdoc sites [paths…] [--format text|json] [--table FILE] [--lang en|zh-cn]
 * Exit codes: 0 done, 2 bad usage or a table doc that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { summaryLine } from './core/hover';
import { skipReason } from './core/limits';
import { findSites, languageOfFile } from './core/sites';
import type { Site } from './core/sites/types';
import type { Lang, StatusTable } from './core/table/types';
import { positionLocator } from './core/text';
import { collectFiles } from './project/files';
import { TableResolver } from './project/tables';

const USAGE = `Usage: statusdoc sites [paths…] [options]

Lists every status-code site in the TypeScript, JavaScript and YAML files under the paths (default: .)
with what the documented status-code table says the code means.

Options:
  --format text|json   output format (default: text)
  --table FILE         the table doc to use, instead of .statusdoc.json's "table" or the bundled default
  --lang en|zh-cn      language of the meanings (default: en)
  -h, --help           show this help
  -v, --version        show the version`;

interface SiteRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: number;
  reason: string;
  documented: boolean;
  kind?: string;
  meaning?: Partial<Record<Lang, string>>;
  role: Site['role'];
  idiom: string;
  method: Site['method'] | null;
  table: string;
}

function fail(message: string): never {
  process.stderr.write(`statusdoc: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        table: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${STATUSDOC_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'sites') fail(`${command ? `unknown command "${command}"` : 'no command given'}\n\n${USAGE}`);
  if (values.format !== 'text' && values.format !== 'json') fail(`unknown format "${values.format}" (use text or json)`);
  if (values.lang !== 'en' && values.lang !== 'zh-cn') fail(`unknown language "${values.lang}" (use en or zh-cn)`);
  const lang = values.lang as Lang;

  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.']);
  if (missing.length > 0) fail(`no such file or folder: ${missing.join(', ')}`);

  const resolver = new TableResolver();
  const found: { record: SiteRecord; table: StatusTable }[] = [];
  const cwd = process.cwd();
  for (const file of files) {
    const inForce = resolver.resolve({ dir: path.dirname(path.resolve(file)), explicit: values.table, base: cwd });
    // A broken table in CI must stop the build rather than check against something else.
    if (inForce.problem) fail(`bad table: ${inForce.problem}`);
    const text = fs.readFileSync(file, 'utf8');
    const skipped = skipReason(text);
    if (skipped) {
      process.stderr.write(`statusdoc: skipped ${file}: ${skipped}\n`);
      continue;
    }
    const locate = positionLocator(text);
    for (const site of findSites(text, languageOfFile(file)!)) {
      found.push({ record: toRecord(path.relative(cwd, file) || file, site, locate, inForce.table, inForce.path), table: inForce.table });
    }
  }

  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(found.map(({ record }) => record), null, 2)}\n`);
  } else {
    for (const { record, table } of found) process.stdout.write(`${textLine(record, table, lang)}\n`);
    const sites = `${found.length} status-code site${found.length === 1 ? '' : 's'}`;
    process.stdout.write(`${sites} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  }
  return 0;
}

function toRecord(
  file: string,
  site: Site,
  locate: ReturnType<typeof positionLocator>,
  table: StatusTable,
  tablePath: string | undefined,
): SiteRecord {
  const start = locate(site.start);
  const end = locate(site.end);
  const entry = table.entries.get(site.code);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    code: site.code,
    reason: entry?.reason ?? '',
    documented: entry !== undefined,
    kind: entry?.kind,
    meaning: entry?.meanings,
    role: site.role,
    idiom: site.idiom,
    method: site.method ?? null,
    table: tablePath ?? 'default',
  };
}

function textLine(record: SiteRecord, table: StatusTable, lang: Lang): string {
  const method = record.method ? `  [${record.method.name} · ${record.idiom}]` : `  [${record.idiom}]`;
  return `${record.file}:${record.line}:${record.column} ${record.code} ${summaryLine(record.code, table, lang)}${method}`;
}

declare const STATUSDOC_VERSION: string;

// `statusdoc sites | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
