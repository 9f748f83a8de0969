/**
 * statusdoc's findings on one OpenAPI/Swagger document, for the tools that lint specs (Redocly, Spectral): the same
 * core pass as `statusdoc check` (the front door), the same table and `.statusdoc.json` (the project's resolver), and
 * each finding placed as those tools place problems, by the path of keys to the node (a response code's key).
 */
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { check, CLI_MESSAGES, SourceDocument, type Finding, type LineColumn, type NotChecked, type RuleId, type Severity } from '../../server/src/core';
import { TableResolver } from '../../server/src/project/tables';

export interface SpecFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Keys from the root to the mapping key the finding is on: ['paths', '/orders', 'post', 'responses', '200']. */
  path: (string | number)[];
  /** 1-based, as `statusdoc check` reports it. */
  line: number;
  column: number;
}

export type SpecResult =
  | { ok: true; findings: SpecFinding[] }
  /** The table or .statusdoc.json cannot be read, or the spec was not read in full: never reported as clean. */
  | { ok: false; problem: string; line: number; path: (string | number)[] };

const resolver = new TableResolver();
/** Redocly asks once per rule, Spectral once per rule too: one analysis per document text serves them all. */
let last: { file: string; text: string; result: SpecResult } | undefined;

/** Analyses the text of the spec at `file` (absolute, or undefined for one with no file: the working folder's table). */
export function specFindings(file: string | undefined, text: string): SpecResult {
  const key = file ?? '';
  if (last && last.file === key && last.text === text) return last.result;
  const result = analyse(file, text);
  last = { file: key, text, result };
  return result;
}

function analyse(file: string | undefined, text: string): SpecResult {
  const dir = file ? path.dirname(file) : process.cwd();
  const inForce = resolver.resolve({ dir, base: dir });
  if (inForce.problem) return { ok: false, problem: `statusdoc: ${CLI_MESSAGES.badTable('en', inForce.problem)}`, line: 1, path: [] };
  // JSON is YAML 1.2: the YAML adapter reads both, as the editor does.
  const document = new SourceDocument(text, 'yaml', 0);
  const notChecked: NotChecked | undefined =
    document.facts.skipped ?? (document.facts.failure ? { kind: 'failure', firstLine: document.facts.failure.split('\n', 1)[0] } : undefined);
  if (notChecked) return { ok: false, problem: `statusdoc: not checked: ${CLI_MESSAGES.skipCause('en', notChecked)}`, line: 1, path: [] };
  const findings = check(document, inForce.table, { severities: inForce.rules, lang: 'en' });
  const keyPaths = keyPathsOf(text);
  return { ok: true, findings: findings.map((finding) => placed(finding, document.lines.positionAt(finding.start), keyPaths)) };
}

function placed(finding: Finding, at: LineColumn, keyPaths: KeyPath[]): SpecFinding {
  const key = keyPaths.find((entry) => entry.start <= finding.start && finding.start < entry.end);
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    path: key?.path ?? [],
    line: at.line + 1,
    column: at.character + 1,
  };
}

interface KeyPath {
  start: number;
  end: number;
  path: (string | number)[];
}

/** Every mapping key of the document with its offsets and its path of keys: where a finding's offset lands. */
function keyPathsOf(text: string): KeyPath[] {
  const out: KeyPath[] = [];
  const walk = (node: Node | null | undefined, at: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = isScalar(key) ? String(key.value) : undefined;
        if (name === undefined) continue;
        const here = [...at, name];
        if (key?.range) out.push({ start: key.range[0], end: key.range[1], path: here });
        walk(pair.value as Node | null, here);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item as Node, [...at, index]));
    }
  };
  try {
    walk(parseDocument(text, { keepSourceTokens: false, uniqueKeys: false }).contents as Node | null, []);
  } catch {
    // The core read the document; a key it names that cannot be found here is placed at the root.
  }
  return out;
}
