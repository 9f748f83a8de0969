/**
 * The spec linters as a user runs them, on the built plugin and ruleset: Redocly CLI and Spectral CLI from
 * node_modules/.bin, and `statusdoc check` from the built CLI. Each answers with its findings as (rule, line).
 * Redocly sends telemetry and looks for updates unless told not to: every run here tells it, so the tests need no network.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');
export const CLI = path.join(ROOT, 'server/out/cli.js');
export const REDOCLY_PLUGIN = path.join(ROOT, 'packages/redocly-plugin/dist/index.js');
export const SPECTRAL_RULESET = path.join(ROOT, 'packages/spectral-ruleset/dist/index.js');

/** The environment Redocly CLI reads to stay offline: no telemetry, no update check. */
const QUIET_ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

export interface ToolFinding {
  rule: string;
  line: number;
  message: string;
}

export const byPlace = (a: ToolFinding, b: ToolFinding) => a.line - b.line || a.rule.localeCompare(b.rule);
export const places = (findings: readonly ToolFinding[]) => findings.map((f) => `${f.line} ${f.rule}`).sort();

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: QUIET_ENV, timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

/** `redocly lint` with the statusdoc plugin and its recommended config: statusdoc's problems only (all of them: Redocly prints 100 by default). */
export function redoclyLint(spec: string, dir: string): ToolFinding[] {
  const config = path.join(dir, 'redocly.yaml');
  fs.writeFileSync(config, `plugins:\n  - ${JSON.stringify(REDOCLY_PLUGIN)}\nextends:\n  - statusdoc/recommended\ntelemetry: off\n`);
  const result = run(path.join(BIN, 'redocly'), ['lint', spec, '--config', config, '--format', 'json', '--max-problems', '100000'], dir);
  const report = parseJson(result.stdout, 'redocly', result.stderr) as {
    problems: { ruleId: string; message: string; location: { start: { line: number } }[] }[];
  };
  return report.problems
    .filter((problem) => problem.ruleId.startsWith('statusdoc/'))
    .map((problem) => ({ rule: problem.ruleId.slice('statusdoc/'.length), line: problem.location[0].start.line, message: problem.message }))
    .sort(byPlace);
}

/** `spectral lint` with a ruleset that extends statusdoc's: statusdoc's results only. */
export function spectralLint(spec: string, dir: string): ToolFinding[] {
  const ruleset = path.join(dir, '.spectral.yaml');
  fs.writeFileSync(ruleset, `extends:\n  - ${JSON.stringify(SPECTRAL_RULESET)}\n`);
  const result = run(path.join(BIN, 'spectral'), ['lint', spec, '--ruleset', ruleset, '--format', 'json', '--quiet'], dir);
  const results = parseJson(result.stdout, 'spectral', result.stderr) as { code: string; message: string; range: { start: { line: number } } }[];
  return results
    .filter((entry) => entry.code.startsWith('statusdoc/'))
    .map((entry) => ({ rule: entry.code.slice('statusdoc/'.length), line: entry.range.start.line + 1, message: entry.message }))
    .sort(byPlace);
}

/** `statusdoc check --format json` (ESLint's shape) on the spec. */
export function statusdocCheck(spec: string, dir: string): ToolFinding[] {
  const result = run(process.execPath, [CLI, 'check', spec, '--format', 'json', '--exit-zero'], dir);
  const files = parseJson(result.stdout, 'statusdoc', result.stderr) as { messages: { ruleId: string; line: number; message: string }[] }[];
  return files.flatMap((file) => file.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }))).sort(byPlace);
}

function parseJson(stdout: string, tool: string, stderr: string): unknown {
  try {
    return JSON.parse(stdout.slice(stdout.search(/[[{]/)));
  } catch {
    throw new Error(`${tool} did not print JSON.\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
}
