/**
 * Runs one Node script as a whole process and measures it: wall time from spawn to exit, and peak RSS from
 * /usr/bin/time -v ("Maximum resident set size") where it exists, else from process.resourceUsage() of a wrapper
 * that runs the script in its own process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const TIME = '/usr/bin/time';
const WRAPPER = path.join(__dirname, 'rss-wrapper.cjs');

export const RSS_SOURCE = fs.existsSync(TIME)
  ? '/usr/bin/time -v, "Maximum resident set size"'
  : 'process.resourceUsage().maxRSS inside a wrapper process (no /usr/bin/time)';

export interface Command {
  /** The Node script (a bundle or a package's bin) and its arguments. */
  script: string;
  args: string[];
  cwd: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

export interface Run {
  ms: number;
  /** Peak resident set size, kilobytes. */
  rssKb: number | undefined;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

let counter = 0;

export function runProcess(command: Command, timeoutMs = 600_000): Promise<Run> {
  const rssFile = path.join(os.tmpdir(), `statusdoc-bench-${process.pid}-${counter++}.rss`);
  const node = process.execPath;
  const [file, args] = fs.existsSync(TIME)
    ? [TIME, ['-v', '-o', rssFile, node, command.script, ...command.args]]
    : [node, [WRAPPER, command.script, ...command.args]];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(file, args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env, STATUSDOC_BENCH_RSS: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      resolve({
        ms: elapsed,
        rssKb: readRss(rssFile),
        exitCode: code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

function readRss(file: string): number | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    fs.rmSync(file, { force: true });
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text) ?? /^(\d+)$/.exec(text.trim());
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
