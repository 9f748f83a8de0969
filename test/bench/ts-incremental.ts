/**
 * The incremental TS/JS parse against a fresh one, side by side in one process, alternating, medians, on generated
 * Express files of 1,000 and 10,000 lines:
 *   fresh parse + walk (a new SourceDocument) · keystroke (the next version from the last, a status digit toggled
 *   201 ↔ 200 in the middle) · completion after typing `res.status(` on a new line in a handler (the edit's facts,
 *   then the slot), the fast slot and the full re-parse of the text with a placeholder it replaces.
 * `node --import tsx --expose-gc test/bench/ts-incremental.ts [--quick]`. Prints figures; asserts nothing.
 */
import { median, timed } from './measure/stats';
import { SourceDocument, statusSlotAt } from '../../server/src/core';
import { fullReparseSlotAt } from '../../server/src/core/completion';
import { expressFile } from './corpus/express';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function bench(lines: number, rounds: number): void {
  const text = expressFile(lines, 20240611 + lines).text;
  const fresh: number[] = [];
  const keystroke: number[] = [];
  const completion: number[] = [];
  const fastSlot: number[] = [];
  const fullSlot: number[] = [];
  const toggle = text.indexOf('res.status(201)', text.length >> 1) + 'res.status(20'.length;
  const tryLine = text.indexOf('  try {\n', text.length >> 1) + '  try {\n'.length;
  const typed = '    res.status(';
  let document = new SourceDocument(text, 'typescript');
  let version = 0;
  let sites = document.facts.sites.length;
  const next = (changed: string, start: number, oldEnd: number, newEnd: number) => (document = document.edit(changed, ++version, { start, oldEnd, newEnd }));
  for (let round = 0; round < rounds; round++) {
    const [freshFacts, freshMs] = timed(() => new SourceDocument(document.text, 'typescript').facts);
    fresh.push(freshMs);
    sites = freshFacts.sites.length;
    for (let key = 0; key < 10; key++) {
      const current = document.text;
      const digit = current[toggle] === '1' ? '0' : '1';
      keystroke.push(timed(() => next(current.slice(0, toggle) + digit + current.slice(toggle + 1), toggle, toggle + 1, toggle + 1).facts)[1]);
    }
    for (let key = 0; key < 5; key++) {
      const current = document.text;
      const withLine = current.slice(0, tryLine) + typed + '\n' + current.slice(tryLine);
      const offset = tryLine + typed.length;
      const [slot, completionMs] = timed(() => {
        const edited = next(withLine, tryLine, tryLine, tryLine + typed.length + 1);
        void edited.facts;
        return statusSlotAt(edited, offset);
      });
      if (slot?.site.method?.name !== 'GET' && slot?.site.method === undefined) throw new Error('no slot where one was typed');
      completion.push(completionMs);
      fastSlot.push(timed(() => statusSlotAt(document, offset))[1]);
      fullSlot.push(timed(() => fullReparseSlotAt(document, offset))[1]);
      next(current, tryLine, tryLine + typed.length + 1, tryLine);
    }
  }
  const before = heapMb();
  const held = new SourceDocument(text, 'typescript');
  void held.facts;
  const after = heapMb();
  console.log(`Express file of ${lines.toLocaleString('en')} lines: ${(text.length / 1e3).toFixed(0)} kB, ${sites.toLocaleString('en')} sites`);
  console.log(`  fresh parse + walk                     median ${median(fresh).toFixed(1)} ms  (${fresh.length} runs)`);
  console.log(`  keystroke, incremental                 median ${median(keystroke).toFixed(2)} ms  (${keystroke.length} runs)`);
  console.log(`  completion: line typed, facts, slot    median ${median(completion).toFixed(2)} ms  (${completion.length} runs)`);
  console.log(`  slot alone, fast                       median ${median(fastSlot).toFixed(2)} ms`);
  console.log(`  slot alone, full re-parse (before)     median ${median(fullSlot).toFixed(1)} ms`);
  if (gc) console.log(`  heap held by one version (tree + facts) ${(after - before).toFixed(0)} MB`);
  void held;
}

bench(1000, quick ? 3 : 9);
bench(10000, quick ? 2 : 7);
