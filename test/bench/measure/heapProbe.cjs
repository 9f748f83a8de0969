/**
 * Preloaded into the bundled server by the heap test only (node --expose-gc --require heapProbe.cjs server.js): on
 * SIGUSR2 it collects garbage and writes the heap in use to stderr, so the test measures the real process and the
 * server ships no hook for it. stdout is left to JSON-RPC.
 */
'use strict';
process.on('SIGUSR2', () => {
  // Twice: the first pass can leave what only a finalizer released.
  globalThis.gc();
  globalThis.gc();
  process.stderr.write(`statusdoc-heap ${process.memoryUsage().heapUsed}\n`);
});
