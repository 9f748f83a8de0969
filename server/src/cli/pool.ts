/**
 * Files analysed on several threads. The main thread works through the list itself from the first moment, and
 * worker threads take files from the same list once they are ready (booted, and the TypeScript compiler loaded when
 * the list holds TS/JS): a worker that is still starting never holds a file back, so a short list costs no more
 * than in-process. Each file's result lands at its own index; the caller prints them in file order.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Analyzer, AnalyzeOptions, ProjectJudgement } from './analyze';
import { firstPass, runFileTaskKeeping, runTaskAgain, type KeptTask, type TaskOptions, type TaskResult } from './fileTask';

/** What a worker needs to analyse files exactly as the main thread does. */
export interface WorkerSetup {
  analyze: AnalyzeOptions;
  task: TaskOptions;
  /** Load the TypeScript compiler before saying it is ready. */
  preloadTypeScript: boolean;
}

/** A file of the first pass, or a file again once the route index is built (`first`: its index in the first pass). */
export type ToWorker = { index: number; absolute: string } | { again: number; absolute: string; first?: number; project?: ProjectJudgement };
export type FromWorker = { ready: true } | { index: number; result: TaskResult } | { again: number; result: TaskResult } | { failed: string; error: string };

/** A file to look at again once the first pass is done, with the methods routes elsewhere give its handlers. */
export interface AgainItem {
  absolute: string;
  /** Its index in the first pass, if it was analysed there: its analysis may be kept, to be judged again unparsed. */
  first?: number;
  /** What the index gives it: its handlers' methods, its tests' answers, the specs' drift. */
  project?: ProjectJudgement;
}

/** After the first pass: which files to look at again (the CLI builds the route index from the results). */
export type Again = (results: readonly TaskResult[]) => AgainItem[];

/**
 * Threads `auto` uses: one core fewer than the machine has (the main thread counts as one), at most 4, as each
 * thread loads its own compiler and warms up its own JIT. On 2 cores that is in-process: there a second thread cost
 * more than it saved (median 0.66× on 500 files, 0.83× on 2,000, on a shared machine; see the report of the change).
 */
export const MAX_AUTO_THREADS = 4;
/**
 * Below this many files to analyse, `auto` stays in-process: a worker's start-up (~0.1 s, and the compiler, ~0.1 s
 * from the code cache) and its cold JIT cost more than the few files it would take.
 */
export const AUTO_MIN_FILES = 40;

export function autoThreads(files: number, cores = os.availableParallelism()): number {
  if (files < AUTO_MIN_FILES) return 1;
  return Math.max(1, Math.min(cores - 1, MAX_AUTO_THREADS));
}

/** Files a worker holds at once: the next one is already there when it finishes one. */
const IN_FLIGHT = 2;

interface Lane {
  worker: Worker;
  ready: boolean;
  inFlight: number;
  done: number;
}

export interface Analysed {
  results: TaskResult[];
  /** The results of the files looked at again, in the order `again` gave them. */
  againResults: TaskResult[];
  /** Files the main thread analysed, and each worker thread (for --debug and the tests). */
  inMain: number;
  inWorkers: number[];
}

/**
 * Test only: the main thread hands every file to the workers, so a test can compare their output with the
 * in-process run's on a handful of files (which the main thread would otherwise finish before a worker is ready).
 */
const WORKERS_ONLY = process.env.STATUSDOC_TEST_WORKERS_ONLY === '1';

export async function analyzeFiles(
  files: readonly string[],
  analyzer: Analyzer,
  setup: WorkerSetup,
  threads: number,
  workerScript: string,
  again: Again = () => [],
): Promise<Analysed> {
  const results: TaskResult[] = new Array(files.length);
  const first = firstPass(setup.task);
  /** The main thread's analyses that the route index may still change. */
  const kept = new Map<number, KeptTask>();
  const runFirst = (index: number) => {
    const task = runFileTaskKeeping(analyzer, files[index], first);
    if (task.kept) kept.set(index, task);
    results[index] = task.result;
  };
  const runAgain = (item: AgainItem) => {
    const previous = item.first === undefined ? undefined : kept.get(item.first);
    if (item.first !== undefined) kept.delete(item.first);
    return runTaskAgain(analyzer, item.absolute, previous, setup.task, item.project);
  };
  const workerCount = Math.min(threads, files.length) - (WORKERS_ONLY ? 0 : 1);
  if (workerCount <= 0 || threads === 1) {
    // In-process, synchronously, exactly as before workers existed.
    for (let index = 0; index < files.length; index++) runFirst(index);
    const againResults = again(results).map(runAgain);
    return { results, againResults, inMain: files.length, inWorkers: [] };
  }

  let next = 0;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const lanes: Lane[] = [];
  /** Which lane analysed each file of the first pass (-1: the main thread): its analysis is kept there. */
  const laneOf: number[] = new Array(files.length).fill(-1);
  let againResults: TaskResult[] = [];
  const settle = () => wake?.();
  const dispatch = (lane: Lane) => {
    while (lane.ready && !failed && lane.inFlight < IN_FLIGHT && next < files.length) {
      const index = next++;
      lane.inFlight++;
      laneOf[index] = lanes.indexOf(lane);
      lane.worker.postMessage({ index, absolute: files[index] } satisfies ToWorker);
    }
  };
  const fail = (error: Error) => {
    failed ??= error;
    settle();
  };
  for (let i = 0; i < workerCount; i++) {
    const worker = new Worker(workerScript, { workerData: setup });
    const lane: Lane = { worker, ready: false, inFlight: 0, done: 0 };
    worker.on('message', (message: FromWorker) => {
      if ('ready' in message) lane.ready = true;
      else if ('error' in message) return fail(new Error(`while analysing ${message.failed}: ${message.error}`));
      else {
        if ('again' in message) againResults[message.again] = message.result;
        else {
          results[message.index] = message.result;
          lane.done++;
        }
        lane.inFlight--;
      }
      dispatch(lane);
      settle();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (lane.inFlight > 0) fail(new Error(`a worker thread stopped (exit code ${code}) with ${lane.inFlight} files unfinished`));
    });
    lanes.push(lane);
  }

  let inMain = 0;
  const lanesDone = async () => {
    while (!failed && (lanes.some((lane) => lane.inFlight > 0) || next < files.length)) await new Promise<void>((resolve) => (wake = resolve));
    if (failed) throw failed;
  };
  try {
    while (!WORKERS_ONLY && next < files.length && !failed) {
      const index = next++;
      runFirst(index);
      inMain++;
      // Let the workers' messages in between files: their results, and their requests for more.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await lanesDone();
    // Each file again where its first analysis is kept: on its worker, or here.
    const items = again(results);
    againResults = new Array(items.length);
    const mine: number[] = [];
    items.forEach((item, slot) => {
      const lane = item.first === undefined ? undefined : lanes[laneOf[item.first]];
      if (!lane) return void mine.push(slot);
      lane.inFlight++;
      lane.worker.postMessage({ again: slot, absolute: item.absolute, first: item.first, project: item.project } satisfies ToWorker);
    });
    for (const slot of mine) {
      againResults[slot] = runAgain(items[slot]);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await lanesDone();
    return { results, againResults, inMain, inWorkers: lanes.map((lane) => lane.done) };
  } finally {
    for (const lane of lanes) void lane.worker.terminate();
  }
}
