/**
 * eslint-plugin-statusdoc's rules under ESLint's RuleTester, with @typescript-eslint/parser for TypeScript and ESLint's
 * default espree for JavaScript: findings, fixes (`output`), suggestions, the table and severities of the nearest
 * .statusdoc.json, the rule options, and what the plugin says when it cannot check.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Linter, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { analysisOf } from '../../packages/eslint-plugin/src/analysis';
import { loadPlugin, ROOT } from './eslintPlugin';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const plugin = loadPlugin();

/** Folders for the cases' files: one without .statusdoc.json (the default table) and one per config. */
const FIXTURES = path.join(ROOT, 'test/.tmp/eslint-plugin');
const folder = (name: string, config?: object | string) => {
  const dir = path.join(FIXTURES, name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.statusdoc.json');
  if (config === undefined) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
};
const plain = folder('plain');
const off = folder('off', { rules: { 'wrong-success-code': 'off', 'undocumented-code': 'off' } });
const patchTable = folder('patch', { table: path.relative(path.join(FIXTURES, 'patch'), path.join(ROOT, 'test/fixtures/tables/patch.md')) });
const brokenConfig = folder('broken', '{ "rules": ');

/** A stand-in parser that hands a YAML file's text to the rules, as a YAML parser plugin for ESLint would. */
const yamlAsText = {
  meta: { name: 'yaml-as-text' },
  parse(text: string) {
    const lines = text.split('\n');
    const loc = { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines[lines.length - 1].length } };
    return { type: 'Program', body: [], sourceType: 'module', tokens: [], comments: [], range: [0, text.length], loc };
  },
};

const ts = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const js = new RuleTester();
const inFolder = (dir: string, name: string) => path.join(dir, name);

describe('statusdoc/wrong-success-code', () => {
  const rule = plugin.rules['wrong-success-code'];
  const message = (method: string, expected: string, found: string) => `${method} answers ${expected} in the documented table, not ${found}.`;

  ts.run('TypeScript', rule, {
    valid: [
      { code: "app.post('/orders', (req: Request, res: Response) => res.status(201).json({}));", filename: inFolder(plain, 'a.ts') },
      // No method in sight: nothing is judged.
      { code: 'export function send(res: Response) { res.status(200).end(); }', filename: inFolder(plain, 'b.ts') },
      // statusdoc's own disable comments hold in ESLint too.
      {
        code: "// statusdoc-disable-next-line wrong-success-code\napp.post('/orders', (req, res) => res.status(200).json({}));",
        filename: inFolder(plain, 'c.ts'),
      },
      // "off" in the nearest .statusdoc.json.
      { code: "app.post('/orders', (req, res) => res.status(200).json({}));", filename: inFolder(off, 'd.ts') },
      // PATCH is not in the default table...
      { code: "app.patch('/orders/:id', (req, res) => res.status(200).end());", filename: inFolder(plain, 'e.ts') },
      // ...and a YAML spec is the Redocly plugin's and the Spectral ruleset's, not ESLint's.
      {
        code: "openapi: 3.0.3\npaths:\n  /orders:\n    post:\n      responses:\n        '200': {}\n",
        filename: inFolder(plain, 'spec.yaml'),
        languageOptions: { parser: yamlAsText },
      },
    ],
    invalid: [
      {
        code: "app.post('/orders', (req: Request, res: Response) => res.status(200).json({}));",
        filename: inFolder(plain, 'f.ts'),
        output: "app.post('/orders', (req: Request, res: Response) => res.status(201).json({}));",
        errors: [{ message: message('POST', '201 Created', '200 OK'), line: 1, column: 65, endLine: 1, endColumn: 68 }],
      },
      {
        // The fix keeps the form: a constant stays a constant.
        code: "import { StatusCodes } from 'http-status-codes';\napp.delete('/orders/:id', (req, res) => res.sendStatus(StatusCodes.OK));",
        filename: inFolder(plain, 'g.ts'),
        output: "import { StatusCodes } from 'http-status-codes';\napp.delete('/orders/:id', (req, res) => res.sendStatus(StatusCodes.NO_CONTENT));",
        errors: [{ message: message('DELETE', '204 No Content', '200 OK'), line: 2, column: 56, endColumn: 70 }],
      },
      {
        // A test's expectation after a DELETE.
        code: "it('cancels', async () => {\n  await request(app).delete('/orders/1').expect(200);\n});",
        filename: inFolder(plain, 'h.test.ts'),
        output: "it('cancels', async () => {\n  await request(app).delete('/orders/1').expect(204);\n});",
        errors: [{ message: message('DELETE', '204 No Content', '200 OK'), line: 2 }],
      },
      {
        // The table named by the nearest .statusdoc.json: PATCH answers 202 there.
        code: "app.patch('/orders/:id', (req, res) => res.status(200).end());",
        filename: inFolder(patchTable, 'i.ts'),
        output: "app.patch('/orders/:id', (req, res) => res.status(202).end());",
        errors: [{ message: message('PATCH', '202 Accepted', '200 OK') }],
      },
      {
        // The rule option `table` overrides .statusdoc.json's (none here), relative to ESLint's working directory.
        code: "app.patch('/orders/:id', (req, res) => res.status(200).end());",
        filename: inFolder(plain, 'j.ts'),
        options: [{ table: 'test/fixtures/tables/patch.md' }],
        output: "app.patch('/orders/:id', (req, res) => res.status(202).end());",
        errors: [{ message: message('PATCH', '202 Accepted', '200 OK') }],
      },
      {
        code: "app.post('/orders', (req, res) => res.status(200).json({}));",
        filename: inFolder(plain, 'k.ts'),
        options: [{ lang: 'zh-cn' }],
        output: "app.post('/orders', (req, res) => res.status(201).json({}));",
        errors: [{ message: '文档状态码表规定 POST 操作正常返回 201 Created，而不是 200 OK。' }],
      },
      {
        // A table that cannot be read is said, at the top of the file; the default table is checked meanwhile.
        code: "app.post('/orders', (req, res) => res.status(200).json({}));",
        filename: inFolder(plain, 'l.ts'),
        options: [{ table: 'test/fixtures/tables/no-such-table.md' }],
        output: "app.post('/orders', (req, res) => res.status(201).json({}));",
        errors: [
          { message: /no-such-table\.md \(named by the ESLint rule option "table"\): file not found/, line: 1, column: 1 },
          { message: message('POST', '201 Created', '200 OK') },
        ],
      },
      {
        // So is a .statusdoc.json that is not valid JSON.
        code: "app.post('/orders', (req, res) => res.status(201).json({}));",
        filename: inFolder(brokenConfig, 'm.ts'),
        errors: [{ message: /\.statusdoc\.json.*not valid JSON/, line: 1, column: 1 }],
      },
      {
        // A text statusdoc does not read (binary content) is never passed as clean.
        code: "const marker = '\u0000';\napp.post('/orders', (req, res) => res.status(200).json({}));",
        filename: inFolder(plain, 'n.ts'),
        errors: [{ message: 'statusdoc did not check this file: binary content.', line: 1, column: 1 }],
      },
    ],
  });

  js.run('JavaScript (espree)', rule, {
    valid: [{ code: "app.get('/orders', (req, res) => res.status(200).json([]));", filename: inFolder(plain, 'a.js') }],
    invalid: [
      {
        code: "const express = require('express');\nconst app = express();\napp.put('/orders/:id', function (req, res) {\n  res.status(204).end();\n});",
        filename: inFolder(plain, 'b.js'),
        output: "const express = require('express');\nconst app = express();\napp.put('/orders/:id', function (req, res) {\n  res.status(200).end();\n});",
        errors: [{ message: message('PUT', '200 OK', '204 No Content'), line: 4, column: 14 }],
      },
    ],
  });
});

describe('statusdoc/undocumented-code', () => {
  const rule = plugin.rules['undocumented-code'];
  ts.run('TypeScript', rule, {
    valid: [
      { code: "app.get('/orders', (req, res) => res.status(404).end());", filename: inFolder(plain, 'a.ts') },
      { code: "app.get('/orders', (req, res) => res.status(429).end());", filename: inFolder(off, 'b.ts') },
      // Not a status position: a timeout of 429 ms.
      { code: 'setTimeout(retry, 429);', filename: inFolder(plain, 'c.ts') },
    ],
    invalid: [
      {
        // No fix: which documented code to use is a decision.
        code: "app.get('/orders', (req: Request, res: Response) => res.status(429).end());",
        filename: inFolder(plain, 'd.ts'),
        output: null,
        errors: [{ message: '429 Too Many Requests is not documented in the status-code table.', line: 1, column: 64, endColumn: 67 }],
      },
    ],
  });
  js.run('JavaScript (espree)', rule, {
    valid: [],
    invalid: [
      {
        code: "test('teapot', async () => {\n  await request(app).get('/tea').expect(418);\n});",
        filename: inFolder(plain, 'e.js'),
        output: null,
        errors: [{ message: "418 I'm a Teapot is not documented in the status-code table.", line: 2 }],
      },
    ],
  });
});

describe('statusdoc/implicit-success-code', () => {
  const rule = plugin.rules['implicit-success-code'];
  const controller = (decorators: string, imports = 'Controller, Delete') =>
    `import { ${imports} } from '@nestjs/common';\n\n@Controller('orders')\nexport class OrdersController {\n${decorators}\n  remove() {}\n}\n`;
  ts.run('TypeScript', rule, {
    valid: [
      { code: controller("  @Delete(':id')\n  @HttpCode(204)", 'Controller, Delete, HttpCode'), filename: inFolder(plain, 'a.ts') },
      { code: controller('  @Post()\n  @HttpCode(HttpStatus.CREATED)', 'Controller, HttpCode, HttpStatus, Post'), filename: inFolder(plain, 'b.ts') },
    ],
    invalid: [
      {
        // The fix adds @HttpCode above the route decorator, and what it needs to the import.
        code: controller("  @Delete(':id')"),
        filename: inFolder(plain, 'c.ts'),
        output: controller("  @HttpCode(HttpStatus.NO_CONTENT)\n  @Delete(':id')", 'Controller, Delete, HttpCode, HttpStatus'),
        errors: [{ message: 'NestJS answers DELETE with 200 OK by default; the documented table gives DELETE 204 No Content.', line: 5, column: 3 }],
      },
    ],
  });
});

describe('statusdoc/prefer-named-constant', () => {
  const rule = plugin.rules['prefer-named-constant'];
  ts.run('TypeScript', rule, {
    valid: [
      {
        code: "import { StatusCodes } from 'http-status-codes';\napp.get('/orders', (req, res) => res.status(StatusCodes.NOT_FOUND).end());",
        filename: inFolder(plain, 'a.ts'),
      },
      { code: 'setTimeout(retry, 404);', filename: inFolder(plain, 'b.ts') },
    ],
    invalid: [
      {
        // The constant of the library the file already imports; a suggestion, never an automatic fix.
        code: "import { StatusCodes } from 'http-status-codes';\napp.get('/orders', (req, res) => res.status(404).end());",
        filename: inFolder(plain, 'c.ts'),
        output: null,
        errors: [
          {
            message: 'Use the named constant StatusCodes.NOT_FOUND for 404.',
            line: 2,
            column: 45,
            suggestions: [
              {
                desc: 'Use StatusCodes.NOT_FOUND',
                output: "import { StatusCodes } from 'http-status-codes';\napp.get('/orders', (req, res) => res.status(StatusCodes.NOT_FOUND).end());",
              },
            ],
          },
        ],
      },
      {
        // The source the option names, with its import added.
        code: "import express from 'express';\n\napp.post('/orders', (req, res) => res.status(201).end());",
        filename: inFolder(plain, 'd.ts'),
        options: [{ constants: { source: 'nestjs' } }],
        output: null,
        errors: [
          {
            message: 'Use the named constant HttpStatus.CREATED for 201.',
            suggestions: [
              {
                desc: 'Use HttpStatus.CREATED',
                output:
                  "import express from 'express';\nimport { HttpStatus } from '@nestjs/common';\n\napp.post('/orders', (req, res) => res.status(HttpStatus.CREATED).end());",
              },
            ],
          },
        ],
      },
    ],
  });
  js.run('JavaScript (espree)', rule, {
    valid: [],
    invalid: [
      {
        code: "const { StatusCodes } = require('http-status-codes');\napp.get('/x', (req, res) => res.status(500).end());",
        filename: inFolder(plain, 'e.js'),
        output: null,
        errors: [
          {
            message: 'Use the named constant StatusCodes.INTERNAL_SERVER_ERROR for 500.',
            suggestions: [
              {
                desc: 'Use StatusCodes.INTERNAL_SERVER_ERROR',
                output:
                  "const { StatusCodes } = require('http-status-codes');\napp.get('/x', (req, res) => res.status(StatusCodes.INTERNAL_SERVER_ERROR).end());",
              },
            ],
          },
        ],
      },
    ],
  });
});

describe('one analysis per file text, shared by the rules', () => {
  const code = "app.post('/orders', (req, res) => res.status(200).json({}));\n";
  const allRules = (options: object): Linter.RulesRecord => ({
    'statusdoc/wrong-success-code': ['error', options],
    'statusdoc/undocumented-code': ['warn', options],
    'statusdoc/implicit-success-code': ['warn', options],
    'statusdoc/prefer-named-constant': ['warn', options],
  });

  it('tells a table problem once per file, however many rules are on', () => {
    const linter = new Linter({ cwd: ROOT });
    const messages = linter.verify(code, [{ plugins: { statusdoc: plugin }, rules: allRules({ table: 'test/fixtures/tables/no-such-table.md' }) }], {
      filename: inFolder(plain, 'shared.js'),
    });
    assert.equal(messages.filter((m) => /no-such-table\.md/.test(m.message)).length, 1);
    assert.deepEqual(messages.map((m) => m.ruleId).sort(), ['statusdoc/prefer-named-constant', 'statusdoc/wrong-success-code', 'statusdoc/wrong-success-code']);
  });

  it('tells it again when the same text is linted again (an editor re-validating shares the analysis)', () => {
    const linter = new Linter({ cwd: ROOT });
    const config = [{ plugins: { statusdoc: plugin }, rules: allRules({ table: 'test/fixtures/tables/no-such-table.md' }) }];
    for (let lint = 1; lint <= 2; lint++) {
      const messages = linter.verify(code, config, { filename: inFolder(plain, 'again.js') });
      assert.equal(messages.filter((m) => /no-such-table\.md/.test(m.message)).length, 1, `lint ${lint}`);
    }
  });

  it('hands the same analysis to every rule of a text, and the next text of a file the parse to reuse', () => {
    const options = { lang: 'en' as const };
    const file = inFolder(plain, 'incremental.ts');
    const first = analysisOf(file, code, ROOT, options)!;
    assert.equal(analysisOf(file, code, ROOT, options), first);
    const edited = code.replace('200', '201');
    const second = analysisOf(file, edited, ROOT, options)!;
    assert.notEqual(second, first);
    assert.equal(second.document.version, first.document.version + 1, 'the next version of the same document, made with document.edit');
    assert.deepEqual(second.findings, []);
    assert.equal(analysisOf(inFolder(plain, 'other.ts'), code, ROOT, options)!.document.version, 0);
  });
});
