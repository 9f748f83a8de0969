/**
 * A real ESLint run (the `ESLint` class, as `npx eslint` drives it) with eslint-plugin-statusdoc's recommended config
 * over examples/ and the evaluation corpus, beside `statusdoc check` on the same files: the same findings (rule, line,
 * column, end, severity), and `eslint --fix` writes what `statusdoc check --fix` writes.
 * TypeScript goes through @typescript-eslint/parser, JavaScript through ESLint's default espree.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { loadPlugin, ROOT } from './eslintPlugin';

const plugin = loadPlugin();
const CLI = path.join(ROOT, 'server/out/cli.js');
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

function eslintWith(cwd: string, fix = false): ESLint {
  const config: Linter.Config[] = [{ files: TS_FILES, languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, fix });
}

/** TS/JS files under a folder of the repo, relative to the root (the YAML specs are not ESLint's). */
function scripts(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file))
    .map((file) => path.join(folder, file))
    .sort();
}

type Row = string;

async function eslintFindings(files: string[]): Promise<Row[]> {
  const results = await eslintWith(ROOT).lintFiles(files);
  return results.flatMap((result) =>
    result.messages.map((m) => {
      const rule = m.ruleId ?? '';
      assert.ok(rule.startsWith('statusdoc/'), `${result.filePath}: ${m.message}`);
      return `${path.relative(ROOT, result.filePath)} ${rule.slice('statusdoc/'.length)} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity}`;
    }),
  );
}

// --no-project: ESLint judges each file alone; the project's routes across files are the CLI's and the editor's (for now).
function cliFindings(files: string[]): Row[] {
  const run = spawnSync(process.execPath, [CLI, 'check', '--no-project', '--format', 'json', ...files], { cwd: ROOT, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const results = JSON.parse(run.stdout) as {
    filePath: string;
    messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; severity: number }[];
  }[];
  return results.flatMap((result) =>
    result.messages.map((m) => `${path.relative(ROOT, result.filePath)} ${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity}`),
  );
}

for (const folder of ['examples', 'test/fixtures/corpus']) {
  test(`eslint with the recommended config finds in ${folder}/ what statusdoc check finds`, async () => {
    const files = scripts(folder);
    assert.ok(files.some((file) => file.endsWith('.ts')));
    const fromCli = cliFindings(files).sort();
    assert.ok(fromCli.length > 0, 'the files have findings to compare');
    assert.deepEqual((await eslintFindings(files)).sort(), fromCli);
  });
}

test('eslint --fix writes what statusdoc check --fix writes, imports included', async () => {
  const base = path.join(ROOT, 'test/.tmp/eslint-fix');
  fs.rmSync(base, { recursive: true, force: true });
  const files = [...scripts('examples'), ...scripts('test/fixtures/corpus')];
  for (const side of ['eslint', 'cli']) {
    for (const file of files) fs.cpSync(path.join(ROOT, file), path.join(base, side, file));
  }
  const eslint = eslintWith(path.join(base, 'eslint'), true);
  await ESLint.outputFixes(await eslint.lintFiles(files));
  const run = spawnSync(process.execPath, [CLI, 'check', '--fix', '--no-project', ...files], { cwd: path.join(base, 'cli'), encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  let changed = 0;
  for (const file of files) {
    const byCli = fs.readFileSync(path.join(base, 'cli', file), 'utf8');
    if (byCli !== fs.readFileSync(path.join(ROOT, file), 'utf8')) changed++;
    assert.equal(fs.readFileSync(path.join(base, 'eslint', file), 'utf8'), byCli, file);
  }
  assert.ok(changed >= 3, `--fix changed ${changed} files`);
});
