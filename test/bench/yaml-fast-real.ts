/**
 * The fast YAML finder on a directory of real specs: how many files it refuses (the full parse then answers), whether
 * every file it reads gives exactly the full parse's sites, and the time of each over all files (medians of rounds).
 *   node --import tsx test/bench/yaml-fast-real.ts <dir> [--rounds N] [--why]
 * `--why` prints, per refused file, the first line that makes the fast path refuse (bisecting on line count).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { median } from './measure/stats';
import { findYamlSites } from '../../server/src/core/sites/yaml';
import { scanYamlSites } from '../../server/src/core/sites/yamlFast';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!dir) {
  console.error('usage: yaml-fast-real.ts <dir of .yaml/.yml files> [--rounds N] [--why]');
  process.exit(2);
}
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const why = args.includes('--why');

function yamlFiles(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** The first line (1-based) such that the text's first lines up to it are refused: bisect on line count. */
function firstRefusedLine(text: string): number {
  const lines = text.split('\n');
  let low = 0; // the first `low` lines are read
  let high = lines.length; // the first `high` lines are refused
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (scanYamlSites(lines.slice(0, mid).join('\n'))) low = mid;
    else high = mid;
  }
  return high;
}

const files = yamlFiles(path.resolve(dir)).sort();
const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
let refused = 0;
let unequal = 0;
let sites = 0;
for (let k = 0; k < files.length; k++) {
  const fast = scanYamlSites(texts[k]);
  const full = findYamlSites(texts[k]);
  sites += full.length;
  const name = path.relative(dir, files[k]);
  if (!fast) {
    refused++;
    if (why) {
      const line = firstRefusedLine(texts[k]);
      console.log(`refused ${name}: line ${line}: ${JSON.stringify(texts[k].split('\n')[line - 1])}`);
    }
  } else if (!isDeepStrictEqual(fast.sites, full)) {
    unequal++;
    console.log(`DIFFERENT ${name}: fast ${fast.sites.length} sites, full ${full.length}`);
  }
}
const fullTimes: number[] = [];
const fastTimes: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Side by side, alternating, so a busy machine weighs on both alike.
  let start = performance.now();
  for (const text of texts) findYamlSites(text);
  fullTimes.push(performance.now() - start);
  start = performance.now();
  for (const text of texts) if (!scanYamlSites(text)) findYamlSites(text);
  fastTimes.push(performance.now() - start);
}
const bytes = texts.reduce((n, t) => n + t.length, 0);
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${sites} sites (full parse)`);
console.log(`refused (fell back): ${refused}; read but different from the full parse: ${unequal}`);
console.log(`full parse: ${median(fullTimes).toFixed(0)} ms; fast scan (with its fallbacks): ${median(fastTimes).toFixed(0)} ms (medians of ${rounds})`);
