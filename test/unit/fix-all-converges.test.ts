/**
 * Fix-all converges: every rule judges a site under one method, the innermost that is certain, so applying every
 * safe fix leaves nothing a second run would change. Held over the whole evaluation corpus, and on the case that
 * once flipped (a NestJS controller declared inside an Express route callback).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, check, DEFAULT_TABLE, fixAllEdits, languageOfFile, SourceDocument, type DocumentLanguage } from '../../server/src/core';

const CORPUS = path.resolve(__dirname, '../fixtures/corpus');

/** The text after one fix-all, and how many edits it made. */
function fixAllOnce(text: string, language: DocumentLanguage): { text: string; edits: number } {
  const document = new SourceDocument(text, language);
  const edits = fixAllEdits(document, check(document, DEFAULT_TABLE, { severities: {}, lang: 'en' }));
  return { text: applyEdits(text, edits), edits: edits.length };
}

describe('fix-all converges', () => {
  test('a NestJS controller inside an Express route callback: @HttpCode is added once, for its own method', () => {
    const text = [
      `import { Controller, Delete } from '@nestjs/common';`,
      `router.post('/legacy', (req, res) => {`,
      `  @Controller('orders')`,
      `  class OrdersController {`,
      `    @Delete(':id')`,
      `    remove() {}`,
      `  }`,
      `  res.status(201).json(register(OrdersController));`,
      `});`,
    ].join('\n');
    const first = fixAllOnce(text, 'typescript');
    assert.match(first.text, /@HttpCode\(HttpStatus\.NO_CONTENT\)\n\s*@Delete/);
    const second = fixAllOnce(first.text, 'typescript');
    assert.deepEqual({ edits: second.edits, text: second.text }, { edits: 0, text: first.text });
  });

  const files = fs
    .readdirSync(CORPUS)
    .filter((name) => languageOfFile(name))
    .sort();
  for (const name of files) {
    test(`${name}: a second fix-all changes nothing`, () => {
      const language = languageOfFile(name)!;
      const first = fixAllOnce(fs.readFileSync(path.join(CORPUS, name), 'utf8'), language);
      const second = fixAllOnce(first.text, language);
      assert.equal(second.edits, 0, `${name}: the second fix-all made ${second.edits} edits`);
    });
  }
});
