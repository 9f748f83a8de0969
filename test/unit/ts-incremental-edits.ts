/**
 * Seeded random edits of TS/JS text, of the kinds a person makes: characters and snippets typed, characters, lines
 * and blocks deleted, blocks copied, syntax broken and repaired, a handler registered by name renamed, a route's
 * method changed, an import added or removed, a top-level request the tests trace statuses to added.
 */
import type { TextChange } from '../../server/src/core/text';

export interface Edit {
  start: number;
  end: number;
  insert: string;
}

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  ';',
  ',',
  '.',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '=',
  '=>',
  '`',
  "'",
  '"',
  '/',
  '/*',
  '*/',
  '//',
  '201',
  '200',
  '0',
  '4',
  'res.status(',
  'res.status(201)',
  'await ',
  'async ',
  'export ',
  'return ',
  '@Post()',
  '@HttpCode(204)',
  'HttpStatus.CREATED',
  'StatusCodes.NO_CONTENT',
  '${',
  'function ',
  'const ',
  'class X {',
  'if (res.status === 404) ',
  "app.post('/x', create);\n",
  "router.delete('/y', remove);\n",
  'function create(req, res) { res.status(200).end(); }\n',
  "const res = await request(app).post('/orders');\n",
  'expect(res.status).toBe(201);\n',
  'exports.create = async function (req, res) { res.sendStatus(200); };\n',
  "import { HttpStatus } from '@nestjs/common';\n",
  "const { StatusCodes } = require('http-status-codes');\n",
];

/** Text a person types that leaves the file broken until it is taken out again. */
const BREAKERS = ['{', '(', '`', '/*', "'", '"', 'function (', 'class {', '<div>', '${'];

const ROUTE = /\.(get|post|put|delete|patch)\(/g;
const REGISTERED = /\.(?:get|post|put|delete|patch)\([^()\n]*?,\s*(\w+)\)/g;
const IMPORT_LINE = /^(?:import .*|const .* = require\(.*\);?)\n/gm;

function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return [start, nl < 0 ? text.length : nl + 1];
}

function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(pattern)];
}

/** A random edit maker; `repair` holds the inverse of a breaking edit, made next. */
export class EditMaker {
  private repair: Edit | undefined;

  constructor(private readonly random: () => number) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  next(text: string): Edit {
    if (this.repair) {
      const repair = this.repair;
      this.repair = undefined;
      return repair;
    }
    const at = Math.floor(this.random() * (text.length + 1));
    const [lineStart, lineEnd] = lineBounds(text, at);
    switch (Math.floor(this.random() * 12)) {
      case 0:
      case 1: // type a character or a snippet
        return { start: at, end: at, insert: this.pick(SNIPPETS) };
      case 2: // delete a few characters
        return { start: at, end: Math.min(text.length, at + 1 + Math.floor(this.random() * 6)), insert: '' };
      case 3: // delete a line
        return { start: lineStart, end: lineEnd, insert: '' };
      case 4: {
        // delete a block of lines (whole statements, or halves of them)
        const [, blockEnd] = lineBounds(text, Math.min(text.length, lineEnd + Math.floor(this.random() * 400)));
        return { start: lineStart, end: blockEnd, insert: '' };
      }
      case 5: {
        // copy a block of lines elsewhere
        const [, blockEnd] = lineBounds(text, Math.min(text.length, lineEnd + Math.floor(this.random() * 300)));
        const target = lineBounds(text, Math.floor(this.random() * text.length))[0];
        return { start: target, end: target, insert: text.slice(lineStart, blockEnd) };
      }
      case 6: {
        // break the syntax; the next edit repairs it
        const insert = this.pick(BREAKERS);
        this.repair = { start: at, end: at + insert.length, insert: '' };
        return { start: at, end: at, insert };
      }
      case 7: {
        // rename a handler registered by name, at its registration or at its declaration
        const registered = allMatches(REGISTERED, text);
        if (registered.length === 0) return { start: at, end: at, insert: 'x' };
        const name = this.pick(registered)[1];
        const uses = allMatches(new RegExp(`\\b${name}\\b`, 'g'), text);
        const use = this.pick(uses);
        return { start: use.index, end: use.index + name.length, insert: name.endsWith('2') ? name.slice(0, -1) : `${name}2` };
      }
      case 8: {
        // change a route's method
        const routes = allMatches(ROUTE, text);
        if (routes.length === 0) return { start: at, end: at, insert: '\n' };
        const route = this.pick(routes);
        const start = route.index + 1;
        return { start, end: start + route[1].length, insert: this.pick(['get', 'post', 'put', 'delete', 'patch']) };
      }
      case 9: {
        // add or remove an import or a require
        const imports = allMatches(IMPORT_LINE, text);
        if (imports.length > 0 && this.random() < 0.5) {
          const line = this.pick(imports);
          return { start: line.index, end: line.index + line[0].length, insert: '' };
        }
        const first = imports[0]?.index ?? 0;
        return { start: first, end: first, insert: this.pick(SNIPPETS.filter((snippet) => /^(?:import|const \{)/.test(snippet))) };
      }
      case 10: {
        // a top-level request or assertion the tests trace a status to
        const snippets = SNIPPETS.filter((snippet) => snippet.startsWith('const res') || snippet.startsWith('expect('));
        return { start: lineStart, end: lineStart, insert: this.pick(snippets) };
      }
      default: {
        // retype a status code
        const codes = allMatches(/\b[1-5]\d\d\b/g, text);
        if (codes.length === 0) return { start: at, end: at, insert: '201' };
        const code = this.pick(codes);
        return { start: code.index + 2, end: code.index + 3, insert: String(Math.floor(this.random() * 10)) };
      }
    }
  }
}

export function applyEdit(text: string, edit: Edit): { text: string; change: TextChange } {
  return {
    text: text.slice(0, edit.start) + edit.insert + text.slice(edit.end),
    change: { start: edit.start, oldEnd: edit.end, newEnd: edit.start + edit.insert.length },
  };
}
