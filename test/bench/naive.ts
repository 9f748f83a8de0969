/**
 * The naive checker: the floor a straightforward tool would hit. Reads each file one at a time, parses it with the
 * same parsers statusdoc uses (TypeScript's createSourceFile, yaml's parseAllDocuments) and walks the tree once,
 * counting three-digit numbers where a status code could be. It judges nothing. Bundled and run by the benchmark:
 *   node naive.js PATH…   prints {"files": n, "candidates": n}
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { isMap, isScalar, parseAllDocuments, visit } from 'yaml';

const STATUS_LIKE = /^[1-5]\d\d$/;

function tsCandidates(file: string, text: string): number {
  const kind = /\.[cm]?jsx?$/.test(file) ? ts.ScriptKind.JSX : file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  let found = 0;
  const walk = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node) && STATUS_LIKE.test(node.text)) found++;
    ts.forEachChild(node, walk);
  };
  walk(source);
  return found;
}

function yamlCandidates(text: string): number {
  let found = 0;
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Map(_key, map) {
        if (!isMap(map)) return;
        for (const pair of map.items) if (isScalar(pair.key) && STATUS_LIKE.test(String(pair.key.value))) found++;
      },
    });
  }
  return found;
}

function filesUnder(given: string, out: string[]): void {
  const stat = fs.statSync(given);
  if (!stat.isDirectory()) {
    out.push(given);
    return;
  }
  for (const entry of fs.readdirSync(given, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    filesUnder(path.join(given, entry.name), out);
  }
}

const files: string[] = [];
for (const given of process.argv.slice(2)) filesUnder(given, files);
let candidates = 0;
let read = 0;
for (const file of files) {
  if (/\.(ya?ml)$/.test(file)) candidates += yamlCandidates(fs.readFileSync(file, 'utf8'));
  else if (/\.[cm]?[jt]sx?$/.test(file)) candidates += tsCandidates(file, fs.readFileSync(file, 'utf8'));
  else continue;
  read++;
}
process.stdout.write(`${JSON.stringify({ files: read, candidates })}\n`);
