/**
 * The protocol fuzz's own checks and edits (test/protocol/fuzz/): a check that let a bad range through, or an edit that
 * the client and the server apply differently, would make the fuzz pass or fail for the wrong reason.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChange, randomGesture } from '../protocol/fuzz/edits';
import { seeded } from '../protocol/fuzz/random';
import { applyEdits, editsProblem, lastFirst, Lines } from '../protocol/fuzz/ranges';

const at = (line: number, character: number) => ({ line, character });
const edit = (startLine: number, startChar: number, endLine: number, endChar: number, newText: string) => ({
  range: { start: at(startLine, startChar), end: at(endLine, endChar) },
  newText,
});

describe('Lines: positions as LSP counts them', () => {
  const lines = new Lines('ab\r\ncd\ref\n😀x');

  test('CRLF, lone CR and LF each end a line; a line ends before its break', () => {
    assert.equal(lines.problemWith(at(0, 2)), undefined);
    assert.match(lines.problemWith(at(0, 3))!, /past the end of line 0 \(2/);
    assert.equal(lines.problemWith(at(1, 2)), undefined);
    assert.match(lines.problemWith(at(1, 3))!, /past the end of line 1/);
    assert.equal(lines.problemWith(at(3, 3)), undefined);
    assert.match(lines.problemWith(at(4, 0))!, /past the last line/);
  });

  test('columns are UTF-16 units, and never between the halves of a surrogate pair', () => {
    assert.match(lines.problemWith(at(3, 1))!, /splits a surrogate pair/);
    assert.equal(lines.problemWith(at(3, 2)), undefined);
  });

  test('a range that ends before it starts, and a position that is not one', () => {
    assert.match(lines.rangeProblem({ start: at(1, 1), end: at(1, 0) })!, /ends before it starts/);
    assert.match(lines.problemWith(at(-1, 0))!, /not a position/);
  });
});

describe('edits', () => {
  const text = 'res.status(200);\nres.status(201);\n';

  test('inside and apart: applicable, applied last first', () => {
    const edits = [edit(0, 11, 0, 14, '201'), edit(1, 11, 1, 14, '204'), edit(0, 0, 0, 0, '// a\n')];
    assert.equal(editsProblem(text, edits), undefined);
    assert.equal(applyEdits(text, edits), '// a\nres.status(201);\nres.status(204);\n');
    assert.deepEqual(
      lastFirst(text, edits).map((one) => one.newText),
      ['204', '201', '// a\n'],
    );
    // Sent in that order, each change's range still means what it meant in the original text.
    let document = TextDocument.create('u', 'typescript', 1, text);
    for (const one of lastFirst(text, edits)) document = TextDocument.update(document, [{ range: one.range, text: one.newText }], 2);
    assert.equal(document.getText(), applyEdits(text, edits));
  });

  test('inserts at one place keep their order; a replacement may follow them', () => {
    const edits = [edit(0, 0, 0, 0, 'a'), edit(0, 0, 0, 0, 'b'), edit(0, 0, 0, 3, 'RES')];
    assert.equal(editsProblem(text, edits), undefined);
    assert.ok(applyEdits(text, edits).startsWith('abRES.status'));
  });

  test('overlapping or outside the text: not applicable', () => {
    assert.match(editsProblem(text, [edit(0, 11, 0, 14, '201'), edit(0, 12, 0, 13, '1')])!, /overlap/);
    assert.match(editsProblem(text, [edit(0, 0, 0, 3, 'x'), edit(0, 0, 0, 0, 'y')])!, /overlap/);
    assert.match(editsProblem(text, [edit(0, 11, 0, 40, '201')])!, /past the end of line 0/);
  });
});

test('every fuzz edit means the same text to the client and, as an LSP change, to the server (CRLF, lone CR, emoji)', () => {
  const random = seeded(7);
  let text = "app.post('/a', (req, res) => res.status(200));\r\n// 😀 𠮷\r\nit('x', () => expect(201));\rnext\n";
  for (let round = 0; round < 2000; round++) {
    for (const step of randomGesture(text, random)) {
      let document = TextDocument.create('u', 'typescript', 1, text);
      for (const change of step.changes) {
        const range = { start: document.positionAt(change.start), end: document.positionAt(change.end) };
        document = TextDocument.update(document, [{ range, text: change.insert }], 2);
        text = applyChange(text, change);
      }
      assert.equal(document.getText(), text, `${step.kind}: ${JSON.stringify(step.changes)}`);
    }
    if (text.length > 4000) text = text.slice(0, 2000);
  }
});
