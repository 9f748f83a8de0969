/**
 * Writes the seeded corpus to a folder of the benchmark's own, with the record of what was planted
 * (planted.json), and rewrites it only when it is missing or the generators changed.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expressFile } from './express';
import { openApiSpec } from './openapi';
import type { GeneratedText, PlantedProblem } from './planted';
import { expressNestProject } from './project';

export interface CorpusItem {
  /** A short name for tables: "spec 1,000 ops". */
  name: string;
  kind: 'openapi' | 'typescript' | 'project';
  /** Relative to the corpus root: a file, or the project's folder. */
  path: string;
  bytes: number;
  files: number;
  planted: PlantedProblem[];
}

export interface Corpus {
  root: string;
  items: CorpusItem[];
}

export interface CorpusPlan {
  specs: number[];
  tsLines: number[];
  projectFiles: number;
}

export const FULL_PLAN: CorpusPlan = { specs: [100, 1000, 10000], tsLines: [1000, 10000], projectFiles: 500 };
export const QUICK_PLAN: CorpusPlan = { specs: [100, 1000], tsLines: [1000], projectFiles: 100 };

const SEED = 20240611;

/** The generators' own source: a corpus written by other generators is stale. */
function generatorStamp(plan: CorpusPlan): string {
  const hash = createHash('sha256').update(JSON.stringify(plan));
  for (const file of fs.readdirSync(__dirname).sort()) hash.update(fs.readFileSync(path.join(__dirname, file)));
  return hash.digest('hex');
}

function single(name: string, kind: CorpusItem['kind'], file: string, generated: GeneratedText): CorpusItem & { text: string } {
  return {
    name,
    kind,
    path: file,
    bytes: Buffer.byteLength(generated.text),
    files: 1,
    planted: generated.planted.map((problem) => ({ ...problem, file })),
    text: generated.text,
  };
}

const count = (n: number) => n.toLocaleString('en');

/** Every item of the plan, generated in memory (deterministic: same plan, same bytes). */
export function generateCorpus(plan: CorpusPlan): { items: CorpusItem[]; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const items: CorpusItem[] = [];
  const add = (item: CorpusItem & { text: string }) => {
    const { text, ...rest } = item;
    texts.set(item.path, text);
    items.push(rest);
  };
  for (const operations of plan.specs)
    add(single(`spec ${count(operations)} ops`, 'openapi', `spec-${operations}.yaml`, openApiSpec(operations, SEED + operations)));
  for (const lines of plan.tsLines) add(single(`TS ${count(lines)} lines`, 'typescript', `handlers-${lines}.ts`, expressFile(lines, SEED + lines)));
  const project = expressNestProject(plan.projectFiles, SEED);
  const folder = `project-${plan.projectFiles}`;
  let bytes = 0;
  for (const file of project.files) {
    texts.set(`${folder}/${file.path}`, file.text);
    bytes += Buffer.byteLength(file.text);
  }
  items.push({
    name: `project ${count(project.files.length)} files`,
    kind: 'project',
    path: folder,
    bytes,
    files: project.files.length,
    planted: project.planted.map((problem) => ({ ...problem, file: `${folder}/${problem.file}` })),
  });
  return { items, texts };
}

/** The corpus on disk under `root`, written first if missing or stale. */
export function ensureCorpus(root: string, plan: CorpusPlan): Corpus {
  const stamp = generatorStamp(plan);
  const recordFile = path.join(root, 'planted.json');
  try {
    const record = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { stamp: string; items: CorpusItem[] };
    if (record.stamp === stamp) return { root, items: record.items };
  } catch {
    // missing or unreadable: write it anew
  }
  fs.rmSync(root, { recursive: true, force: true });
  const { items, texts } = generateCorpus(plan);
  for (const [file, text] of texts) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  // The project is a repository of its own: the CLI's .gitignore walk stops here instead of at the ignored
  // benchmark folder of this checkout.
  for (const item of items) if (item.kind === 'project') fs.mkdirSync(path.join(root, item.path, '.git'), { recursive: true });
  fs.writeFileSync(recordFile, `${JSON.stringify({ stamp, items }, null, 1)}\n`);
  return { root, items };
}
