/**
 * A worker thread of the CLI (the same bundle, started by cli/pool.ts): analyses the files it is sent, one at a time,
 * with its own Analyzer, and sends back plain reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SourceDocument } from '../core';
import { Analyzer } from './analyze';
import { firstPass, runFileTaskKeeping, runTaskAgain, type KeptTask } from './fileTask';
import type { FromWorker, ToWorker, WorkerSetup } from './pool';

export function serveWorker(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  const analyzer = new Analyzer(setup.analyze);
  // Reading one empty TypeScript document loads the compiler, so the first real file is not kept waiting on it.
  if (setup.preloadTypeScript) void new SourceDocument('', 'typescript').facts;
  port.postMessage({ ready: true } satisfies FromWorker);
  const first = firstPass(setup.task);
  /** Analyses the route index may still change, until the main thread sends their files again. */
  const kept = new Map<number, KeptTask>();
  port.on('message', (message: ToWorker) => {
    let reply: FromWorker;
    try {
      if ('again' in message) {
        const previous = message.first === undefined ? undefined : kept.get(message.first);
        if (message.first !== undefined) kept.delete(message.first);
        reply = { again: message.again, result: runTaskAgain(analyzer, message.absolute, previous, setup.task, message.project) };
      } else {
        const task = runFileTaskKeeping(analyzer, message.absolute, first);
        if (task.kept) kept.set(message.index, task);
        reply = { index: message.index, result: task.result };
      }
    } catch (error) {
      reply = { failed: message.absolute, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
