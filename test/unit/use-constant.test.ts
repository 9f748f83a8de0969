/**
 * "Use HttpStatus.SERVICE_UNAVAILABLE": a literal becomes the named constant of the file's source, with its import.
 * Judged by the whole text after the edit, the way an editor applies it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyEdits,
  constantsBinding,
  decideConstantsSource,
  DEFAULT_TABLE,
  fixEdits,
  memberNameFor,
  SourceDocument,
  takesConstant,
  useAllConstants,
  useConstantFix,
  type ConstantsSetting,
  type ConstantsSource,
  type DocumentLanguage,
  type Fix,
  type Lang,
} from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/sites';

interface Options {
  setting?: ConstantsSetting;
  dependencies?: string[];
  /** The project module as the file would import it. */
  module?: string;
  moduleExists?: boolean;
  language?: DocumentLanguage;
  lang?: Lang;
}

function sourceFor(text: string, options: Options): ConstantsSource {
  return decideConstantsSource({
    setting: options.setting ?? 'auto',
    imports: analyzeDocument(text, options.language ?? 'typescript').imports,
    dependencies: options.dependencies ?? [],
    projectModule: { specifier: options.module ?? './http-status', exists: options.moduleExists ?? false },
  });
}

/** The fix for the literal site whose text starts at the `|` marker (the marker is removed). */
function fixAt(marked: string, options: Options = {}): { text: string; fix: Fix } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'the text marks the literal with |');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const document = new SourceDocument(text, options.language ?? 'typescript');
  const site = document.facts.sites.find((candidate) => candidate.start === at);
  assert.ok(site, `a site starts at the marker: ${text.slice(at, at + 12)}`);
  const fix = useConstantFix(document, site, sourceFor(text, options), DEFAULT_TABLE, options.lang ?? 'en');
  assert.ok(fix, 'a use-constant fix is offered');
  return { text, fix };
}

/** The text after the fix at the marker. */
function useConstant(marked: string, options: Options = {}): string {
  const { text, fix } = fixAt(marked, options);
  return applyEdits(text, fixEdits(new SourceDocument(text, options.language ?? 'typescript'), fix));
}

/** The text after converting every literal of the file at once (the source action). */
function useConstantsEverywhere(text: string, options: Options = {}): string {
  const document = new SourceDocument(text, options.language ?? 'typescript');
  return applyEdits(text, useAllConstants(document, sourceFor(text, options), DEFAULT_TABLE, 'en'));
}

describe('use a named constant: the import', () => {
  test('an existing import of the package is extended', () => {
    const before = `import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  @Get()
  check(@Res() res: Response) {
    res.status(|503).send();
  }
}
`;
    assert.equal(
      useConstant(before, { dependencies: ['@nestjs/common'] }),
      `import { Controller, Get, Res, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  @Get()
  check(@Res() res: Response) {
    res.status(HttpStatus.SERVICE_UNAVAILABLE).send();
  }
}
`,
    );
  });

  test('an import with a trailing comma over several lines is extended before the comma', () => {
    const before = `import {\n  Controller,\n  Get,\n} from '@nestjs/common';\n\nthrow new HttpException('down', |503);\n`;
    assert.equal(
      useConstant(before, { dependencies: ['@nestjs/common'] }),
      `import {\n  Controller,\n  Get, HttpStatus,\n} from '@nestjs/common';\n\nthrow new HttpException('down', HttpStatus.SERVICE_UNAVAILABLE);\n`,
    );
  });

  test('a new import is added after the last import', () => {
    const before = `import express from 'express';
import { db } from './db';

const app = express();

app.get('/health', async (req, res) => {
  if (!(await db.ping())) return res.status(|503).end();
  res.status(200).end();
});
`;
    assert.equal(
      useConstant(before, { dependencies: ['express', 'http-status-codes'] }),
      `import express from 'express';
import { db } from './db';
import { StatusCodes } from 'http-status-codes';

const app = express();

app.get('/health', async (req, res) => {
  if (!(await db.ping())) return res.status(StatusCodes.SERVICE_UNAVAILABLE).end();
  res.status(200).end();
});
`,
    );
  });

  test('a file without imports gets the import at the top, after a shebang line', () => {
    assert.equal(
      useConstant(`app.get('/', (req, res) => res.sendStatus(|404));\n`),
      `import { constants } from 'node:http2';\napp.get('/', (req, res) => res.sendStatus(constants.HTTP_STATUS_NOT_FOUND));\n`,
    );
    assert.equal(
      useConstant(`#!/usr/bin/env node\napp.get('/', (req, res) => res.sendStatus(|404));\n`),
      `#!/usr/bin/env node\nimport { constants } from 'node:http2';\napp.get('/', (req, res) => res.sendStatus(constants.HTTP_STATUS_NOT_FOUND));\n`,
    );
  });

  test('a CommonJS file gets a require in its own style', () => {
    const before = `'use strict';
const express = require('express');

const router = express.Router();
router.delete('/orders/:id', (req, res) => {
  res.status(|204).end();
});
module.exports = router;
`;
    assert.equal(
      useConstant(before, { dependencies: ['http-status-codes'], language: 'javascript' }),
      `'use strict';
const express = require('express');
const { StatusCodes } = require('http-status-codes');

const router = express.Router();
router.delete('/orders/:id', (req, res) => {
  res.status(StatusCodes.NO_CONTENT).end();
});
module.exports = router;
`,
    );
  });

  test("a CommonJS file without any require (a Lambda handler) gets a require, after 'use strict'", () => {
    const before = `'use strict';\n\nexports.handler = async (event) => {\n  return { statusCode: |404, body: '' };\n};\n`;
    assert.equal(
      useConstant(before, { language: 'javascript', dependencies: ['http-status-codes'] }),
      `'use strict';\nconst { StatusCodes } = require('http-status-codes');\n\nexports.handler = async (event) => {\n  return { statusCode: StatusCodes.NOT_FOUND, body: '' };\n};\n`,
    );
    const moduleExports = `module.exports = (req, res) => {\n  res.statusCode = |503;\n  res.end();\n};\n`;
    assert.equal(
      useConstant(moduleExports, { language: 'javascript' }),
      `const { constants } = require('node:http2');\nmodule.exports = (req, res) => {\n  res.statusCode = constants.HTTP_STATUS_SERVICE_UNAVAILABLE;\n  res.end();\n};\n`,
    );
  });

  test("an ES module starting with 'use strict' keeps the directive first", () => {
    assert.equal(
      useConstant(`'use strict';\nexport const handler = () => ({ statusCode: |404 });\n`, { setting: 'nestjs' }),
      `'use strict';\nimport { HttpStatus } from '@nestjs/common';\nexport const handler = () => ({ statusCode: HttpStatus.NOT_FOUND });\n`,
    );
  });

  test("a CommonJS destructuring of the package is extended; an alias is written with ':'", () => {
    const before = `const { getReasonPhrase } = require('http-status-codes');\nres.status(|404).send(getReasonPhrase(404));\n`;
    assert.equal(
      useConstant(before, { language: 'javascript', setting: 'http-status-codes' }),
      `const { getReasonPhrase, StatusCodes } = require('http-status-codes');\nres.status(StatusCodes.NOT_FOUND).send(getReasonPhrase(404));\n`,
    );
    const clash = `const fs = require('fs');\nconst { constants } = fs;\napp.get('/', (req, res) => res.sendStatus(|404));\n`;
    assert.equal(
      useConstant(clash, { language: 'javascript' }),
      `const fs = require('fs');\nconst { constants: http2Constants } = require('node:http2');\nconst { constants } = fs;\napp.get('/', (req, res) => res.sendStatus(http2Constants.HTTP_STATUS_NOT_FOUND));\n`,
    );
  });

  test('a file with CRLF line ends keeps them', () => {
    const before = `import express from 'express';\r\napp.get('/', (req, res) => res.sendStatus(|404));\r\n`;
    assert.equal(
      useConstant(before, { dependencies: ['http-status-codes'] }),
      `import express from 'express';\r\nimport { StatusCodes } from 'http-status-codes';\r\napp.get('/', (req, res) => res.sendStatus(StatusCodes.NOT_FOUND));\r\n`,
    );
  });
});

describe('use a named constant: the name in the file', () => {
  test('a name the file already imports is used as it is bound, with no new import', () => {
    assert.equal(
      useConstant(`import { HttpStatus as S } from '@nestjs/common';\nthrow new HttpException('x', |409);\n`),
      `import { HttpStatus as S } from '@nestjs/common';\nthrow new HttpException('x', S.CONFLICT);\n`,
    );
    assert.equal(
      useConstant(`import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.OK);\nres.status(|401);\n`),
      `import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.OK);\nres.status(StatusCodes.UNAUTHORIZED);\n`,
    );
  });

  test("import * as http2 from 'node:http2' -> http2.constants.HTTP_STATUS_X, with no new import", () => {
    const before = `import * as http2 from 'node:http2';\n\nexport function handler(stream: http2.ServerHttp2Stream) {\n  stream.respond({ ':status': 200 });\n  res.writeHead(|503);\n}\n`;
    assert.equal(
      useConstant(before),
      `import * as http2 from 'node:http2';\n\nexport function handler(stream: http2.ServerHttp2Stream) {\n  stream.respond({ ':status': 200 });\n  res.writeHead(http2.constants.HTTP_STATUS_SERVICE_UNAVAILABLE);\n}\n`,
    );
  });

  test("const http2 = require('http2') -> http2.constants.HTTP_STATUS_X", () => {
    assert.equal(
      useConstant(`const http2 = require('http2');\nres.writeHead(|404);\n`, { language: 'javascript' }),
      `const http2 = require('http2');\nres.writeHead(http2.constants.HTTP_STATUS_NOT_FOUND);\n`,
    );
  });

  test("http-status's default import is used as it is: import status from 'http-status'", () => {
    assert.equal(
      useConstant(`import httpStatus from 'http-status';\nres.status(|404);\n`),
      `import httpStatus from 'http-status';\nres.status(httpStatus.NOT_FOUND);\n`,
    );
  });

  test('name clash: a local `const status` with http-status -> alias httpStatus', () => {
    const before = `import express from 'express';

const status = { up: true };

app.get('/health', (req, res) => {
  if (!status.up) return res.status(|503).json(status);
});
`;
    assert.equal(
      useConstant(before, { dependencies: ['http-status'] }),
      `import express from 'express';
import { status as httpStatus } from 'http-status';

const status = { up: true };

app.get('/health', (req, res) => {
  if (!status.up) return res.status(httpStatus.SERVICE_UNAVAILABLE).json(status);
});
`,
    );
  });

  test("name clash: `constants` imported from 'fs' with the node source -> alias http2Constants", () => {
    const before = `import { constants, promises as fsp } from 'fs';\n\nawait fsp.access(file, constants.R_OK);\nres.writeHead(|404);\n`;
    assert.equal(
      useConstant(before),
      `import { constants, promises as fsp } from 'fs';\nimport { constants as http2Constants } from 'node:http2';\n\nawait fsp.access(file, constants.R_OK);\nres.writeHead(http2Constants.HTTP_STATUS_NOT_FOUND);\n`,
    );
  });

  test('name clash: a class HttpStatus of the project -> HttpStatusCode from @nestjs/common', () => {
    const before = `import { Controller } from '@nestjs/common';\nimport { HttpStatus } from './legacy/http-status';\n\nthrow new HttpException(HttpStatus.describe(), |409);\n`;
    assert.equal(
      useConstant(before, { dependencies: ['@nestjs/common'] }),
      `import { Controller, HttpStatus as HttpStatusCode } from '@nestjs/common';\nimport { HttpStatus } from './legacy/http-status';\n\nthrow new HttpException(HttpStatus.describe(), HttpStatusCode.CONFLICT);\n`,
    );
  });

  test('the alias is taken too: a number is added', () => {
    const before = `const status = 1;\nconst httpStatus = 2;\nres.status(|404);\n`;
    assert.equal(
      useConstant(before, { setting: 'http-status' }),
      `import { status as httpStatus3 } from 'http-status';\nconst status = 1;\nconst httpStatus = 2;\nres.status(httpStatus3.NOT_FOUND);\n`,
    );
  });

  test('`status` as an object key or a member is no clash', () => {
    const before = `import express from 'express';\nres.status(|404).json({ status: 'missing' });\n`;
    assert.equal(
      useConstant(before, { setting: 'http-status' }),
      `import express from 'express';\nimport { status } from 'http-status';\nres.status(status.NOT_FOUND).json({ status: 'missing' });\n`,
    );
  });

  test('a type-only import of HttpStatus becomes a value import, and the code uses that name', () => {
    const before = `import { Controller, type HttpStatus } from '@nestjs/common';\n\nconst codes: HttpStatus[] = [];\nthrow new HttpException('x', |409);\n`;
    assert.equal(
      useConstant(before, { dependencies: ['@nestjs/common'] }),
      `import { Controller, HttpStatus } from '@nestjs/common';\n\nconst codes: HttpStatus[] = [];\nthrow new HttpException('x', HttpStatus.CONFLICT);\n`,
    );
  });
});

describe('use a named constant: the project module', () => {
  test("from a nested folder: src/api/v1/orders.ts imports '../../http-status'", () => {
    const before = `import { Router } from 'express';\n\nexport const orders = Router();\norders.post('/', (req, res) => res.status(|201).json(req.body));\n`;
    assert.equal(
      useConstant(before, { module: '../../http-status', moduleExists: true }),
      `import { Router } from 'express';\nimport { DocumentedStatus } from '../../http-status';\n\nexport const orders = Router();\norders.post('/', (req, res) => res.status(DocumentedStatus.CREATED).json(req.body));\n`,
    );
  });

  test('with .js when the file writes its relative imports with .js', () => {
    const before = `import { Router } from 'express';\nimport { db } from '../../db.js';\n\norders.post('/', (req, res) => res.status(|201).json(db.save(req.body)));\n`;
    assert.equal(
      useConstant(before, { module: '../../http-status.js', moduleExists: true }),
      `import { Router } from 'express';\nimport { db } from '../../db.js';\nimport { DocumentedStatus } from '../../http-status.js';\n\norders.post('/', (req, res) => res.status(DocumentedStatus.CREATED).json(db.save(req.body)));\n`,
    );
  });

  test('an existing import of the module is extended', () => {
    const before = `import { type DocumentedStatus as Code } from '../http-status';\nres.status(|404);\n`;
    assert.equal(
      useConstant(before, { module: '../http-status', moduleExists: true }),
      `import { DocumentedStatus as Code } from '../http-status';\nres.status(Code.NOT_FOUND);\n`,
    );
  });

  test('a code the table does not document has no member in the module: no fix', () => {
    const text = `res.status(429).end();\n`;
    const document = new SourceDocument(text, 'typescript');
    const source = sourceFor(text, { setting: 'module' });
    assert.equal(useConstantFix(document, document.facts.sites[0], source, DEFAULT_TABLE, 'en'), undefined);
    assert.equal(memberNameFor(source, 503, DEFAULT_TABLE), 'SERVICE_UNAVAILABLE');
  });
});

describe('use a named constant: languages, titles, what is not offered', () => {
  test('TSX', () => {
    const before = `import { NextResponse } from 'next/server';\n\nexport async function POST() {\n  const body = <p>ok</p>;\n  return NextResponse.json({ body }, { status: |201 });\n}\n`;
    assert.equal(
      useConstant(before, { language: 'tsx', dependencies: ['http-status-codes'] }),
      `import { NextResponse } from 'next/server';\nimport { StatusCodes } from 'http-status-codes';\n\nexport async function POST() {\n  const body = <p>ok</p>;\n  return NextResponse.json({ body }, { status: StatusCodes.CREATED });\n}\n`,
    );
  });

  test('the title names the constant, in the language of the user', () => {
    assert.equal(fixAt(`res.status(|503);`, { setting: 'nestjs' }).fix.title, 'Use HttpStatus.SERVICE_UNAVAILABLE');
    assert.equal(fixAt(`res.status(|503);`, { setting: 'nestjs', lang: 'zh-cn' }).fix.title, '使用 HttpStatus.SERVICE_UNAVAILABLE');
    assert.equal(fixAt(`res.status(|503);`, { setting: 'node' }).fix.title, 'Use constants.HTTP_STATUS_SERVICE_UNAVAILABLE');
    assert.equal(fixAt(`res.status(|503);`, { setting: 'module' }).fix.title, 'Use DocumentedStatus.SERVICE_UNAVAILABLE');
  });

  test('library-specific names: 413 and 422 as each library spells them', () => {
    const title = (setting: ConstantsSetting, code: number) => fixAt(`res.status(|${code});`, { setting }).fix.title;
    assert.equal(title('nestjs', 413), 'Use HttpStatus.PAYLOAD_TOO_LARGE');
    assert.equal(title('http-status-codes', 413), 'Use StatusCodes.REQUEST_TOO_LONG');
    assert.equal(title('http-status', 413), 'Use status.REQUEST_ENTITY_TOO_LARGE');
    assert.equal(title('node', 422), 'Use constants.HTTP_STATUS_UNPROCESSABLE_ENTITY');
  });

  test('no fix on constants, YAML, or OpenAPI keys', () => {
    const constant = `import { HttpStatus } from '@nestjs/common';\nres.status(HttpStatus.OK);\n`;
    const facts = analyzeDocument(constant, 'typescript');
    assert.equal(facts.sites.length, 1);
    assert.equal(takesConstant(facts.sites[0], 'typescript'), false);
    const yaml = `openapi: 3.0.3\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n- method: GET\n  status: 200\n`;
    const yamlFacts = analyzeDocument(yaml, 'yaml');
    for (const site of yamlFacts.sites) assert.equal(takesConstant(site, 'yaml'), false);
  });

  test('constantsBinding says whether the import is needed', () => {
    const text = `import { StatusCodes } from 'http-status-codes';\n`;
    const document = new SourceDocument(text, 'typescript');
    assert.deepEqual(constantsBinding(sourceFor(text, {}), document), { local: 'StatusCodes', needsImport: false });
    assert.deepEqual(constantsBinding(sourceFor(text, { setting: 'nestjs' }), document), { local: 'HttpStatus', needsImport: true });
  });
});

describe('use named constants for every status code (the source action)', () => {
  const EXPRESS = `import express from 'express';
import { orders } from './orders';

export const app = express();

app.post('/orders', async (req, res) => {
  const order = await orders.create(req.body);
  if (!order) return res.status(409).json({ error: 'exists' });
  res.status(201).json(order);
});

app.delete('/orders/:id', async (req, res) => {
  await orders.remove(req.params.id);
  res.sendStatus(204);
});

setTimeout(() => orders.flush(), 200);
`;

  test('every literal status becomes a constant, with one import; other numbers stay', () => {
    assert.equal(
      useConstantsEverywhere(EXPRESS, { dependencies: ['http-status-codes'] }),
      `import express from 'express';
import { orders } from './orders';
import { StatusCodes } from 'http-status-codes';

export const app = express();

app.post('/orders', async (req, res) => {
  const order = await orders.create(req.body);
  if (!order) return res.status(StatusCodes.CONFLICT).json({ error: 'exists' });
  res.status(StatusCodes.CREATED).json(order);
});

app.delete('/orders/:id', async (req, res) => {
  await orders.remove(req.params.id);
  res.sendStatus(StatusCodes.NO_CONTENT);
});

setTimeout(() => orders.flush(), 200);
`,
    );
  });

  test('the converted file says the same codes at the same sites, whichever source and alias', () => {
    const codes = (text: string) => analyzeDocument(text, 'typescript').sites.map((site) => `${site.code} ${site.method?.name ?? '-'} ${site.role}`);
    const cases: [string, Options][] = [
      [EXPRESS, { dependencies: ['@nestjs/common'] }],
      [EXPRESS, { dependencies: ['http-status-codes'] }],
      [EXPRESS, { dependencies: ['http-status'] }],
      [EXPRESS, {}],
      [EXPRESS, { module: './http-status', moduleExists: true }],
      // The aliases the fix picks on a clash must still read as status constants.
      [`const HttpStatus = 1;\n${EXPRESS}`, { setting: 'nestjs' }],
      [`const StatusCodes = 1;\n${EXPRESS}`, { setting: 'http-status-codes' }],
      [`const status = 1;\n${EXPRESS}`, { setting: 'http-status' }],
      [`const constants = 1;\n${EXPRESS}`, { setting: 'node' }],
      [`const DocumentedStatus = 1;\n${EXPRESS}`, { setting: 'module' }],
    ];
    for (const [text, options] of cases) {
      const after = useConstantsEverywhere(text, options);
      assert.doesNotMatch(after, /status\(\d|sendStatus\(\d/, JSON.stringify(options));
      assert.deepEqual(codes(after), codes(text), `${JSON.stringify(options)}:\n${after}`);
    }
  });
});
