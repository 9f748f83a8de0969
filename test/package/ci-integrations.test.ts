/**
 * The ways into CI besides the CLI's formats: the composite GitHub Action (action.yml) and the pre-commit hook
 * (.pre-commit-hooks.yaml). The action's own script is run here with bash, as the runner runs it, with `npx` standing
 * for the npm registry (it runs the built CLI): the inputs reach the CLI as flags, the outputs are written, and the
 * exit code follows `fail-on`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { languageOfFile } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
function temporary(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-ci-'));
  made.push(dir);
  return dir;
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
};

/** Runs the action's `check` step as the runner would, in `cwd`, with the given inputs (defaults for the rest). */
function runCheckStep(cwd: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === 'check')!;
  const bin = temporary();
  const log = path.join(bin, 'npx.log');
  // `npx --yes statusdoc@VERSION args…` -> the built CLI, the package spec written down to be checked.
  fs.writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\n[ "$1" = "--yes" ] && shift\necho "$1" > "${log}"\nshift\nexec "${process.execPath}" "${CLI}" "$@"\n`, {
    mode: 0o755,
  });
  const output = path.join(bin, 'github-output');
  fs.writeFileSync(output, '');
  const value = (name: string) => inputs[name] ?? action.inputs[name].default ?? '';
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: bin,
    STATUSDOC_PATHS: value('paths'),
    STATUSDOC_TABLE: value('table'),
    STATUSDOC_FAIL_ON: value('fail-on'),
    STATUSDOC_VERSION: value('version'),
    STATUSDOC_ACTION_PATH: ROOT,
  };
  // The runner runs `shell: bash` steps as `bash -e {0}`.
  const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    spec: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim() : undefined,
  };
}

function project(files: Record<string, string>): string {
  const dir = temporary();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const WRONG = "app.post('/orders', (req, res) => res.status(200).json({}));\n";
const UNDOCUMENTED = "app.get('/slow', (req, res) => res.status(429).end());\n";

describe('action.yml', () => {
  test('a composite action: Node set up, the CLI run for SARIF, the SARIF uploaded to code scanning', () => {
    assert.equal(action.runs.using, 'composite');
    for (const input of ['paths', 'table', 'fail-on']) assert.ok(action.inputs[input]?.description, `input ${input}`);
    const uses = action.runs.steps.map((step) => step.uses?.split('@')[0]);
    assert.ok(uses.includes('actions/setup-node'));
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with?.sarif_file, '${{ steps.check.outputs.sarif }}');
    for (const step of action.runs.steps.filter((s) => s.run)) assert.equal(step.shell, 'bash', 'composite run steps name their shell');
  });

  test('its check step writes SARIF and the exit code, with the version of this action from npm', () => {
    const run = runCheckStep(project({ 'routes.ts': WRONG }), {});
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.outputs['exit-code'], '1');
    assert.equal(run.outputs.written, 'true');
    const sarif = JSON.parse(fs.readFileSync(run.outputs.sarif, 'utf8'));
    assert.deepEqual(
      sarif.runs[0].results.map((r: any) => r.ruleId),
      ['wrong-success-code'],
    );
    assert.equal(run.spec, `statusdoc@${JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')).version}`);
  });

  test('fail-on: error fails on errors only, warning on warnings too, never on nothing', () => {
    const warningsOnly = project({ 'slow.ts': UNDOCUMENTED });
    assert.equal(runCheckStep(warningsOnly, { 'fail-on': 'error' }).outputs['exit-code'], '0');
    assert.equal(runCheckStep(warningsOnly, { 'fail-on': 'warning' }).outputs['exit-code'], '1');
    assert.equal(runCheckStep(project({ 'routes.ts': WRONG }), { 'fail-on': 'never' }).outputs['exit-code'], '0');
    const wrong = runCheckStep(warningsOnly, { 'fail-on': 'sometimes' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stdout, /^::error title=statusdoc::fail-on is error, warning or never/);
  });

  test('paths and table reach the CLI', () => {
    const dir = project({
      'a.ts': WRONG,
      'b.ts': UNDOCUMENTED,
      'table.md': '| code | meaning |\n| --- | --- |\n| 200 | POST操作正常返回。 |\n| 429 | 太多请求。 |\n',
    });
    const run = runCheckStep(dir, { paths: 'a.ts b.ts', table: 'table.md', version: '9.9.9' });
    assert.equal(run.spec, 'statusdoc@9.9.9');
    const sarif = JSON.parse(fs.readFileSync(run.outputs.sarif, 'utf8'));
    // Under this table POST answers 200 and 429 is documented: nothing to report.
    assert.deepEqual(sarif.runs[0].results, []);
    assert.equal(run.outputs['exit-code'], '0');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

  test('one hook, statusdoc check, on exactly the files the CLI reads', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'statusdoc');
    assert.match(hook.entry, /\bstatusdoc check$/);
    const files = new RegExp(hook.files);
    for (const ext of ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'yaml', 'yml', 'json', 'md', 'py', 'd', 'tsx.snap']) {
      const name = `src/file.${ext}`;
      assert.equal(files.test(name), languageOfFile(name) !== undefined, name);
    }
  });
});
