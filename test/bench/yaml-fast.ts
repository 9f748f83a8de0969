/**
 * The fast YAML finder against the full parse, side by side in one process, alternating, medians:
 *   full parse (findYamlSites) · fast full scan (scanYamlSites) · incremental update after a one-character edit
 * on generated ~0.9 MB and ~9.2 MB OpenAPI specs, and the heap the fast path's state holds.
 * `node --import tsx --expose-gc test/bench/yaml-fast.ts [--quick]`. Prints figures; asserts nothing.
 */
import { loadavg } from 'node:os';
import { median, timed } from './measure/stats';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites, type YamlScanState } from '../../server/src/core/sites/yamlFast';
import { generateSpec } from '../unit/yaml-generator';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

/** A generated spec of about `bytes` characters. */
function specOf(bytes: number): string {
  const sample = generateSpec(7, 100);
  return generateSpec(7, Math.round((100 * bytes) / sample.length));
}

/** The JS heap and the typed arrays' buffers outside it (the line table's rows live there). */
function heapMb(): number {
  gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
}

function bench(label: string, bytes: number, rounds: number): { state?: YamlScanState } {
  const text = specOf(bytes);
  const full: number[] = [];
  const scan: number[] = [];
  const update: number[] = [];
  const taken: number[] = [];
  const loads: number[] = [];
  let state: YamlScanState = scanYamlSites(text)!.state;
  let current = text;
  let sites = 0;
  // A one-character edit in the middle of the spec: a description's text typed into, then deleted again.
  const at = text.indexOf('description: ', text.length >> 1) + 'description: '.length;
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]);
    const [fullSites, fullMs] = timed(() => findYamlSites(current));
    full.push(fullMs);
    const [scanned, scanMs] = timed(() => scanYamlSites(current));
    scan.push(scanMs);
    if (!scanned || scanned.sites.length !== fullSites.length) throw new Error('the fast path disagrees with the full parse');
    sites = fullSites.length;
    for (let key = 0; key < 20; key++) {
      const typing = current === text;
      const next = typing ? text.slice(0, at) + 'x' + text.slice(at) : text;
      const change = typing ? { start: at, oldEnd: at, newEnd: at + 1 } : { start: at, oldEnd: at + 1, newEnd: at };
      const [updated, updateMs] = timed(() => scanYamlSites(next, { state, change }));
      update.push(updateMs);
      taken.push(updated!.reused.units);
      state = updated!.state;
      current = next;
    }
  }
  console.log(
    `${label}: ${(text.length / 1e6).toFixed(2)} MB, ${state.lines.count.toLocaleString('en')} lines, ${sites.toLocaleString('en')} sites; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
  console.log(`  full parse (findYamlSites)        median ${median(full).toFixed(1)} ms  (${full.length} runs)`);
  console.log(`  fast full scan (scanYamlSites)    median ${median(scan).toFixed(1)} ms  (${scan.length} runs)`);
  console.log(`  incremental, one-character edit   median ${median(update).toFixed(2)} ms  (${update.length} runs; ${median(taken)} units taken)`);
  return { state };
}

/**
 * The state as the editor holds it after the edits (line rows, units and their sites): the heap with it and without.
 * Measured out here, once bench() has returned, so that nothing of its frame keeps a state alive.
 */
function reportHeld(holder: { state?: YamlScanState }): void {
  if (!gc) return;
  const withState = heapMb();
  holder.state = undefined;
  console.log(`  heap held by the fast state       ${(withState - heapMb()).toFixed(1)} MB (JS heap and array buffers)`);
}

reportHeld(bench('~0.9 MB spec', 0.9e6, quick ? 3 : 9));
reportHeld(bench('~9.2 MB spec', 9.2e6, quick ? 1 : 3));
