/**
 * The server does not grow with the edits it has seen: 10,000 fuzzed edits (with requests in flight, some cancelled,
 * and documents opened and closed under new names) leave the heap after GC within 10% of where it settled after
 * 1,000. Measured in the bundled server process itself: Node's --expose-gc and a preloaded probe that answers
 * SIGUSR2 with the heap in use (measure/heapProbe.cjs), so production carries no hook.
 * At both measurements every document is back at its original text, so the texts held are the same.
 *
 * Run by `npm run test:heap` and first thing in `npm run bench`, not in `npm test`: it takes about a minute of CPU.
 */
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { randomGesture } from '../protocol/fuzz/edits';
import { fromEnv, seeded } from '../protocol/fuzz/random';
import { FuzzedDocument } from '../protocol/fuzz/session';
import { startServer } from '../protocol/lspClient';

const SEED = fromEnv('STATUSDOC_FUZZ_SEED', 20261203);
const SETTLED = 1_000;
const TOTAL = 10_000;
const ROOT = path.resolve(__dirname, '../..');
const PROBE = path.join(__dirname, 'measure/heapProbe.cjs');
const SOURCES: [string, string][] = [
  ['test/fixtures/corpus/express.ts', 'typescript'],
  ['test/fixtures/corpus/openapi.yaml', 'yaml'],
  ['examples/nestjs/orders.controller.ts', 'typescript'],
];
const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false }, inlayHint: { dynamicRegistration: false } },
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
};

/** The server's heap in use after a full GC, in bytes, as the probe reports it. */
function heapAfterGc(server: ChildProcessWithoutNullStreams): Promise<number> {
  return new Promise((resolve) => {
    let seen = '';
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      const report = /statusdoc-heap (\d+)\n/.exec(seen);
      if (!report) return;
      server.stderr.off('data', read);
      resolve(Number(report[1]));
    };
    server.stderr.on('data', read);
    server.kill('SIGUSR2');
  });
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

test(`${TOTAL} edits leave the server's heap within 10% of where it settled after ${SETTLED} (seed ${SEED})`, async (t) => {
  const client = await startServer({ capabilities: CAPABILITIES, locale: 'en' }, {}, 'stdio', ['--expose-gc', '--require', PROBE]);
  // Closed whatever the outcome: a server left running would keep the test process alive after a failure.
  t.after(() => (client.process!.exitCode === null ? client.close() : undefined));
  const random = seeded(SEED);
  const originals = SOURCES.map(([file]) => fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const documents = SOURCES.map(
    ([file, languageId], index) => new FuzzedDocument(client, random, `file:///heap/${path.basename(file)}`, languageId, originals[index]),
  );
  for (const document of documents) await document.open();

  /** Every document back at its original text, every request answered, then the heap after GC (least of three). */
  const measure = async () => {
    for (const [index, document] of documents.entries()) {
      await document.edit({ kind: 'back to the original', changes: [{ start: 0, end: document.current.length, insert: originals[index] }], cursor: 0 });
      await document.pull();
    }
    const samples = [await heapAfterGc(client.process!), await heapAfterGc(client.process!), await heapAfterGc(client.process!)];
    return Math.min(...samples);
  };

  let edits = 0;
  let opened = 0;
  const heaps = new Map<number, number>();
  for (const checkpoint of [SETTLED, TOTAL / 4, TOTAL / 2, TOTAL]) {
    while (edits < checkpoint) {
      const document = random.pick(documents);
      for (const step of randomGesture(document.current, random)) {
        await document.edit(step);
        edits++;
      }
      if (random.chance(0.2)) await document.settle();
      // Now and then a document under a name never seen before, read, asked about and closed: nothing of it may stay.
      if (edits >= opened * 100) {
        const passing = new FuzzedDocument(
          client,
          random,
          `file:///heap/passing/${opened++}/${path.posix.basename(document.uri)}`,
          'typescript',
          document.current,
        );
        await passing.open();
        await passing.close();
      }
    }
    heaps.set(edits, await measure());
  }
  const settled = heaps.get([...heaps.keys()][0])!;
  const last = heaps.get(edits)!;
  t.diagnostic(`heap after GC: ${[...heaps].map(([count, bytes]) => `${count} edits ${megabytes(bytes)}`).join(', ')}`);
  assert.equal(client.process!.exitCode, null, 'the server is still running');
  assert.ok(last <= settled * 1.1, `after ${edits} edits the heap is ${megabytes(last)}, more than 10% over ${megabytes(settled)} after ${SETTLED}`);
});
