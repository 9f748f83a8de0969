/**
 * .vscode/launch.json and tasks.json point at things that exist: the build the extension launch runs first, the
 * bundles whose source maps the debugger reads, the port the client opens for the server, the npm scripts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface LaunchConfig {
  name: string;
  type: string;
  request: string;
  args?: string[];
  preLaunchTask?: string;
  outFiles?: string[];
  port?: number;
  runtimeExecutable?: string;
  runtimeArgs?: string[];
  cwd?: string;
}
interface Task {
  label: string;
  type: string;
  command?: string;
  args?: string[];
  script?: string;
}

// Plain JSON on purpose (no comments), so this test and any tool can read it.
const launch: { configurations: LaunchConfig[]; compounds: { name: string; configurations: string[] }[] } = JSON.parse(read('.vscode/launch.json'));
const tasks: { tasks: Task[] } = JSON.parse(read('.vscode/tasks.json'));
const scripts: Record<string, string> = JSON.parse(read('package.json')).scripts;

function config(name: string): LaunchConfig {
  const found = launch.configurations.find((candidate) => candidate.name === name);
  assert.ok(found, `launch.json has "${name}"`);
  return found;
}

/** `${workspaceFolder}/a/**\/*.js` -> a regex over paths relative to the repository root. */
function globToRegExp(glob: string): RegExp {
  const relative = glob.replace('${workspaceFolder}/', '');
  const source = relative
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The files outFiles selects among `candidates`: matched by a glob and not by a `!glob`. */
function selected(outFiles: string[], candidates: string[]): string[] {
  const include = outFiles.filter((glob) => !glob.startsWith('!')).map(globToRegExp);
  const exclude = outFiles.filter((glob) => glob.startsWith('!')).map((glob) => globToRegExp(glob.slice(1)));
  return candidates.filter((file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file)));
}

/** The bundles scripts/build.mjs writes, and whether each gets a source map. */
const bundles = [...read('scripts/build.mjs').matchAll(/^.*outfile: '([^']+)'.*$/gm)].map((match) => ({
  file: match[1],
  sourcemap: !/sourcemap: false/.test(match[0]),
}));
const mapped = bundles.filter((bundle) => bundle.sourcemap).map((bundle) => bundle.file);

test('the build knows its bundles (what the checks below compare with)', () => {
  assert.ok(mapped.includes('client/out/extension.js') && mapped.includes('server/out/server.js'), JSON.stringify(bundles));
});

test('configuration names are unique, and the compound names configurations that exist', () => {
  const names = launch.configurations.map((candidate) => candidate.name);
  assert.equal(new Set(names).size, names.length);
  for (const compound of launch.compounds) for (const name of compound.configurations) assert.ok(names.includes(name), `${compound.name}: ${name}`);
  assert.deepEqual(launch.compounds.find((compound) => compound.name === 'Extension + Server')?.configurations, ['Run Extension', 'Attach to Server']);
});

test('Run Extension builds first, loads this folder, and reads the source maps of every bundle that has one', () => {
  const run = config('Run Extension');
  assert.equal(run.type, 'extensionHost');
  assert.ok(run.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'));
  for (const arg of run.args ?? []) {
    if (arg.startsWith('${workspaceFolder}/')) assert.ok(fs.existsSync(path.join(ROOT, arg.replace('${workspaceFolder}/', ''))), `${arg} exists`);
  }
  const task = tasks.tasks.find((candidate) => candidate.label === run.preLaunchTask);
  assert.ok(task, `tasks.json has the preLaunchTask "${run.preLaunchTask}"`);
  assert.deepEqual([task.command, ...(task.args ?? [])], ['node', 'scripts/build.mjs']);
  assert.ok(fs.existsSync(path.join(ROOT, 'scripts/build.mjs')));
  assert.deepEqual(
    selected(
      run.outFiles ?? [],
      bundles.map((bundle) => bundle.file),
    ).sort(),
    [...mapped].sort(),
  );
});

test('Attach to Server uses the port the client opens for the server in debug mode', () => {
  const inspect = /--inspect=(\d+)/.exec(read('client/src/extension.ts'));
  assert.ok(inspect, 'client/src/extension.ts starts the server with --inspect=PORT in debug mode');
  const attach = config('Attach to Server');
  assert.deepEqual([attach.type, attach.request, attach.port], ['node', 'attach', Number(inspect[1])]);
  const chosen = selected(
    attach.outFiles ?? [],
    bundles.map((bundle) => bundle.file),
  );
  assert.ok(chosen.includes('server/out/server.js'), 'the server bundle is among outFiles');
  assert.deepEqual(
    chosen.filter((file) => !mapped.includes(file)),
    [],
    'no bundle without a source map (the 9 MB TypeScript one)',
  );
});

test('the unit-test configurations and the npm tasks run scripts that exist', () => {
  const unit = config('Run unit tests');
  assert.equal(unit.runtimeExecutable, 'npm');
  assert.equal(unit.runtimeArgs?.[0], 'run');
  assert.ok(scripts[unit.runtimeArgs?.[1] ?? ''], `package.json has the script ${unit.runtimeArgs?.[1]}`);
  const current = config('Run current test file');
  assert.deepEqual(current.runtimeArgs, ['--import', 'tsx', '--test']);
  for (const task of tasks.tasks.filter((candidate) => candidate.type === 'npm')) assert.ok(scripts[task.script ?? ''], `npm script ${task.script}`);
});
