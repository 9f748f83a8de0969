/**
 * The fast reader of a YAML spec's facts: one pass over the lines of a block-style document, no tree. It reads what
 * most specs are (block mappings, quoted or plain keys, block scalars, comments) and answers undefined wherever it
 * cannot be sure (flow collections, anchors, aliases, merge keys, tabs, several documents, a quoted value spanning
 * lines, uneven indentation where it matters): the caller then runs the full parse. A test holds it to the full parse.
 */
import { OPERATION_KEYS } from '../vocabulary';
import { basePathPrefix, responseOf, serverUrlPrefix } from './tree';
import type { SpecFacts, SpecOperation, SpecResponse } from './types';

type Kind = 'root' | 'paths' | 'pathItem' | 'operation' | 'responses' | 'servers' | 'server' | 'ignore';

interface Frame {
  readonly kind: Kind;
  /** Indent of the line that opened it (-1 for the root). */
  readonly indent: number;
  /** Indent of its first child line: every other child must have the same. */
  childIndent?: number;
  /** Opened by a key with nothing after its colon: a sequence may follow at the key's own indent. */
  readonly empty?: boolean;
}

/** Not sure: the full parse answers. */
const UNSURE = undefined;

/** The facts of a block-style YAML spec; null for a document that is not a spec; undefined where unsure. */
export function readYamlSpecLines(text: string): SpecFacts | null | undefined {
  const stack: Frame[] = [{ kind: 'root', indent: -1 }];
  const operations: { method: string; path: string; pathStart: number; pathEnd: number; methodStart: number; methodEnd: number; responses: SpecResponse[] }[] =
    [];
  let dialect: SpecFacts['dialect'] | undefined;
  let basePath: string | undefined;
  const serverUrls: string[] = [];
  let path: { key: string; start: number; end: number } | undefined;
  let sawContent = false;

  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const next = lineEnd + 1;
    let end = lineEnd;
    if (text.charCodeAt(end - 1) === 13) end--;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 32) indent++;
    const first = text.charCodeAt(lineStart + indent);
    if (lineStart + indent >= end || first === 35 /* # */) {
      lineStart = next;
      continue;
    }
    if (first === 9 /* tab */) return UNSURE;
    const dash = first === 45 /* - */ && /^-(?: |$)/.test(text.slice(lineStart + indent, lineStart + indent + 2));
    // `tags:` then `- a` at the same indent: a sequence that is the key's value, not a sibling.
    for (
      let top = stack[stack.length - 1];
      stack.length > 1 && (top.indent > indent || (top.indent === indent && !(dash && top.empty)));
      top = stack[stack.length - 1]
    ) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent.kind === 'ignore') {
      lineStart = next;
      continue;
    }
    let content = text.slice(lineStart + indent, end);
    if (indent === 0 && /^(?:---|\.\.\.|%)/.test(content)) {
      if (sawContent || !/^---\s*(?:#.*)?$/.test(content)) return UNSURE; // several documents, directives
      lineStart = next;
      continue;
    }
    sawContent = true;
    if (parent.childIndent === undefined) parent.childIndent = indent;
    else if (parent.childIndent !== indent) return UNSURE;

    let keyIndent = indent;
    let frameParent = parent;
    if (dash) {
      if (parent.kind !== 'servers') return UNSURE;
      // `- url: …`: the item's first key sits after the dash.
      const after = content.slice(1).match(/^ */)![0].length + 1;
      const item: Frame = { kind: 'server', indent };
      stack.push(item);
      content = content.slice(after);
      keyIndent = indent + after;
      if (content === '' || content.startsWith('#')) {
        lineStart = next;
        continue;
      }
      item.childIndent = keyIndent;
      frameParent = item;
    } else if (parent.kind === 'servers') return UNSURE;

    const key = keyOf(content);
    if (!key) return UNSURE;
    const value = valueText(content.slice(key.length));
    if (value === undefined) return UNSURE;
    // A flow collection must close on its line (`{ description: OK }`): one that goes on is for the full parse.
    if (/^[[{]/.test(value) && !/[\]}]$/.test(value)) return UNSURE;
    if (key.text === '<<' || /^[&*!]/.test(value) || /^[[{]/.test(value)) {
      // Anchors, aliases, tags and flow collections: sure only where nothing read is inside.
      if (childKind(frameParent.kind, key.text) !== 'ignore') return UNSURE;
    }
    const keyStart = lineStart + keyIndent;
    const keyEnd = keyStart + key.length;
    switch (frameParent.kind) {
      case 'root':
        if (key.text === 'openapi') dialect ??= 'openapi';
        else if (key.text === 'swagger') dialect ??= 'swagger';
        else if (key.text === 'basePath') basePath = scalar(value);
        break;
      case 'paths':
        path = { key: key.text, start: keyStart, end: keyEnd };
        break;
      case 'pathItem':
        if (OPERATION_KEYS.has(key.text) && path) {
          operations.push({
            method: key.text.toUpperCase(),
            path: path.key,
            pathStart: path.start,
            pathEnd: path.end,
            methodStart: keyStart,
            methodEnd: keyEnd,
            responses: [],
          });
        }
        break;
      case 'responses': {
        const response = responseOf(key.text, keyStart, keyEnd, key.quote);
        if (response) operations[operations.length - 1].responses.push(response);
        break;
      }
      case 'server':
        if (key.text === 'url') {
          const url = scalar(value);
          if (url !== undefined) serverUrls.push(url);
        }
        break;
    }
    let kind = childKind(frameParent.kind, key.text);
    // A structural key with a scalar value has no children to read.
    if (kind !== 'ignore' && value !== '' && !/^[|>]/.test(value)) kind = 'ignore';
    if (kind === 'operation' && !path) kind = 'ignore';
    if (kind === 'responses' && operations.length === 0) kind = 'ignore';
    stack.push({ kind, indent: keyIndent, empty: value === '' });
    lineStart = next;
  }
  if (!dialect) return null;
  const prefixes = dialect === 'swagger' ? [basePathPrefix(basePath)] : serverUrls.length === 0 ? [''] : [...new Set(serverUrls.map(serverUrlPrefix))];
  return { dialect, operations: operations as SpecOperation[], prefixes };
}

function childKind(parent: Kind, key: string): Kind {
  switch (parent) {
    case 'root':
      return key === 'paths' ? 'paths' : key === 'servers' ? 'servers' : 'ignore';
    case 'paths':
      return 'pathItem';
    case 'pathItem':
      return OPERATION_KEYS.has(key) ? 'operation' : 'ignore';
    case 'operation':
      return key === 'responses' ? 'responses' : 'ignore';
    default:
      return 'ignore';
  }
}

/** A block mapping key at the start of `content`: its text, its length as written (quotes included), its quote. */
function keyOf(content: string): { text: string; length: number; quote: SpecResponse['quote'] } | undefined {
  const c = content[0];
  if (c === "'") {
    const match = /^'((?:[^']|'')*)'(?=\s*:(?:\s|$))/.exec(content);
    return match ? { text: match[1].replace(/''/g, "'"), length: match[0].length, quote: "'" } : undefined;
  }
  if (c === '"') {
    const match = /^"((?:[^"\\]|\\.)*)"(?=\s*:(?:\s|$))/.exec(content);
    if (!match) return undefined;
    let text: string;
    try {
      text = JSON.parse(`"${match[1]}"`) as string;
    } catch {
      return undefined;
    }
    return { text, length: match[0].length, quote: '"' };
  }
  if (/^[[\]{}&*!|>%@`?,#]/.test(content)) return undefined;
  const colon = /:(?:\s|$)/.exec(content);
  if (!colon) return undefined;
  const text = content.slice(0, colon.index).trimEnd();
  if (text === '' || text.includes(' #')) return undefined;
  return { text, length: text.length, quote: '' };
}

/** What follows a key's colon, without its comment; undefined for a quoted scalar not closed on its line. */
function valueText(afterKey: string): string | undefined {
  const rest = afterKey.replace(/^\s*:/, '').trim();
  if (rest === '' || rest.startsWith('#')) return '';
  if (rest[0] === "'") {
    const match = /^'(?:[^']|'')*'/.exec(rest);
    return match ? match[0] : undefined;
  }
  if (rest[0] === '"') {
    const match = /^"(?:[^"\\]|\\.)*"/.exec(rest);
    return match ? match[0] : undefined;
  }
  const comment = rest.search(/\s#/);
  return comment < 0 ? rest : rest.slice(0, comment).trimEnd();
}

/** A one-line scalar's value (quotes removed). */
function scalar(value: string): string | undefined {
  if (value === '') return undefined;
  if (value[0] === "'") return value.slice(1, -1).replace(/''/g, "'");
  if (value[0] === '"') {
    try {
      return JSON.parse(value) as string;
    } catch {
      return undefined;
    }
  }
  return value;
}
