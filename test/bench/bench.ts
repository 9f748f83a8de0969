/**
 * `npm run bench`: how fast the engine and the bundled server are on large inputs. Prints figures; asserts nothing.
 *   - site finding on a generated 20k-line Express file and a 1,000-path OpenAPI spec
 *   - loading the organisation's table doc
 *   - the real server over stdio: start-up, first hover (parse), cached hovers, hover after an edit (re-parse)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runChecks } from '../../server/src/core/checks';
import { statusSlotAt } from '../../server/src/core/completion';
import { findSites } from '../../server/src/core/sites';
import { SourceDocument } from '../../server/src/core/document';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { loadTable } from '../../server/src/core/table/load';
import { startServer } from '../protocol/lspClient';

function expressFile(routes: number): string {
  const lines = ["import express from 'express';", 'const app = express();'];
  for (let i = 0; i < routes; i++) {
    const method = ['get', 'post', 'put', 'delete'][i % 4];
    lines.push(
      `app.${method}('/items/${i}', async (req, res) => {`,
      `  const item = await store.find(${i});`,
      `  if (!item) return res.status(404).json({ error: 'missing' });`,
      `  if (item.locked) { res.statusCode = 409; return res.end(); }`,
      `  setTimeout(() => log(item), 200);`,
      // One POST in five answers 200: findings and fixes to compute too.
      `  res.status(${method === 'post' ? (i % 5 === 1 ? 200 : 201) : method === 'delete' ? 204 : 200}).json(item);`,
      `});`,
    );
  }
  return lines.join('\n');
}

function openApiFile(paths: number): string {
  const lines = ['openapi: 3.0.3', 'info: { title: Big, version: 1.0.0 }', 'paths:'];
  for (let i = 0; i < paths; i++) {
    lines.push(`  /items/${i}:`, '    post:', '      responses:', "        '201': { description: Created }", "        '400': { description: Bad }");
    lines.push('    get:', '      responses:', '        200: { description: OK }', '        "404": { description: Missing }');
  }
  return lines.join('\n');
}

function time<T>(runs: number, work: () => T): { result: T; median: number } {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { result, median: samples[Math.floor(samples.length / 2)] };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main(): Promise<void> {
  const ts = expressFile(3000);
  const yaml = openApiFile(1000);
  const doc = fs.readFileSync(path.resolve(__dirname, '../fixtures/org-status-codes.md'), 'utf8');
  const rows: [string, string][] = [];

  findSites(ts, 'typescript'); // warm up the parser
  const tsRun = time(10, () => findSites(ts, 'typescript'));
  rows.push([`findSites, TypeScript, ${ts.split('\n').length} lines (${(ts.length / 1024).toFixed(0)} KiB), ${tsRun.result.length} sites`, ms(tsRun.median)]);
  const yamlRun = time(10, () => findSites(yaml, 'yaml'));
  rows.push([`findSites, OpenAPI YAML, ${yaml.split('\n').length} lines (${(yaml.length / 1024).toFixed(0)} KiB), ${yamlRun.result.length} sites`, ms(yamlRun.median)]);
  const small = expressFile(10);
  rows.push([`findSites, TypeScript, ${small.split('\n').length} lines (a typical handler file)`, ms(time(50, () => findSites(small, 'typescript')).median)]);
  rows.push(['loadTable, the organisation doc (HTML in Markdown)', ms(time(50, () => loadTable('status.md', doc)).median)]);
  const parsed = new SourceDocument(ts, 'typescript');
  void parsed.facts;
  const checked = time(10, () => runChecks(parsed, DEFAULT_TABLE, { severities: {}, lang: 'en' }));
  rows.push([`runChecks on the parsed 20k-line file (${checked.result.length} findings, fixes included)`, ms(checked.median)]);
  const slotText = `${small}\napp.post('/new', (req, res) => res.status(`;
  rows.push(['completion slot at res.status( in a typical file (virtual re-parse)', ms(time(50, () => statusSlotAt(new SourceDocument(slotText, 'typescript'), slotText.length)).median)]);

  const startAt = performance.now();
  const client = await startServer({ locale: 'en' });
  rows.push(['server start-up to initialized (bundled, stdio)', ms(performance.now() - startAt)]);
  const uri = 'untitled:bench.ts';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: ts } });
  const position = { line: 4, character: 29 }; // the first 404
  const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  let start = performance.now();
  await hover();
  rows.push(['first hover on the 20k-line file (parse + answer)', ms(performance.now() - start)]);
  const cached: number[] = [];
  for (let i = 0; i < 200; i++) {
    start = performance.now();
    await hover();
    cached.push(performance.now() - start);
  }
  rows.push(['hover, cached parse: p50 / p95 (200 requests)', `${ms(percentile(cached, 50))} / ${ms(percentile(cached, 95))}`]);
  const edited: number[] = [];
  for (let version = 2; version < 22; version++) {
    start = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
    });
    await hover();
    edited.push(performance.now() - start);
  }
  rows.push(['edit + hover on the 20k-line file (re-parse): p50 / p95 (20 edits)', `${ms(percentile(edited, 50))} / ${ms(percentile(edited, 95))}`]);
  await client.close();

  // Pull diagnostics on a typical handler file after each edit: what a user waits for while typing.
  const pull = await startServer({ locale: 'en', capabilities: { textDocument: { diagnostic: {} } } });
  const typical = 'untitled:typical.ts';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: typical, languageId: 'typescript', version: 1, text: small } });
  const pulled: number[] = [];
  for (let version = 2; version < 52; version++) {
    start = performance.now();
    await pull.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: typical, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
    });
    await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: typical } });
    pulled.push(performance.now() - start);
  }
  rows.push([`edit + pull diagnostics, ${small.split('\n').length}-line handler file: p50 / p95 (50 edits)`, `${ms(percentile(pulled, 50))} / ${ms(percentile(pulled, 95))}`]);
  await pull.close();

  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`statusdoc bench — node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
}

void main();
