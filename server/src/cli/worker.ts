/**
 * A worker thread of the CLI (the same bundle, started by cli/pool.ts): analyses the files it is sent, one at a time,
 * with its own Analyzer, and sends back plain reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SourceDocument } from '../core';
import { Analyzer } from './analyze';
import { runFileTask } from './fileTask';
import type { FromWorker, ToWorker, WorkerSetup } from './pool';

export function serveWorker(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  const analyzer = new Analyzer(setup.analyze);
  // Reading one empty TypeScript document loads the compiler, so the first real file is not kept waiting on it.
  if (setup.preloadTypeScript) void new SourceDocument('', 'typescript').facts;
  port.postMessage({ ready: true } satisfies FromWorker);
  port.on('message', ({ index, absolute, project }: ToWorker) => {
    let reply: FromWorker;
    try {
      reply = { index, result: runFileTask(analyzer, absolute, setup.task, project) };
    } catch (error) {
      reply = { index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
