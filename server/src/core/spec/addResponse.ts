/**
 * The edit that adds a response key to an operation of a spec, in the spec's own style: the key quoted as its
 * neighbours are, indented as they are, placed in order of code between them; YAML block style or JSON. Undefined
 * where the spec's layout is not one written here (flow-style YAML, an operation with no responses): no edit rather
 * than a broken spec.
 */
import type { TextEdit } from '../fixes/types';
import type { SpecOperation, SpecResponse } from './types';

/** Where a key sorts among response keys: codes by number, a range after its codes, `default` last. */
function orderOf(response: SpecResponse): number {
  if (response.kind === 'code') return response.code!;
  if (response.kind === 'range') return response.code! * 100 + 99.5;
  return Infinity;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The quotes the neighbours use (codes first: `default` is seldom quoted where codes are). */
function quoteOf(operation: SpecOperation): SpecResponse['quote'] {
  return (operation.responses.find((r) => r.kind === 'code') ?? operation.responses[0]).quote;
}

export function addResponseEdit(text: string, format: 'yaml' | 'json', operation: SpecOperation, code: number, description: string): TextEdit | undefined {
  const responses = operation.responses;
  if (responses.length === 0 || responses.some((r) => r.kind === 'code' && r.code === code)) return undefined;
  const before = responses.find((r) => orderOf(r) > code);
  return format === 'yaml' ? yamlEdit(text, operation, code, description, before) : jsonEdit(text, operation, code, description, before);
}

/** A YAML plain scalar where it reads the same, else a double-quoted one (JSON's escapes are YAML's). */
function yamlScalar(value: string): string {
  const plain =
    value !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/:\s|\s#|\s$|[\n\r\t]/.test(value) && !/^(?:true|false|null|~|[-+.\d])/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function yamlEdit(text: string, operation: SpecOperation, code: number, description: string, before: SpecResponse | undefined): TextEdit | undefined {
  const eol = eolOf(text);
  const first = operation.responses[0];
  const indentOf = (response: SpecResponse) => text.slice(lineStartOf(text, response.start), response.start);
  const indent = indentOf(first);
  // Block style only: every key alone at the start of its line.
  if (operation.responses.some((r) => !/^[ ]*$/.test(indentOf(r)))) return undefined;
  const childIndent = childIndentOf(text, first, indent.length) ?? indent.length + 2;
  const q = quoteOf(operation);
  const entry = `${indent}${q}${code}${q}:${eol}${' '.repeat(childIndent)}description: ${yamlScalar(description)}${eol}`;
  if (before) {
    const at = lineStartOf(text, before.start);
    return { start: at, end: at, newText: entry };
  }
  const last = operation.responses[operation.responses.length - 1];
  const at = blockEnd(text, last, indent.length);
  const needsBreak = at === text.length && text.length > 0 && !text.endsWith('\n');
  return { start: at, end: at, newText: (needsBreak ? eol : '') + entry };
}

/** The indentation of the first line under a key that is deeper than the key: its children's. */
function childIndentOf(text: string, key: SpecResponse, keyIndent: number): number | undefined {
  let at = text.indexOf('\n', key.end);
  while (at !== -1) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next === -1 ? text.length : next).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trim().startsWith('#')) {
      const indent = /^ */.exec(line)![0].length;
      return indent > keyIndent ? indent : undefined;
    }
    at = next;
  }
  return undefined;
}

/** The offset just after a key's block: the start of the first later line indented no deeper than the key. */
function blockEnd(text: string, key: SpecResponse, keyIndent: number): number {
  let at = text.indexOf('\n', key.end);
  let end = text.length;
  let lastContent = at === -1 ? text.length : at + 1;
  while (at !== -1) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next === -1 ? text.length : next).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trim().startsWith('#')) {
      if (/^ */.exec(line)![0].length <= keyIndent) {
        end = lastContent;
        break;
      }
      lastContent = next === -1 ? text.length : next + 1;
    }
    at = next;
  }
  return at === -1 ? lastContent : end;
}

function jsonEdit(text: string, operation: SpecOperation, code: number, description: string, before: SpecResponse | undefined): TextEdit | undefined {
  const eol = eolOf(text);
  const first = operation.responses[0];
  const lineStart = lineStartOf(text, first.start);
  const pretty = /^[ \t]*$/.test(text.slice(lineStart, first.start));
  const indent = pretty ? text.slice(lineStart, first.start) : '';
  const unit = pretty ? (jsonChildIndent(text, first) ?? `${indent}  `) : '';
  const key = JSON.stringify(String(code));
  const value = pretty ? `{${eol}${unit}"description": ${JSON.stringify(description)}${eol}${indent}}` : `{"description":${JSON.stringify(description)}}`;
  const entry = `${key}:${pretty ? ' ' : ''}${value}`;
  if (before) return { start: before.start, end: before.start, newText: `${entry},${pretty ? eol + indent : ''}` };
  const last = operation.responses[operation.responses.length - 1];
  const end = jsonValueEnd(text, last.end);
  if (end === undefined) return undefined;
  return { start: end, end, newText: `,${pretty ? eol + indent : ''}${entry}` };
}

/** The indentation of the line after a key whose value opens an object on the key's line. */
function jsonChildIndent(text: string, key: SpecResponse): string | undefined {
  const lineEnd = text.indexOf('\n', key.end);
  if (lineEnd === -1) return undefined;
  const next = text.indexOf('\n', lineEnd + 1);
  const line = text.slice(lineEnd + 1, next === -1 ? text.length : next);
  const indent = /^[ \t]*/.exec(line)![0];
  return indent.length > 0 && line.trim() !== '' && !line.trim().startsWith('}') ? indent : undefined;
}

/** The offset after the value of the key ending at `keyEnd` (`"200": {…}`), strings and nesting respected. */
function jsonValueEnd(text: string, keyEnd: number): number | undefined {
  let at = keyEnd;
  while (at < text.length && /[\s:]/.test(text[at])) at++;
  let depth = 0;
  for (; at < text.length; at++) {
    const c = text[at];
    if (c === '"') {
      at++;
      while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
      if (depth === 0) return at + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return at + 1;
      if (depth < 0) return undefined;
    } else if (depth === 0 && /[,\s]/.test(c)) return at;
  }
  return undefined;
}
