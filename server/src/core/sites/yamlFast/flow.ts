/**
 * A flow collection written on one line (`{ description: OK }`, `[200, 201]`), read into a small tree with offsets
 * relative to the line. Anything outside the plain subset (anchors, aliases, tags, `?` keys, comments, collections
 * as keys, a collection that does not close on the line) reads as undefined: the caller falls back to the full parse.
 */

export type FlowNode = FlowMap | FlowSeq | ScalarToken;

export interface FlowMap {
  kind: 'map';
  pairs: { key: ScalarToken; value: FlowNode | undefined }[];
}

export interface FlowSeq {
  kind: 'seq';
  items: FlowNode[];
}

/** A scalar as written: [start, end) relative to its line; `text` is its source value, undefined when not known for certain. */
export interface ScalarToken {
  kind: 'scalar';
  start: number;
  end: number;
  quote: '' | "'" | '"';
  text: string | undefined;
}

/** Reads a quoted scalar that starts at `start` and closes on the line; undefined when it does not close. */
export function readQuoted(line: string, start: number): ScalarToken | undefined {
  const quote = line[start] as "'" | '"';
  let text = '';
  let known = true;
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') {
      // Escapes are rare in the keys and codes that matter; not resolving them keeps the reader small.
      known = false;
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        text += "'";
        i++;
        continue;
      }
      return { kind: 'scalar', start, end: i + 1, quote, text: known ? text : undefined };
    }
    text += c;
  }
  return undefined;
}

const FLOW_INDICATORS = ',[]{}';
/** Characters no flow plain scalar may start with (besides `-` before a space, handled apart). */
const FLOW_BAD_START = ',[]{}#&*!|>%@`?:';

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** A plain scalar inside a flow collection: ends at a flow indicator or at `:` before a space or indicator. */
function readFlowPlain(line: string, start: number): ScalarToken | undefined {
  const first = line[start];
  if (first === undefined || FLOW_BAD_START.includes(first) || first === '\t') return undefined;
  if (first === '-' && (start + 1 >= line.length || line[start + 1] === ' ' || FLOW_INDICATORS.includes(line[start + 1]))) return undefined;
  let i = start;
  let end = start;
  for (; i < line.length; i++) {
    const c = line[i];
    if (FLOW_INDICATORS.includes(c)) break;
    if (c === ':') {
      const next = line[i + 1];
      if (next === undefined || next === ' ' || next === '\t' || FLOW_INDICATORS.includes(next)) break;
    }
    if (c === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) return undefined;
    if (c === '\t') return undefined;
    if (c !== ' ') end = i + 1;
  }
  return { kind: 'scalar', start, end, quote: '', text: line.slice(start, end) };
}

function readFlowScalar(line: string, i: number): ScalarToken | undefined {
  const c = line[i];
  return c === "'" || c === '"' ? readQuoted(line, i) : readFlowPlain(line, i);
}

/** Reads the flow collection opening at `start`; returns it and the offset after its closing bracket. */
export function readFlow(line: string, start: number, depth = 0): { node: FlowMap | FlowSeq; end: number } | undefined {
  if (depth > 100) return undefined;
  const isMap = line[start] === '{';
  const close = isMap ? '}' : ']';
  const pairs: FlowMap['pairs'] = [];
  const items: FlowNode[] = [];
  let i = start + 1;
  for (;;) {
    i = skipSpaces(line, i);
    if (line[i] === close) {
      i++;
      break;
    }
    let entry: FlowNode | undefined;
    if (line[i] === '{' || line[i] === '[') {
      if (isMap) return undefined; // a collection as a key
      const inner = readFlow(line, i, depth + 1);
      if (!inner) return undefined;
      entry = inner.node;
      i = inner.end;
    } else {
      entry = readFlowScalar(line, i);
      if (!entry) return undefined;
      i = entry.end;
    }
    i = skipSpaces(line, i);
    if (isMap) {
      let value: FlowNode | undefined;
      if (line[i] === ':') {
        i = skipSpaces(line, i + 1);
        // `{ a: }` holds an empty scalar; `{ a }` holds nothing at all (findYamlSites tells them apart for `openapi`).
        value = { kind: 'scalar', start: i, end: i, quote: '', text: '' };
        if (line[i] !== ',' && line[i] !== '}') {
          if (line[i] === '{' || line[i] === '[') {
            const inner = readFlow(line, i, depth + 1);
            if (!inner) return undefined;
            value = inner.node;
            i = inner.end;
          } else {
            value = readFlowScalar(line, i);
            if (!value) return undefined;
            i = value.end;
          }
          i = skipSpaces(line, i);
        }
      }
      pairs.push({ key: entry as ScalarToken, value });
    } else {
      if (line[i] === ':') return undefined; // a single-pair mapping inside a sequence
      items.push(entry);
    }
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line[i] === close) {
      i++;
      break;
    }
    return undefined;
  }
  return { node: isMap ? { kind: 'map', pairs } : { kind: 'seq', items }, end: i };
}
