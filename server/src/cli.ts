/**
 * The statusdoc CLI: the same engine as the language server, for CI and the terminal.
 *   statusdoc check [paths…]   problems, as text, json (ESLint's shape), sarif or a CI's own format; --fix applies the safe fixes
 *   statusdoc sites [paths…]   every status-code site with its documented meaning
 *   statusdoc routes [paths…]  every route of the project, its full path, its handler and the codes it answers
 *   statusdoc matrix [paths…]  the endpoint status matrix: where each endpoint's codes appear (spec, handler, tests, mocks)
 *   statusdoc merge reports…   the JSON or SARIF reports of shards as one
 * Exit codes: 0 no error found, 1 an error-severity problem found or a file not checked, 2 could not run: bad usage,
 * a table doc or .statusdoc.json that cannot be read, or a file or folder the system would not let us read or write. The same bundle is the code of the worker threads `check` and `sites` analyse files on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { CLI_MAX_CHARS, CLI_MESSAGES, type Lang } from './core';
import { Analyzer, displayPath } from './cli/analyze';
import { checkFiles, type CheckRun } from './cli/checkRun';
import { CI_FORMATS } from './cli/formats/index';
import { writeConstantsModule } from './cli/constants';
import { mergeReports } from './cli/merge';
import { formatMatrix, MATRIX_FORMATS, projectMatrix, type MatrixFormat } from './cli/matrix';
import { formatRoutes } from './cli/routes';
import { systemReason } from './cli/safeWrite';
import { parseShard } from './cli/shard';
import { serveWorker } from './cli/worker';
import { collectFiles } from './project/files';
import { WorkspaceRoutes } from './project/workspaceRoutes';

declare const STATUSDOC_VERSION: string;
/** The version and a hash of the source it was built from: what the cache trusts. */
declare const STATUSDOC_BUILD: string;

const USAGE = `Usage: statusdoc <command> [paths…] [options]

Commands:
  check [paths…]   report status codes that break the documented table (default paths: .)
  sites [paths…]   list every status-code site with what the documented table says it means
  routes [paths…]  list the project's routes: method, full path (mounts followed across files), handler
  matrix [paths…]  the endpoint status matrix: a row per endpoint, a column per code, where each code appears
                   (spec, handler, tests, mocks), the documented success code, drift between spec and code
  constants        write the project's constants module (DocumentedStatus) from the documented table
  merge REPORT…    merge the --format json (or sarif) reports of shards into one report, printed in that format;
                   exit 1 when it holds an error, a file not checked or more than --max-warnings warnings

Options:
  --format FORMAT  check: text (default), json (ESLint's shape), sarif, gitlab (Code Quality), junit, checkstyle,
                   github (Actions annotations); sites, routes: text (default), json;
                   matrix: html (default: one self-contained page, works offline), md, json
  --fix            check: apply the safe fixes to the files, then report what remains
  --max-warnings N check, merge: also exit 1 when there are more than N warnings
  --exit-zero      check, merge: exit 0 even when errors are found (for showing results, not gating)
  --cache          check: keep each file's results in a cache file and reuse them while the file, the table in
                   force, the rule severities and statusdoc are unchanged
  --cache-location PATH  check: the cache file, or a folder for it (default: .statusdoccache here)
  --shard I/N      check, sites: only the files of shard I of N (a stable share by path), for CI split across
                   machines; merge their reports with \`statusdoc merge\`
  --concurrency N  check, sites: threads to analyse files on; 1 = in-process; auto (default) = one core fewer
                   than the machine has (at most 4), in-process for fewer than 40 files
  --out FILE       constants: where to write the module (default: .statusdoc.json's constants.module,
                   else src/http-status.ts, or http-status.ts without a src folder); matrix: where to write
                   the matrix (default: standard output)
  --check          constants: write nothing; exit 1 when the module is missing or out of date
  --table FILE     the table doc to use, instead of .statusdoc.json's "table" or the bundled default
  --lang LANG      language of messages and meanings: en (default), zh-cn
  --max-file-size MB  check, sites: files larger than this are not checked, and reported so (default 64)
  --no-project     check: judge each file alone, not a handler under the method of a route in another file
  --debug          print the trace of anything statusdoc caught while reading a file (a bug to report)
  -h, --help       show this help
  -v, --version    show the version

Files: .ts .tsx .mts .cts .js .jsx .mjs .cjs .yaml .yml, skipping node_modules and what .gitignore ignores.
Severities come from the "rules" of the nearest .statusdoc.json.`;

class UsageError extends Error {}

const MEGABYTE = 1024 * 1024;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'exit-zero': { type: 'boolean' },
        out: { type: 'string' },
        check: { type: 'boolean' },
        table: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        debug: { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'no-project': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        shard: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) return print(`${USAGE}\n`, 0);
  if (values.version) return print(`${STATUSDOC_VERSION}\n`, 0);
  const [command, ...paths] = positionals;
  if (values.lang !== 'en' && values.lang !== 'zh-cn') throw new UsageError(`unknown language "${values.lang}" (use en or zh-cn)`);
  const lang = values.lang as Lang;
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (command !== 'check' && (values.cache || values['cache-location'] !== undefined)) throw new UsageError('--cache and --cache-location go with check');
  if (command !== 'check' && command !== 'sites' && (values.shard !== undefined || values.concurrency !== undefined)) {
    throw new UsageError('--shard and --concurrency go with check and sites');
  }
  if (command === 'constants') {
    if (paths.length > 0) throw new UsageError('constants takes no paths (use --out FILE)');
    const inForce = new Analyzer({ table: values.table, lang: 'en' }).tableForFolder(process.cwd());
    if (inForce.problem) return fail(CLI_MESSAGES.badTable(lang, inForce.problem));
    const outcome = writeConstantsModule(inForce, values.out, values.check === true, lang);
    if (outcome.code === 2) return fail(outcome.message.trimEnd());
    (outcome.code === 0 ? process.stdout : process.stderr).write(outcome.message);
    return outcome.code;
  }
  if (command === 'matrix') {
    if (values.check) throw new UsageError('--check goes with constants');
    return matrix(paths, values.format, values.out, values.table);
  }
  if (values.out !== undefined || values.check) throw new UsageError('--out goes with constants and matrix, --check with constants');
  if (command === 'merge') return merge(paths, maxWarnings, values['exit-zero'] === true, values.format);
  if (command === 'routes') return routes(paths, values.format);
  if (command !== 'check' && command !== 'sites') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  const formats = command === 'check' ? ['text', 'json', 'sarif', ...CI_FORMATS] : ['text', 'json'];
  const format = values.format ?? 'text';
  if (!formats.includes(format)) throw new UsageError(`unknown format "${format}" for ${command} (use ${formats.join(', ')})`);
  if (command === 'sites' && (values.fix || values['exit-zero'] || values['max-warnings'] !== undefined)) {
    throw new UsageError('--fix, --max-warnings and --exit-zero go with check');
  }
  const maxMegabytes = values['max-file-size'] === undefined ? CLI_MAX_CHARS / MEGABYTE : Number(values['max-file-size']);
  if (!(maxMegabytes > 0)) throw new UsageError('--max-file-size takes a number of megabytes above 0');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N (as in 2/4), not "${values.shard}"`);
  const concurrency = values.concurrency === undefined || values.concurrency === 'auto' ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 256)) {
    throw new UsageError('--concurrency takes auto or a whole number of threads from 1 (in-process) to 256');
  }

  const { files, missing, unsupported, unreadable } = collectFiles(paths.length > 0 ? paths : ['.']);
  // A typo in a path is not a usage question: one line, not the whole usage.
  if (missing.length > 0) return fail(CLI_MESSAGES.noSuchPath(lang, missing));
  for (const file of unsupported) process.stderr.write(`statusdoc: ${CLI_MESSAGES.notSupported(lang, file)}\n`);
  for (const { path: given, error, folder } of unreadable) {
    const [name, reason] = [displayPath(given), systemReason(error)];
    const note = folder ? CLI_MESSAGES.folderUnreadable(lang, name, reason) : CLI_MESSAGES.skipped(lang, name, { kind: 'unreadable', reason });
    process.stderr.write(`statusdoc: ${note}\n`);
  }
  const written = await checkFiles({
    command,
    format: format as CheckRun['format'],
    files,
    table: values.table,
    lang,
    maxChars: Math.floor(maxMegabytes * MEGABYTE),
    fix: values.fix === true,
    debug: values.debug === true,
    maxWarnings,
    exitZero: values['exit-zero'] === true,
    concurrency,
    shard,
    cache: values.cache || values['cache-location'] !== undefined ? { location: values['cache-location'] } : undefined,
    version: STATUSDOC_VERSION,
    build: STATUSDOC_BUILD,
    workerScript: __filename,
    project: values['no-project'] !== true,
  });
  for (const note of written.notes) process.stderr.write(`statusdoc: ${note}\n`);
  process.stdout.write(written.stdout);
  if (written.fixedNote) process.stderr.write(`statusdoc: ${written.fixedNote}\n`);
  // A folder that could not be read: what was checked is reported, and the run says it could not do all of it.
  return unreadable.length > 0 ? 2 : written.code;
}

/** A whole number from 0 up, written in decimal digits: not "", "0x10" or "1.5", which Number() would take. */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number from 0 up, not "${value}"`);
  return Number(value);
}

/** `statusdoc routes`: the project's routes, linked across files, from the current folder as the project root. */
async function routes(paths: string[], format = 'text'): Promise<number> {
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" for routes (use text, json)`);
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.']);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const index = new WorkspaceRoutes(process.cwd(), CLI_MAX_CHARS, { requests: true });
  await index.build(undefined, undefined, files);
  for (const { file, reason } of index.leftOut) process.stderr.write(`statusdoc: ${file}: not read (${reason}); its routes are not listed\n`);
  process.stdout.write(formatRoutes(index, format));
  return index.leftOut.length > 0 ? 2 : 0;
}

/** `statusdoc matrix`: the endpoint status matrix of the current folder's project, written to --out or printed. */
async function matrix(paths: string[], format = 'html', out: string | undefined, table: string | undefined): Promise<number> {
  if (!(MATRIX_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" for matrix (use ${MATRIX_FORMATS.join(', ')})`);
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.']);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const root = process.cwd();
  const inForce = new Analyzer({ table, lang: 'en' }).tableForFolder(root);
  if (inForce.problem) return fail(CLI_MESSAGES.badTable('en', inForce.problem));
  const index = new WorkspaceRoutes(root, CLI_MAX_CHARS, { requests: true });
  await index.build(undefined, undefined, files);
  const { model, leftOut } = projectMatrix(index, files, inForce.table, CLI_MAX_CHARS);
  for (const { file, reason } of leftOut) process.stderr.write(`statusdoc: ${file}: not read (${reason}); the matrix leaves it out\n`);
  const outFile = out === undefined ? undefined : path.resolve(out);
  const text = formatMatrix(model, format as MatrixFormat, root, outFile);
  if (outFile === undefined) process.stdout.write(text);
  else {
    try {
      fs.writeFileSync(outFile, text);
    } catch (error) {
      return fail(`cannot write ${out}: ${systemReason(error)}`);
    }
  }
  return leftOut.length > 0 ? 2 : 0;
}

/** `statusdoc merge`: the shards' reports as one, in their format; the exit code as `check` would give it. */
function merge(reports: string[], maxWarnings: number, exitZero: boolean, format: string | undefined): number {
  if (reports.length === 0) throw new UsageError('merge takes the report files of the shards (as in merge shard-1.json shard-2.json)');
  if (format !== undefined) throw new UsageError('merge writes the format of its reports: --format does not go with it');
  const inputs = reports.map((name) => {
    try {
      return { name, text: fs.readFileSync(name, 'utf8') };
    } catch (error) {
      throw new UsageError(`cannot read ${name}: ${(error as Error).message}`);
    }
  });
  const outcome = mergeReports(inputs);
  if (!outcome.ok) throw new UsageError(outcome.problem);
  process.stdout.write(outcome.output);
  if (exitZero) return 0;
  return outcome.totals.errors > 0 || outcome.totals.warnings > maxWarnings ? 1 : 0;
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

function fail(message: string): number {
  process.stderr.write(`statusdoc: ${message}\n`);
  return 2;
}

if (isMainThread) {
  // `statusdoc check | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (!(error instanceof UsageError)) throw error;
      process.exitCode = fail(`${error.message}\n\n${USAGE}`);
    },
  );
} else {
  serveWorker();
}
