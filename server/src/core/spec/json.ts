/**
 * JSON to a spec tree (tree.ts) with the offsets of every key: a small reader, since JSON.parse keeps no offsets and
 * the `yaml` parser is several times slower on a large spec. Broken JSON gives what was read before the break, and
 * why it stopped.
 */
import type { SpecEntry, SpecNode } from './tree';

/** Nested deeper than this is not read (a guard for the stack), and said so. */
const MAX_DEPTH = 512;

/**
 * Values never read for a spec's facts or sites (schemas, examples, bodies, descriptions…): skipped by a bracket
 * scan, without building their tree. None of them can hold an operation or a response key.
 */
const SKIPPED_KEYS: ReadonlySet<string> = new Set([
  'content',
  'schema',
  'schemas',
  'parameters',
  'requestBody',
  'requestBodies',
  'examples',
  'example',
  'properties',
  'headers',
  'links',
  'securitySchemes',
  'security',
  'definitions',
  'info',
  'tags',
  'description',
  'summary',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
]);

class Broken extends Error {}

export function readJsonTree(text: string): { root: SpecNode | undefined; partial?: string } {
  const reader = new JsonReader(text);
  try {
    reader.skipSpace();
    const root = reader.value(0);
    reader.skipSpace();
    if (reader.at < text.length) throw new Broken(`unexpected text at offset ${reader.at}`);
    return { root };
  } catch (error) {
    if (!(error instanceof Broken)) throw error;
    return { root: reader.partialRoot, partial: error.message };
  }
}

class JsonReader {
  at = 0;
  /** The outermost value as far as it was read: a break keeps what came before it. */
  partialRoot: SpecNode | undefined;

  constructor(private readonly text: string) {}

  skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 32 || c === 10 || c === 13 || c === 9) at++;
      else break;
    }
    this.at = at;
  }

  /** A value; `attach` is given a mapping or sequence as soon as it opens, so a break inside keeps what came before. */
  value(depth: number, attach?: (node: SpecNode) => void): SpecNode | undefined {
    if (depth > MAX_DEPTH) throw new Broken(`nested deeper than ${MAX_DEPTH} levels`);
    const c = this.text.charCodeAt(this.at);
    if (c === 123 /* { */) return this.object(depth, attach);
    if (c === 91 /* [ */) return this.array(depth, attach);
    if (c === 34 /* " */) return { kind: 'scalar', value: this.string() };
    const match = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found) throw new Broken(`unexpected ${this.at < this.text.length ? `'${this.text[this.at]}'` : 'end'} at offset ${this.at}`);
    this.at += found[0].length;
    return { kind: 'scalar', value: found[0] };
  }

  private object(depth: number, attach?: (node: SpecNode) => void): SpecNode {
    const entries: SpecEntry[] = [];
    const node: SpecNode = { kind: 'map', entries };
    if (depth === 0) this.partialRoot = node;
    attach?.(node);
    this.at++;
    this.skipSpace();
    if (this.text.charCodeAt(this.at) === 125 /* } */) {
      this.at++;
      return node;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.at) !== 34) throw new Broken(`expected a key at offset ${this.at}`);
      const start = this.at;
      const key = this.string();
      const end = this.at;
      this.skipSpace();
      if (this.text.charCodeAt(this.at) !== 58 /* : */) throw new Broken(`expected ':' at offset ${this.at}`);
      this.at++;
      this.skipSpace();
      // The entry is in place before its value is read: a break inside the value keeps the key and what came before.
      const entry: { -readonly [K in keyof SpecEntry]: SpecEntry[K] } = { key, start, end, quote: '"', value: undefined };
      entries.push(entry);
      if (SKIPPED_KEYS.has(key)) this.skipValue();
      else entry.value = this.value(depth + 1, (child) => (entry.value = child));
      this.skipSpace();
      const next = this.text.charCodeAt(this.at++);
      if (next === 125 /* } */) return node;
      if (next !== 44 /* , */) throw new Broken(`expected ',' or '}' at offset ${this.at - 1}`);
    }
  }

  private array(depth: number, attach?: (node: SpecNode) => void): SpecNode {
    const items: (SpecNode | undefined)[] = [];
    const node: SpecNode = { kind: 'seq', items };
    if (depth === 0) this.partialRoot = node;
    attach?.(node);
    this.at++;
    this.skipSpace();
    if (this.text.charCodeAt(this.at) === 93 /* ] */) {
      this.at++;
      return node;
    }
    for (;;) {
      this.skipSpace();
      const index = items.push(undefined) - 1;
      items[index] = this.value(depth + 1, (child) => (items[index] = child));
      this.skipSpace();
      const next = this.text.charCodeAt(this.at++);
      if (next === 93 /* ] */) return node;
      if (next !== 44 /* , */) throw new Broken(`expected ',' or ']' at offset ${this.at - 1}`);
    }
  }

  /** Past one value without reading it: strings skipped whole, brackets counted. */
  private skipValue(): void {
    const text = this.text;
    let at = this.at;
    let depth = 0;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c)) throw new Broken(`unexpected end at offset ${at}`);
      if (c === 34) {
        at++;
        for (;;) {
          const s = text.charCodeAt(at);
          if (s === 34) break;
          if (Number.isNaN(s)) throw new Broken(`unterminated string at offset ${at}`);
          at += s === 92 ? 2 : 1;
        }
        at++;
        if (depth === 0) break;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) break; // the end of the enclosing value: a scalar ended here
        depth--;
        if (depth === 0) {
          at++;
          break;
        }
      } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) break;
      at++;
    }
    this.at = at;
  }

  /** A string at `at` (its opening quote), unescaped. */
  private string(): string {
    const text = this.text;
    const start = this.at;
    let at = start + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        escaped = true;
        at += 2;
        continue;
      }
      if (Number.isNaN(c) || c === 10) throw new Broken(`unterminated string at offset ${start}`);
      at++;
    }
    this.at = at + 1;
    if (!escaped) return text.slice(start + 1, at);
    try {
      return JSON.parse(text.slice(start, at + 1)) as string;
    } catch {
      throw new Broken(`bad escape in the string at offset ${start}`);
    }
  }
}
