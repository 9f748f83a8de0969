/** Fixes, judged by the whole text after the edit: change-code in the code's own form, @HttpCode, fix-all, imports. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEdits,
  check as checkDocument,
  DEFAULT_TABLE,
  fixAllEdits,
  fixEdits,
  importEdits,
  SourceDocument,
  type DocumentLanguage,
  type Finding,
  type ImportRequest,
  type RuleId,
} from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/sites';
import { checkText, fixesOf } from './helpers';

function check(text: string, language: DocumentLanguage = 'typescript'): Finding[] {
  return checkText(text, language);
}

/** The one finding of `rule` in the document. */
function findingOf(text: string, rule: RuleId, language: DocumentLanguage = 'typescript'): Finding {
  const findings = check(text, language).filter((finding) => finding.rule === rule);
  assert.equal(findings.length, 1, `one ${rule} finding`);
  return findings[0];
}

/** The document after the preferred fix of its one `rule` finding. */
function fixed(text: string, rule: RuleId = 'wrong-success-code', language: DocumentLanguage = 'typescript'): string {
  const finding = findingOf(text, rule, language);
  return applyEdits(text, fixEdits(new SourceDocument(text, language), fixesOf(finding)[0]));
}

function fixAll(text: string, language: DocumentLanguage = 'typescript'): string {
  return applyEdits(text, fixAllEdits(new SourceDocument(text, language), check(text, language)));
}

function withImports(text: string, requests: ImportRequest[], language: DocumentLanguage = 'typescript'): string {
  return applyEdits(text, importEdits(analyzeDocument(text, language).imports, requests, text));
}

describe('change-code keeps the form the code was written in', () => {
  test('NestJS HttpStatus.OK on a @Post handler becomes HttpStatus.CREATED', () => {
    const text = [
      `import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';`,
      ``,
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Post()`,
      `  @HttpCode(HttpStatus.OK)`,
      `  create(@Body() body: CreateOrder) {`,
      `    return this.orders.create(body);`,
      `  }`,
      `}`,
      ``,
    ].join('\n');
    assert.equal(fixed(text), text.replace('HttpStatus.OK', 'HttpStatus.CREATED'));
    assert.equal(fixesOf(findingOf(text, 'wrong-success-code'))[0].title, 'Change to HttpStatus.CREATED (documented for POST)');
  });

  test('http-status-codes StatusCodes.OK becomes StatusCodes.CREATED', () => {
    const text = `import { StatusCodes } from 'http-status-codes';\n\napp.post('/orders', (req, res) => {\n  res.status(StatusCodes.OK).json(order);\n});\n`;
    assert.equal(
      fixed(text),
      `import { StatusCodes } from 'http-status-codes';\n\napp.post('/orders', (req, res) => {\n  res.status(StatusCodes.CREATED).json(order);\n});\n`,
    );
  });

  test('node:http2 constants.HTTP_STATUS_OK becomes constants.HTTP_STATUS_CREATED', () => {
    const text = `import { constants } from 'node:http2';\n\napp.post('/orders', (req, res) => {\n  res.writeHead(constants.HTTP_STATUS_OK);\n});\n`;
    assert.equal(
      fixed(text),
      `import { constants } from 'node:http2';\n\napp.post('/orders', (req, res) => {\n  res.writeHead(constants.HTTP_STATUS_CREATED);\n});\n`,
    );
  });

  test('http2.constants.HTTP_STATUS_OK keeps its receiver', () => {
    const text = `import http2 from 'node:http2';\n\napp.delete('/orders/:id', (req, res) => {\n  res.status(http2.constants.HTTP_STATUS_OK).end();\n});\n`;
    assert.equal(
      fixed(text),
      `import http2 from 'node:http2';\n\napp.delete('/orders/:id', (req, res) => {\n  res.status(http2.constants.HTTP_STATUS_NO_CONTENT).end();\n});\n`,
    );
  });

  test('http-status status.OK becomes status.CREATED', () => {
    const text = `import status from 'http-status';\n\nrouter.post('/orders', async (ctx) => {\n  ctx.status = status.OK;\n});\n`;
    assert.equal(fixed(text), `import status from 'http-status';\n\nrouter.post('/orders', async (ctx) => {\n  ctx.status = status.CREATED;\n});\n`);
  });

  test('a bare destructured constant keeps its form when the new name is bound too', () => {
    const text = `import http2 from 'node:http2';\nconst { HTTP_STATUS_OK, HTTP_STATUS_CREATED } = http2.constants;\napp.post('/orders', (req, res) => {\n  res.status(HTTP_STATUS_OK).end();\n});\n`;
    assert.equal(fixed(text), text.replace('res.status(HTTP_STATUS_OK)', 'res.status(HTTP_STATUS_CREATED)'));
  });

  test('a bare destructured constant whose new name is not bound becomes the number, not an unbound name', () => {
    const text = `import http2 from 'node:http2';\nconst { HTTP_STATUS_OK } = http2.constants;\napp.post('/orders', (req, res) => {\n  res.status(HTTP_STATUS_OK).end();\n});\n`;
    assert.equal(fixed(text), text.replace('res.status(HTTP_STATUS_OK)', 'res.status(201)'));
  });

  test('a literal stays a literal', () => {
    const text = `import { HttpStatus } from '@nestjs/common';\napp.post('/orders', (req, res) => res.status(200).json(order));\n`;
    assert.equal(fixed(text), `import { HttpStatus } from '@nestjs/common';\napp.post('/orders', (req, res) => res.status(201).json(order));\n`);
  });

  const openapi = (key: string) => `openapi: 3.0.3\npaths:\n  /orders:\n    post:\n      responses:\n        ${key}:\n          description: created\n`;

  test('a single-quoted YAML key stays single-quoted', () => {
    assert.equal(fixed(openapi(`'200'`), 'wrong-success-code', 'yaml'), openapi(`'201'`));
  });

  test('a double-quoted YAML key stays double-quoted', () => {
    assert.equal(fixed(openapi(`"200"`), 'wrong-success-code', 'yaml'), openapi(`"201"`));
  });

  test('a bare YAML key stays bare', () => {
    assert.equal(fixed(openapi('200'), 'wrong-success-code', 'yaml'), openapi('201'));
  });

  test('a quoted YAML value in a test mapping stays quoted', () => {
    const text = `- method: DELETE\n  url: /orders/1\n  status: "200"\n`;
    assert.equal(fixed(text, 'wrong-success-code', 'yaml'), `- method: DELETE\n  url: /orders/1\n  status: "204"\n`);
  });
});

describe('OpenAPI: a change that would duplicate a responses key', () => {
  const text = [
    'openapi: 3.0.3',
    'paths:',
    '  /orders:',
    '    post:',
    '      responses:',
    "        '200':",
    '          description: already there',
    "        '201':",
    '          description: created',
    '',
  ].join('\n');

  test("'200' is still flagged, but only the disable fix is offered", () => {
    const finding = findingOf(text, 'wrong-success-code', 'yaml');
    assert.equal(finding.message, 'POST answers 201 Created in the documented table, not 200 OK.');
    assert.deepEqual(
      fixesOf(finding).map((fix) => fix.title),
      ['Disable wrong-success-code for this line'],
    );
    assert.equal(
      applyEdits(text, fixEdits(new SourceDocument(text, 'yaml'), fixesOf(finding)[0])),
      text.replace("        '200':", "        # statusdoc-disable-next-line wrong-success-code\n        '200':"),
    );
  });

  test('fix-all leaves it alone', () => {
    assert.equal(fixAll(text, 'yaml'), text);
  });

  test('the same code under another operation does not count as a duplicate', () => {
    const two = [
      'openapi: 3.0.3',
      'paths:',
      '  /orders:',
      '    get:',
      '      responses:',
      "        '201':",
      '          description: odd',
      '    post:',
      '      responses:',
      "        '200':",
      '          description: created',
      '',
    ].join('\n');
    assert.equal(
      fixAll(two, 'yaml'),
      two.replace("'201'", "'200'").replace("        '200':\n          description: created", "        '201':\n          description: created"),
    );
  });

  test('two wrong success keys of one operation: fix-all changes only one, never writing the key twice', () => {
    const wrong = [
      'openapi: 3.0.3',
      'paths:',
      '  /orders/{id}:',
      '    delete:',
      '      responses:',
      "        '200':",
      '          description: deleted',
      "        '202':",
      '          description: queued',
      '',
    ].join('\n');
    const after = fixAll(wrong, 'yaml');
    assert.equal(after, wrong.replace("'200'", "'204'"));
    // Once that is applied, the other key has nothing left to change to.
    assert.deepEqual(
      fixesOf(findingOf(after, 'wrong-success-code', 'yaml')).map((fix) => fix.title),
      ['Disable wrong-success-code for this line'],
    );
  });
});

describe('implicit-success-code: adding @HttpCode', () => {
  test('extends the @nestjs/common import and adds @HttpCode(HttpStatus.NO_CONTENT) above @Delete(), same indent', () => {
    const text = [
      `import { Controller, Delete } from '@nestjs/common';`,
      ``,
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Delete(':id')`,
      `  remove() {}`,
      `}`,
      ``,
    ].join('\n');
    const finding = findingOf(text, 'implicit-success-code');
    assert.equal(fixesOf(finding)[0].title, 'Add @HttpCode(HttpStatus.NO_CONTENT)');
    assert.equal(fixesOf(finding)[0].safe, true);
    assert.equal(
      fixed(text, 'implicit-success-code'),
      [
        `import { Controller, Delete, HttpCode, HttpStatus } from '@nestjs/common';`,
        ``,
        `@Controller('orders')`,
        `export class OrdersController {`,
        `  @HttpCode(HttpStatus.NO_CONTENT)`,
        `  @Delete(':id')`,
        `  remove() {}`,
        `}`,
        ``,
      ].join('\n'),
    );
  });

  test('tab indentation is kept', () => {
    const text = `import { Controller, Delete, HttpCode, HttpStatus } from '@nestjs/common';\n@Controller()\nclass C {\n\t@Delete()\n\tremove() {}\n}\n`;
    assert.equal(
      fixed(text, 'implicit-success-code'),
      `import { Controller, Delete, HttpCode, HttpStatus } from '@nestjs/common';\n@Controller()\nclass C {\n\t@HttpCode(HttpStatus.NO_CONTENT)\n\t@Delete()\n\tremove() {}\n}\n`,
    );
  });

  test('HttpStatus imported under an alias is used by its alias', () => {
    const text = [
      `import { Controller, Delete, HttpCode, HttpStatus as S } from '@nestjs/common';`,
      ``,
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Delete(':id')`,
      `  remove() {}`,
      `}`,
      ``,
    ].join('\n');
    assert.equal(fixed(text, 'implicit-success-code'), text.replace(`  @Delete(':id')`, `  @HttpCode(S.NO_CONTENT)\n  @Delete(':id')`));
  });

  test('a file that writes literal @HttpCode(200) and does not import HttpStatus gets @HttpCode(204)', () => {
    const text = [
      `import { Controller, Delete, Get, HttpCode } from '@nestjs/common';`,
      ``,
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Get()`,
      `  @HttpCode(200)`,
      `  list() {}`,
      ``,
      `  @Delete(':id')`,
      `  remove() {}`,
      `}`,
      ``,
    ].join('\n');
    assert.equal(fixed(text, 'implicit-success-code'), text.replace(`  @Delete(':id')`, `  @HttpCode(204)\n  @Delete(':id')`));
  });

  test('no @nestjs/common import at all: a new import line after the last import', () => {
    const text = [
      `import { Injectable } from './di';`,
      `import type { Order } from './order';`,
      ``,
      `export class OrdersController {`,
      `  @Delete(':id')`,
      `  remove(): Order | undefined { return undefined; }`,
      `}`,
      ``,
    ].join('\n');
    assert.equal(
      fixed(text, 'implicit-success-code'),
      [
        `import { Injectable } from './di';`,
        `import type { Order } from './order';`,
        `import { HttpCode, HttpStatus } from '@nestjs/common';`,
        ``,
        `export class OrdersController {`,
        `  @HttpCode(HttpStatus.NO_CONTENT)`,
        `  @Delete(':id')`,
        `  remove(): Order | undefined { return undefined; }`,
        `}`,
        ``,
      ].join('\n'),
    );
  });

  test('no imports at all: the import goes at the top', () => {
    const text = `export class OrdersController {\n  @Delete(':id')\n  remove() {}\n}\n`;
    assert.equal(
      fixed(text, 'implicit-success-code'),
      `import { HttpCode, HttpStatus } from '@nestjs/common';\nexport class OrdersController {\n  @HttpCode(HttpStatus.NO_CONTENT)\n  @Delete(':id')\n  remove() {}\n}\n`,
    );
  });

  test('a route decorator sharing its line with another decorator gets @HttpCode just before it', () => {
    const text = `import { Delete, HttpCode, HttpStatus, UseGuards } from '@nestjs/common';\nclass C {\n  @UseGuards(Auth) @Delete(':id')\n  remove() {}\n}\n`;
    assert.equal(
      fixed(text, 'implicit-success-code'),
      `import { Delete, HttpCode, HttpStatus, UseGuards } from '@nestjs/common';\nclass C {\n  @UseGuards(Auth) @HttpCode(HttpStatus.NO_CONTENT) @Delete(':id')\n  remove() {}\n}\n`,
    );
  });

  test('fix-all on a controller: one merged import edit, both decorators added, the wrong OK changed', () => {
    const text = [
      `import { Body, Controller, Delete, Param, Post } from '@nestjs/common';`,
      ``,
      `@Controller('orders')`,
      `export class OrdersController {`,
      `  @Post()`,
      `  @HttpCode(HttpStatus.OK)`,
      `  create(@Body() body: CreateOrder) {`,
      `    return this.orders.create(body);`,
      `  }`,
      ``,
      `  @Delete(':id')`,
      `  remove(@Param('id') id: string) {`,
      `    return this.orders.remove(id);`,
      `  }`,
      ``,
      `  @Delete()`,
      `  removeAll() {`,
      `    return this.orders.clear();`,
      `  }`,
      `}`,
      ``,
    ].join('\n');
    const findings = check(text);
    assert.deepEqual(
      findings.map((finding) => finding.rule),
      ['wrong-success-code', 'implicit-success-code', 'implicit-success-code'],
    );
    const edits = fixAllEdits(new SourceDocument(text, 'typescript'), findings);
    // One edit on the import statement, naming each missing binding once.
    const importLineEnd = text.indexOf('\n');
    assert.deepEqual(
      edits.filter((edit) => edit.start <= importLineEnd).map((edit) => edit.newText),
      [', HttpCode, HttpStatus'],
    );
    assert.equal(
      applyEdits(text, edits),
      [
        `import { Body, Controller, Delete, Param, Post, HttpCode, HttpStatus } from '@nestjs/common';`,
        ``,
        `@Controller('orders')`,
        `export class OrdersController {`,
        `  @Post()`,
        `  @HttpCode(HttpStatus.CREATED)`,
        `  create(@Body() body: CreateOrder) {`,
        `    return this.orders.create(body);`,
        `  }`,
        ``,
        `  @HttpCode(HttpStatus.NO_CONTENT)`,
        `  @Delete(':id')`,
        `  remove(@Param('id') id: string) {`,
        `    return this.orders.remove(id);`,
        `  }`,
        ``,
        `  @HttpCode(HttpStatus.NO_CONTENT)`,
        `  @Delete()`,
        `  removeAll() {`,
        `    return this.orders.clear();`,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
    );
  });
});

describe('fix-all', () => {
  test('applies every safe fix of a document at once, never a disable comment, never a change of an undocumented code', () => {
    const text = [
      `app.post('/a', (req, res) => res.status(200).json(a));`,
      `app.delete('/b', (req, res) => res.sendStatus(200));`,
      `app.get('/c', (req, res) => res.status(429).end());`,
      `app.post('/d', (req, res) => res.status(202).json(d));`,
      ``,
    ].join('\n');
    assert.equal(
      fixAll(text),
      [
        `app.post('/a', (req, res) => res.status(201).json(a));`,
        `app.delete('/b', (req, res) => res.sendStatus(204));`,
        `app.get('/c', (req, res) => res.status(429).end());`,
        // 202 Accepted to 201 Created changes what clients are told: offered as a quick-fix on request only.
        `app.post('/d', (req, res) => res.status(202).json(d));`,
        ``,
      ].join('\n'),
    );
  });

  test('a fixed document has nothing left to fix', () => {
    const text = `- method: POST\n  status: 200\n- method: DELETE\n  status: '200'\n`;
    const after = fixAll(text, 'yaml');
    assert.equal(after, `- method: POST\n  status: 201\n- method: DELETE\n  status: '204'\n`);
    assert.deepEqual(check(after, 'yaml'), []);
  });

  test('nothing to fix: no edits', () => {
    const text = `app.post('/a', (req, res) => res.status(201).json(a));\n`;
    assert.deepEqual(fixAllEdits(new SourceDocument(text, 'typescript'), check(text)), []);
  });
});

describe('import edits', () => {
  const HTTP_STATUS = { module: '@nestjs/common', name: 'HttpStatus' };
  const HTTP_CODE = { module: '@nestjs/common', name: 'HttpCode' };

  test('extends an existing named import', () => {
    assert.equal(
      withImports(`import { Controller } from '@nestjs/common';\n\nexport class A {}\n`, [HTTP_CODE, HTTP_STATUS]),
      `import { Controller, HttpCode, HttpStatus } from '@nestjs/common';\n\nexport class A {}\n`,
    );
  });

  test('an import with a trailing comma keeps it after the new names', () => {
    assert.equal(withImports(`import { Controller, } from '@nestjs/common';\n`, [HTTP_STATUS]), `import { Controller, HttpStatus, } from '@nestjs/common';\n`);
  });

  test('a multi-line import with a trailing comma', () => {
    assert.equal(
      withImports(`import {\n  Controller,\n  Delete,\n} from '@nestjs/common';\n`, [HTTP_STATUS]),
      `import {\n  Controller,\n  Delete, HttpStatus,\n} from '@nestjs/common';\n`,
    );
  });

  test('empty braces get the names inside', () => {
    assert.equal(withImports(`import {} from '@nestjs/common';\n`, [HTTP_STATUS]), `import { HttpStatus } from '@nestjs/common';\n`);
  });

  test('a module not imported yet: a new statement after the last import', () => {
    assert.equal(
      withImports(`import express from 'express';\nimport { z } from 'zod';\n\nconst app = express();\n`, [
        { module: 'http-status-codes', name: 'StatusCodes' },
      ]),
      `import express from 'express';\nimport { z } from 'zod';\nimport { StatusCodes } from 'http-status-codes';\n\nconst app = express();\n`,
    );
  });

  test('a default import of the module has no braces to extend: a new statement', () => {
    assert.equal(
      withImports(`import common from '@nestjs/common';\n`, [HTTP_STATUS]),
      `import common from '@nestjs/common';\nimport { HttpStatus } from '@nestjs/common';\n`,
    );
  });

  test('a CommonJS file (only require()s) gets a require', () => {
    assert.equal(
      withImports(
        `'use strict';\nconst express = require('express');\n\nconst app = express();\n`,
        [{ module: 'http-status-codes', name: 'StatusCodes' }],
        'javascript',
      ),
      `'use strict';\nconst express = require('express');\nconst { StatusCodes } = require('http-status-codes');\n\nconst app = express();\n`,
    );
  });

  test('a destructuring require of the module is extended', () => {
    assert.equal(
      withImports(`const { Controller } = require('@nestjs/common');\n`, [HTTP_STATUS], 'javascript'),
      `const { Controller, HttpStatus } = require('@nestjs/common');\n`,
    );
  });

  test('no imports and a shebang line: the import goes after the shebang', () => {
    assert.equal(
      withImports(`#!/usr/bin/env node\nconsole.log(1);\n`, [{ module: 'node:http2', name: 'constants' }]),
      `#!/usr/bin/env node\nimport { constants } from 'node:http2';\nconsole.log(1);\n`,
    );
  });

  test('no imports at all: the import goes at the very top', () => {
    assert.equal(withImports(`console.log(1);\n`, [HTTP_STATUS]), `import { HttpStatus } from '@nestjs/common';\nconsole.log(1);\n`);
  });

  test('never duplicates a name already imported, or one asked for twice', () => {
    const text = `import { Controller, HttpStatus } from '@nestjs/common';\n`;
    assert.deepEqual(importEdits(analyzeDocument(text, 'typescript').imports, [HTTP_STATUS], text), []);
    assert.equal(withImports(text, [HTTP_STATUS, HTTP_CODE, HTTP_CODE]), `import { Controller, HttpStatus, HttpCode } from '@nestjs/common';\n`);
  });

  test('a name imported under an alias counts as imported', () => {
    const text = `import { HttpStatus as S } from '@nestjs/common';\n`;
    assert.deepEqual(importEdits(analyzeDocument(text, 'typescript').imports, [HTTP_STATUS], text), []);
  });

  test('a type-only import of the module is not extended', () => {
    assert.equal(
      withImports(`import type { HttpStatus } from '@nestjs/common';\nimport { Injectable } from './di';\n`, [HTTP_STATUS]),
      `import type { HttpStatus } from '@nestjs/common';\nimport { Injectable } from './di';\nimport { HttpStatus } from '@nestjs/common';\n`,
    );
  });

  test('a type-only import beside a value import: the value import is extended', () => {
    assert.equal(
      withImports(`import type { ArgumentsHost } from '@nestjs/common';\nimport { Controller } from '@nestjs/common';\n`, [HTTP_STATUS]),
      `import type { ArgumentsHost } from '@nestjs/common';\nimport { Controller, HttpStatus } from '@nestjs/common';\n`,
    );
  });

  test('one edit per module, whatever the number of names', () => {
    const text = `import { A } from 'a';\n`;
    const edits = importEdits(analyzeDocument(text, 'typescript').imports, [HTTP_CODE, { module: 'b', name: 'B' }, HTTP_STATUS], text);
    assert.equal(edits.length, 2);
    assert.equal(applyEdits(text, edits), `import { A } from 'a';\nimport { HttpCode, HttpStatus } from '@nestjs/common';\nimport { B } from 'b';\n`);
  });
});

describe('fixes keep the file as it is written', () => {
  const fixAll = (text: string) => {
    const document = new SourceDocument(text, 'typescript');
    return applyEdits(text, fixAllEdits(document, checkDocument(document, DEFAULT_TABLE, { severities: {}, lang: 'en' })));
  };

  test('a CRLF file gets CRLF lines', () => {
    const text = "import { Controller, Delete } from '@nestjs/common';\r\n\r\n@Controller()\r\nexport class C {\r\n  @Delete()\r\n  remove() {}\r\n}\r\n";
    assert.equal(
      fixAll(text),
      "import { Controller, Delete, HttpCode, HttpStatus } from '@nestjs/common';\r\n\r\n@Controller()\r\nexport class C {\r\n  @HttpCode(HttpStatus.NO_CONTENT)\r\n  @Delete()\r\n  remove() {}\r\n}\r\n",
    );
  });

  test('a type-only import of HttpStatus becomes a value import instead of a second one', () => {
    const text =
      "import { Controller, Delete, HttpCode, type HttpStatus } from '@nestjs/common';\n\n@Controller()\nexport class C {\n  @Delete()\n  remove() {}\n}\n";
    assert.equal(
      fixAll(text),
      "import { Controller, Delete, HttpCode, HttpStatus } from '@nestjs/common';\n\n@Controller()\nexport class C {\n  @HttpCode(HttpStatus.NO_CONTENT)\n  @Delete()\n  remove() {}\n}\n",
    );
  });

  test('@Res({ passthrough: true }) still answers with the NestJS default, so it is judged', () => {
    const text =
      "import { Controller, Delete, HttpCode, HttpStatus, Res } from '@nestjs/common';\n@Controller()\nexport class C {\n  @Delete()\n  remove(@Res({ passthrough: true }) res: unknown) {}\n}\n";
    assert.match(fixAll(text), /@HttpCode\(HttpStatus\.NO_CONTENT\)\n {2}@Delete\(\)/);
  });
});

describe('no change-code fix where the same checked response already names the documented code', () => {
  test('switch (res.status) after a POST: case 200 next to case 201 is flagged but not rewritten into a second case 201', () => {
    const text = "const res = await fetch('/orders', { method: 'POST' });\nswitch (res.status) {\n  case 200:\n    break;\n  case 201:\n    break;\n}\n";
    const [finding] = check(text);
    assert.equal(finding.rule, 'wrong-success-code');
    assert.deepEqual(
      fixesOf(finding).map((fix) => fix.title),
      ['Disable wrong-success-code for this line'],
    );
  });

  test('res.status === 200 || res.status === 201: the same', () => {
    const text = "const res = await fetch('/orders', { method: 'POST' });\nif (res.status === 200 || res.status === 201) ok();\n";
    assert.deepEqual(
      check(text).map((finding) => fixesOf(finding).length),
      [1],
    );
  });

  test('two handlers of one POST route answering 200 and 201 in different branches keep their fix', () => {
    const text = "app.post('/x', (req, res) => {\n  if (req.body) return res.status(200).end();\n  res.status(201).end();\n});\n";
    assert.equal(fixesOf(check(text)[0])[0].title, 'Change to 201 (documented for POST)');
  });
});
