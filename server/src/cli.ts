/**
 * The statusdoc CLI: the same engine as the language server, for CI and the terminal.
 *   statusdoc check [paths…]   problems, as text, json (ESLint's shape) or sarif; --fix applies the safe fixes
 *   statusdoc sites [paths…]   every status-code site with its documented meaning
 * Exit codes: 0 no error found, 1 an error-severity problem found or a file not checked, 2 bad usage or a table doc
 * that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { applyEdits, caughtText, CLI_MAX_CHARS, CLI_MESSAGES, fixAllEdits, type Lang } from './core';
import { Analyzer, type FileResult } from './cli/analyze';
import { formatJson, formatSarif, formatText, totals } from './cli/formats';
import { formatSites } from './cli/sites';
import { collectFiles } from './project/files';
import { writeConstantsModule } from './cli/constants';

declare const STATUSDOC_VERSION: string;

const USAGE = `Usage: statusdoc <command> [paths…] [options]

Commands:
  check [paths…]   report status codes that break the documented table (default paths: .)
  sites [paths…]   list every status-code site with what the documented table says it means
  constants        write the project's constants module (DocumentedStatus) from the documented table

Options:
  --format FORMAT  check: text (default), json, sarif; sites: text (default), json
  --fix            check: apply the safe fixes to the files, then report what remains
  --max-warnings N check: also exit 1 when there are more than N warnings
  --exit-zero      check: exit 0 even when errors are found (for showing results, not gating)
  --out FILE       constants: where to write the module (default: .statusdoc.json's constants.module,
                   else src/http-status.ts, or http-status.ts without a src folder)
  --check          constants: write nothing; exit 1 when the module is missing or out of date
  --table FILE     the table doc to use, instead of .statusdoc.json's "table" or the bundled default
  --lang LANG      language of messages and meanings: en (default), zh-cn
  --max-file-size MB  check, sites: files larger than this are not checked, and reported so (default 64)
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function main(argv: string[]): number {
  const { values, positionals } = parse(argv);
  if (values.help) return print(`${USAGE}\n`, 0);
  if (values.version) return print(`${STATUSDOC_VERSION}\n`, 0);
  const [command, ...paths] = positionals;
  if (values.lang !== 'en' && values.lang !== 'zh-cn') throw new UsageError(`unknown language "${values.lang}" (use en or zh-cn)`);
  const lang = values.lang as Lang;
  if (command === 'constants') {
    if (paths.length > 0) throw new UsageError('constants takes no paths (use --out FILE)');
    const inForce = new Analyzer({ table: values.table, lang: 'en' }).tableForFolder(process.cwd());
    if (inForce.problem) return fail(CLI_MESSAGES.badTable(lang, inForce.problem));
    const outcome = writeConstantsModule(inForce, values.out, values.check === true, lang);
    (outcome.code === 0 ? process.stdout : process.stderr).write(outcome.message);
    return outcome.code;
  }
  if (values.out !== undefined || values.check) throw new UsageError('--out and --check go with constants');
  if (command !== 'check' && command !== 'sites') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  const formats = command === 'check' ? ['text', 'json', 'sarif'] : ['text', 'json'];
  const format = values.format ?? 'text';
  if (!formats.includes(format)) throw new UsageError(`unknown format "${format}" for ${command} (use ${formats.join(', ')})`);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!(maxWarnings >= 0)) throw new UsageError('--max-warnings takes a number from 0 up');
  if (command === 'sites' && (values.fix || values['exit-zero'] || values['max-warnings'] !== undefined)) {
    throw new UsageError('--fix, --max-warnings and --exit-zero go with check');
  }
  const maxMegabytes = values['max-file-size'] === undefined ? CLI_MAX_CHARS / MEGABYTE : Number(values['max-file-size']);
  if (!(maxMegabytes > 0)) throw new UsageError('--max-file-size takes a number of megabytes above 0');

  const { files, missing, unsupported } = collectFiles(paths.length > 0 ? paths : ['.']);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  for (const file of unsupported) process.stderr.write(`statusdoc: ${CLI_MESSAGES.notSupported(lang, file)}\n`);
  const analyzer = new Analyzer({ table: values.table, lang, maxChars: Math.floor(maxMegabytes * MEGABYTE) });

  const results: FileResult[] = [];
  let fixedProblems = 0;
  let fixedFiles = 0;
  const caughtShown = new Set<unknown[]>();
  for (const absolute of files) {
    const inForce = analyzer.tableForFolder(path.dirname(absolute));
    // A broken table in CI must stop the build rather than check against something else.
    if (inForce.problem) return fail(CLI_MESSAGES.badTable(lang, inForce.problem));
    if (values.debug && inForce.caught && !caughtShown.has(inForce.caught)) {
      caughtShown.add(inForce.caught);
      process.stderr.write(`statusdoc: while reading the table in force for ${path.relative(process.cwd(), absolute) || absolute}:\n${inForce.caught.map(caughtText).join('\n')}\n`);
    }
    let result = analyzer.analyzeFile(absolute, inForce);
    if (result.notChecked) process.stderr.write(`statusdoc: ${CLI_MESSAGES.skipped(lang, result.file, result.notChecked)}\n`);
    const caught = result.document.facts.failure ?? result.document.facts.recovered;
    if (values.debug && caught) process.stderr.write(`statusdoc: while reading ${result.file}:\n${caught}\n`);
    if (values.fix && !result.notChecked) {
      const edits = fixAllEdits(result.document, result.findings, lang);
      const fixed = applyEdits(result.document.text, edits);
      if (fixed !== result.document.text) {
        fs.writeFileSync(absolute, fixed);
        const before = result.findings.length;
        result = analyzer.analyzeFile(absolute, inForce, fixed);
        fixedProblems += before - result.findings.length;
        fixedFiles++;
      }
    }
    results.push(result);
  }

  if (command === 'sites') return print(formatSites(results, format as 'text' | 'json', lang, files.length), 0);
  const output = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, STATUSDOC_VERSION) : formatText(results, files.length);
  process.stdout.write(output);
  if (values.fix && format === 'text') process.stderr.write(`statusdoc: ${CLI_MESSAGES.fixed(lang, fixedProblems, fixedFiles)}\n`);
  const sum = totals(results);
  if (values['exit-zero']) return 0;
  // A file that was not checked is not a pass: CI must not go green on what it never read.
  return sum.errors > 0 || sum.notChecked > 0 || sum.warnings > maxWarnings ? 1 : 0;
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

function fail(message: string): number {
  process.stderr.write(`statusdoc: ${message}\n`);
  return 2;
}

// `statusdoc check | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.exitCode = fail(`${error.message}\n\n${USAGE}`);
}
