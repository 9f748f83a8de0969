/**
 * The project's route index on the bench's generated Express/NestJS project (2,000 files; 500 with --quick):
 *   - `statusdoc routes` and `statusdoc check` with the index beside `check --no-project`, whole processes, alternated
 *     pair by pair, medians and min–max of the ratios;
 *   - in-process, as the language server keeps it: the index built from disk, its heap after GC, and an edit of a
 *     route file to the handler's new methods (median and p95).
 * `node --import tsx --expose-gc test/bench/routes.ts [--quick]` (after `npm run build`). Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex, moduleFactsOf } from '../../server/src/core';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';
import { expressNestProject } from './corpus/project';
import { median, percentile, timed } from './measure/stats';

const quick = process.argv.includes('--quick');
const FILES = quick ? 500 : 2000;
const ROUNDS = quick ? 2 : 5;
const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const gc = (globalThis as { gc?: () => void }).gc;

function writeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-routes-bench-'));
  for (const file of expressNestProject(FILES, 1).files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.text);
  }
  return dir;
}

function wallOf(dir: string, args: string[]): number {
  const [, ms] = timed(() => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, stdio: 'ignore' }));
  return ms;
}

function row(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${name.padEnd(46)} median ${median(samples).toFixed(0).padStart(6)} ms  (${sorted[0].toFixed(0)}–${sorted.at(-1)!.toFixed(0)})`;
}

async function main(): Promise<void> {
  const dir = writeProject();
  try {
    console.log(
      `generated project: ${FILES} files; load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    // Whole processes, alternated: routes alone; check with the index beside check without it.
    const routes: number[] = [];
    const withIndex: number[] = [];
    const without: number[] = [];
    wallOf(dir, ['routes']); // warm-up: the compiler's code cache
    for (let round = 0; round < ROUNDS; round++) {
      routes.push(wallOf(dir, ['routes']));
      const order = round % 2 === 0 ? [true, false] : [false, true];
      for (const index of order) (index ? withIndex : without).push(wallOf(dir, index ? ['check'] : ['check', '--no-project']));
    }
    const ratios = withIndex.map((ms, i) => ms / without[i]).sort((a, b) => a - b);
    console.log(row('statusdoc routes (whole process)', routes));
    console.log(row('statusdoc check (with the route index)', withIndex));
    console.log(row('statusdoc check --no-project', without));
    console.log(
      `${'check / check --no-project'.padEnd(46)} median ${median(ratios).toFixed(2).padStart(6)}×     (${ratios[0].toFixed(2)}–${ratios.at(-1)!.toFixed(2)})`,
    );

    // In-process, as the server keeps it.
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = new WorkspaceRoutes(dir, 1 << 20);
    const start = performance.now();
    await index.build();
    const buildMs = performance.now() - start;
    const routeFile = path.join(dir, 'src/account/account.routes.ts');
    const controller = path.join(dir, 'src/account/account.controller.ts');
    index.scopesFor(controller);
    gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    const text = fs.readFileSync(routeFile, 'utf8');
    const edits: number[] = [];
    for (let version = 1; version <= (quick ? 20 : 100); version++) {
      const edited = `${text}\n// edit ${version}\n`;
      edits.push(
        timed(() => {
          index.editorFacts(routeFile, version, moduleFactsOf(edited, routeFile), new LineIndex(edited));
          index.scopesFor(controller);
        })[1],
      );
    }
    console.log(`${'server index: build (in-process)'.padEnd(46)} ${buildMs.toFixed(0).padStart(13)} ms`);
    console.log(`${'server index: heap after GC'.padEnd(46)} ${heapMb.toFixed(1).padStart(13)} MB${gc ? '' : ' (no --expose-gc: not collected)'}`);
    console.log(
      `${'route file edit -> handler methods (re-parse)'.padEnd(46)} median ${median(edits).toFixed(1).padStart(6)} ms  p95 ${percentile(edits, 95).toFixed(1)} ms`,
    );
    console.log(
      `load average after: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
