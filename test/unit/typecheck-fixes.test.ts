/**
 * Every quick-fix result compiles. Realistic projects are written under test/.tmp (inside the repo, so module
 * resolution finds the real @nestjs/common, http-status-codes, http-status and @types/node), each literal's
 * "Use a named constant" fix and the convert-all source action are applied with the source decided as the server
 * decides it (project/constants.ts: the project's package.json, the module's path), and the TypeScript compiler
 * checks the results: strict, no diagnostics at all.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ts from 'typescript';
import {
  applyEdits,
  DEFAULT_TABLE,
  fixEdits,
  generateConstantsModule,
  languageOfFile,
  mergeFixes,
  SourceDocument,
  takesConstant,
  useConstantFix,
} from '../../server/src/core';
import { constantsSourceFor, type ConstantsSettings } from '../../server/src/project/constants';
import type { TableInForce } from '../../server/src/project/tables';

const TMP = path.resolve(__dirname, '../.tmp');
const NO_CONFIG: TableInForce = { table: DEFAULT_TABLE, rules: {} };
const AUTO: ConstantsSettings = { source: 'auto', module: '' };

// A stand-in for @types/express, which this repo does not install: just what the example routes use.
const EXPRESS_TYPES = `declare module 'express' {
  export interface Request { params: Record<string, string>; body: unknown; }
  export interface Response {
    status(code: number): Response;
    sendStatus(code: number): Response;
    json(body?: unknown): Response;
    end(): void;
  }
  export type Handler = (req: Request, res: Response) => unknown;
  export interface Router {
    get(path: string, handler: Handler): Router;
    post(path: string, handler: Handler): Router;
    delete(path: string, handler: Handler): Router;
  }
  function express(): Router & { listen(port: number): void };
  namespace express {
    function Router(): Router;
  }
  export default express;
}
`;

// ---- the projects ----

const NEST_CONTROLLER = `import { Body, Controller, Delete, Get, HttpCode, HttpException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OrdersService } from './orders.service.js';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: { sku?: string }) {
    if (!body.sku) throw new HttpException('sku is required', 400);
    return this.orders.create(body.sku);
  }

  @Get(':id')
  find(@Param('id') id: string) {
    const order = this.orders.find(id);
    if (!order) throw new HttpException({ reason: 'no such order' }, 404);
    return order;
  }

  @Get('health')
  health(@Res() res: Response) {
    res.status(503).json({ up: false });
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    if (!this.orders.remove(id)) throw new HttpException('busy', 409);
  }
}
`;

const NEST_SERVICE = `import { Injectable } from '@nestjs/common';

export interface Order { id: string; sku: string }

@Injectable()
export class OrdersService {
  private readonly orders = new Map<string, Order>();

  create(sku: string): Order {
    const order = { id: String(this.orders.size + 1), sku };
    this.orders.set(order.id, order);
    return order;
  }

  find(id: string): Order | undefined {
    return this.orders.get(id);
  }

  remove(id: string): boolean {
    return this.orders.delete(id);
  }
}
`;

/** The project's own HttpStatus class: the fix must alias NestJS's (HttpStatusCode). */
const NEST_ALIAS = `import { Controller, Get, HttpException } from '@nestjs/common';
import { HttpStatus } from './legacy/http-status.js';

@Controller('legacy')
export class LegacyController {
  @Get()
  get() {
    if (HttpStatus.isDown()) throw new HttpException(HttpStatus.describe(), 503);
    return 'ok';
  }
}
`;

const NEST_LEGACY = `export class HttpStatus {
  static isDown(): boolean {
    return false;
  }
  static describe(): string {
    return 'down';
  }
}
`;

/** HttpStatus imported for types only: the fix makes it a value import. */
const NEST_TYPE_ONLY = `import { Controller, Get, HttpException, type HttpStatus } from '@nestjs/common';

const retryable: HttpStatus[] = [];

@Controller('retry')
export class RetryController {
  @Get()
  get() {
    if (retryable.length === 0) throw new HttpException('nothing to retry', 404);
    return retryable;
  }
}
`;

const EXPRESS_ROUTES = `import express, { type Request, type Response } from 'express';
import { OrdersRepository } from '../orders.repository.js';

const repository = new OrdersRepository();
export const orders = express.Router();

orders.post('/', (req: Request, res: Response) => {
  const created = repository.create(req.body);
  if (!created) return res.status(409).json({ error: 'exists' });
  return res.status(201).json(created);
});

orders.get('/:id', (req, res) => {
  const order = repository.find(req.params.id);
  return order ? res.json(order) : res.sendStatus(404);
});

orders.delete('/:id', (req, res) => {
  repository.remove(req.params.id);
  res.status(204).end();
});
`;

const EXPRESS_REPOSITORY = `export class OrdersRepository {
  private readonly rows = new Map<string, unknown>();
  create(body: unknown): unknown {
    if (this.rows.has(JSON.stringify(body))) return undefined;
    this.rows.set(JSON.stringify(body), body);
    return body;
  }
  find(id: string): unknown {
    return this.rows.get(id);
  }
  remove(id: string): void {
    this.rows.delete(id);
  }
}
`;

/** A local `status` variable: the http-status fix must alias (httpStatus). */
const HTTP_STATUS_ALIAS = `import express from 'express';

const status = { up: true, since: Date.now() };
const app = express();

app.get('/health', (req, res) => {
  if (!status.up) return res.status(503).json(status);
  return res.status(200).json(status);
});

app.listen(3000);
`;

/** A .cjs file in an ESM package, with a local `status`: the alias is a destructuring rename. */
const HTTP_STATUS_CJS = `const { createServer } = require('node:http');

let status = 'starting';
setTimeout(() => (status = 'up'), 10);

module.exports = createServer((req, res) => {
  if (status !== 'up') {
    res.writeHead(503, { 'retry-after': '1' });
    return res.end(status);
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(status);
});
`;

/** CommonJS JavaScript, checked with checkJs. */
const CJS_SERVER = `'use strict';
const http = require('node:http');
const { getReasonPhrase } = require('http-status-codes');

const server = http.createServer((req, res) => {
  if (req.method === 'DELETE') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.url !== '/orders') {
    res.statusCode = 404;
    res.end(getReasonPhrase(404));
    return;
  }
  res.writeHead(503, { 'retry-after': '30' });
  res.end();
});

module.exports = server;
`;

const NODE_HEALTH = `import { createServer, type ServerResponse } from 'node:http';

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'retry-after': '30' });
  res.end();
}

export const server = createServer((req, res) => {
  if (req.url !== '/health') {
    res.statusCode = 404;
    res.end();
    return;
  }
  if (Math.random() > 0.5) return unavailable(res);
  res.writeHead(200);
  res.end('ok');
});
`;

/** `constants` from node:fs: the node fix must alias (http2Constants). */
const NODE_FS_CLASH = `import { constants, promises as fsp } from 'node:fs';
import { createServer } from 'node:http';

export const files = createServer(async (req, res) => {
  try {
    await fsp.access('/srv/files' + req.url, constants.R_OK);
    res.writeHead(200);
  } catch {
    res.writeHead(404);
  }
  res.end();
});
`;

const NODE_NAMESPACE = `import * as http2 from 'node:http2';

export const server = http2.createServer((req, res) => {
  res.writeHead(404);
  res.end();
});
`;

const NODE_CJS = `const { createServer } = require('node:http');

module.exports = createServer((req, res) => {
  res.statusCode = 500;
  res.end();
});
`;

/** A CommonJS Lambda handler with no require at all: the import must still be a require. */
const LAMBDA_CJS = `'use strict';

/** @param {{ pathParameters?: { id?: string } }} event */
exports.handler = async (event) => {
  if (!event.pathParameters || !event.pathParameters.id) {
    return { statusCode: 400, body: JSON.stringify({ error: 'id is required' }) };
  }
  return { statusCode: 404, body: '' };
};
`;

const MODULE_ROUTE = `import { createServer } from 'node:http';
import { parseOrder } from '../../orders/parse.js';

export const v1 = createServer((req, res) => {
  const order = parseOrder(req.url ?? '');
  if (!order) {
    res.writeHead(400);
    res.end();
    return;
  }
  res.writeHead(201, { location: '/v1/orders/' + order.id });
  res.end();
});
`;

const MODULE_PARSE = `export function parseOrder(url: string): { id: string } | undefined {
  const id = /\\/orders\\/(\\w+)$/.exec(url)?.[1];
  return id ? { id } : undefined;
}
`;

/** Under moduleResolution bundler: extensionless relative imports. */
const BUNDLER_ROUTE = `import { createServer } from 'node:http';

export const app = createServer((req, res) => {
  res.writeHead(req.method === 'POST' ? 201 : 405);
  res.end();
});

export function gone(res: import('node:http').ServerResponse) {
  res.statusCode = 404;
}
`;

interface Project {
  name: string;
  files: Record<string, string | object>;
  /** The files whose literals are converted. */
  convert: string[];
  /** Written with the default table's module at this path, relative to the project. */
  module?: string;
  /** Which compiler options check it. */
  group: 'nodenext' | 'bundler';
}

const PROJECTS: Project[] = [
  {
    name: 'nestjs',
    group: 'nodenext',
    files: {
      'package.json': { name: 'orders', type: 'module', dependencies: { '@nestjs/common': '^11.0.0' } },
      'src/orders/orders.controller.ts': NEST_CONTROLLER,
      'src/orders/orders.service.ts': NEST_SERVICE,
      'src/legacy/legacy.controller.ts': NEST_ALIAS,
      'src/legacy/legacy/http-status.ts': NEST_LEGACY,
      'src/retry.controller.ts': NEST_TYPE_ONLY,
      'types/express.d.ts': EXPRESS_TYPES,
    },
    convert: ['src/orders/orders.controller.ts', 'src/legacy/legacy.controller.ts', 'src/retry.controller.ts'],
  },
  {
    name: 'http-status-codes',
    group: 'nodenext',
    files: {
      'package.json': { name: 'shop', type: 'module', dependencies: { express: '^4.21.0', 'http-status-codes': '^2.3.0' } },
      'src/routes/orders.ts': EXPRESS_ROUTES,
      'src/orders.repository.ts': EXPRESS_REPOSITORY,
      'types/express.d.ts': EXPRESS_TYPES,
    },
    convert: ['src/routes/orders.ts'],
  },
  {
    name: 'http-status-codes-cjs',
    group: 'nodenext',
    files: {
      'package.json': { name: 'legacy-shop', dependencies: { 'http-status-codes': '^2.3.0' } },
      'server.js': CJS_SERVER,
    },
    convert: ['server.js'],
  },
  {
    name: 'http-status',
    group: 'nodenext',
    files: {
      'package.json': { name: 'health', type: 'module', dependencies: { express: '^4.21.0', 'http-status': '^2.1.0' } },
      'src/health.ts': HTTP_STATUS_ALIAS,
      'legacy/health.cjs': HTTP_STATUS_CJS,
      'types/express.d.ts': EXPRESS_TYPES,
    },
    convert: ['src/health.ts', 'legacy/health.cjs'],
  },
  {
    name: 'node',
    group: 'nodenext',
    files: {
      'package.json': { name: 'plain', type: 'module', dependencies: {} },
      'src/health.ts': NODE_HEALTH,
      'src/files.ts': NODE_FS_CLASH,
      'src/h2.ts': NODE_NAMESPACE,
    },
    convert: ['src/health.ts', 'src/files.ts', 'src/h2.ts'],
  },
  {
    name: 'node-cjs',
    group: 'nodenext',
    files: { 'package.json': { name: 'plain-cjs' }, 'lib/server.js': NODE_CJS, 'lambda/orders.js': LAMBDA_CJS },
    convert: ['lib/server.js', 'lambda/orders.js'],
  },
  {
    name: 'module',
    group: 'nodenext',
    module: 'src/http-status.ts',
    files: {
      'package.json': { name: 'documented', type: 'module', dependencies: {} },
      'src/api/v1/orders.ts': MODULE_ROUTE,
      'src/orders/parse.ts': MODULE_PARSE,
    },
    convert: ['src/api/v1/orders.ts'],
  },
  {
    name: 'module-bundler',
    group: 'bundler',
    module: 'src/http-status.ts',
    files: {
      'package.json': { name: 'documented-app', type: 'module', dependencies: {} },
      'src/server/app.ts': BUNDLER_ROUTE,
    },
    convert: ['src/server/app.ts'],
  },
];

const COMMON: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  experimentalDecorators: true,
  emitDecoratorMetadata: false,
  allowJs: true,
  checkJs: true,
  noUnusedLocals: false,
  // Each variant of a file is checked beside the original: every file is its own module.
  moduleDetection: ts.ModuleDetectionKind.Force,
};

const OPTIONS: Record<Project['group'], ts.CompilerOptions> = {
  nodenext: { ...COMMON, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { ...COMMON, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

interface Variant {
  project: string;
  /** Absolute path of the written result. */
  file: string;
  /** What produced it: "orders.controller.ts: Use HttpStatus.CREATED" or "... convert all". */
  label: string;
  text: string;
}

let root: string;
const variants: Variant[] = [];
const originals = new Map<string, string>();

/** `orders.controller.ts` -> `orders.controller.fix0.ts`. */
function variantName(file: string, suffix: string): string {
  const extension = path.extname(file);
  return `${file.slice(0, -extension.length)}.${suffix}${extension}`;
}

function write(file: string, content: string | object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

before(() => {
  fs.mkdirSync(TMP, { recursive: true });
  root = fs.mkdtempSync(path.join(TMP, 'typecheck-'));
  for (const project of PROJECTS) {
    const dir = path.join(root, project.name);
    for (const [name, content] of Object.entries(project.files)) write(path.join(dir, name), content);
    // The project's own tsconfig.json, as a real one would have: the fix reads it to choose `.js` or no extension.
    const compilerOptions = project.group === 'bundler' ? { module: 'esnext', moduleResolution: 'bundler' } : { module: 'nodenext' };
    if (!project.files['tsconfig.json']) write(path.join(dir, 'tsconfig.json'), { compilerOptions });
    if (project.module) write(path.join(dir, project.module), generateConstantsModule(DEFAULT_TABLE, 'statusdoc default table'));
    for (const relative of project.convert) {
      const file = path.join(dir, relative);
      const text = fs.readFileSync(file, 'utf8');
      originals.set(file, text);
      const language = languageOfFile(file)!;
      const document = new SourceDocument(text, language);
      // As the server decides: the project's package.json, the module if it exists, the file's own imports.
      const source = constantsSourceFor(path.dirname(file), document.facts.imports, AUTO, NO_CONFIG, dir);
      const literals = document.facts.sites.filter((site) => takesConstant(site, language));
      assert.ok(literals.length > 0, `${relative} has literals to convert`);
      const fixes = literals.map((site) => useConstantFix(document, site, source, DEFAULT_TABLE, 'en'));
      fixes.forEach((fix, index) => {
        assert.ok(fix, `${relative}: a fix for ${literals[index].code}`);
        const out = variantName(file, `fix${index}`);
        const fixed = applyEdits(text, fixEdits(document, fix));
        write(out, fixed);
        variants.push({ project: project.name, file: out, label: `${relative}: ${fix.title}`, text: fixed });
      });
      const all = applyEdits(
        text,
        mergeFixes(
          document,
          fixes.filter((fix) => fix !== undefined),
        ),
      );
      const out = variantName(file, 'all');
      write(out, all);
      variants.push({ project: project.name, file: out, label: `${relative}: convert all`, text: all });
    }
  }
});

after(() => {
  if (root && !process.env.STATUSDOC_KEEP_TMP) fs.rmSync(root, { recursive: true, force: true });
});

/** Every diagnostic of the files of `group`, as `file:line: message`. */
function diagnosticsOf(group: Project['group']): string[] {
  const files = PROJECTS.filter((project) => project.group === group).flatMap((project) => {
    const dir = path.join(root, project.name);
    const walk = (folder: string): string[] =>
      fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(folder, entry.name);
        return entry.isDirectory() ? walk(full) : /\.(ts|js|cjs)$/.test(entry.name) ? [full] : [];
      });
    return walk(dir);
  });
  const program = ts.createProgram(files, OPTIONS[group]);
  return ts
    .getPreEmitDiagnostics(program)
    .filter(
      (diagnostic) => !diagnostic.file || diagnostic.file.fileName.startsWith(root.split(path.sep).join('/')) || diagnostic.file.fileName.startsWith(root),
    )
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file) return `(global) TS${diagnostic.code}: ${message}`;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${path.relative(root, diagnostic.file.fileName)}:${line + 1}: TS${diagnostic.code}: ${message}`;
    });
}

const textOf = (project: string, suffix: string) => variants.find((variant) => variant.project === project && variant.file.endsWith(suffix))!.text;

describe('every use-constant result compiles', () => {
  test('the results are what the sources say (a sample of each)', () => {
    const nest = textOf('nestjs', 'orders.controller.all.ts');
    assert.match(nest, /^import \{ Body, Controller, Delete, Get, HttpCode, HttpException, Param, Post, Res, HttpStatus \} from '@nestjs\/common';$/m);
    assert.match(nest, /@HttpCode\(HttpStatus\.CREATED\)/);
    assert.match(nest, /res\.status\(HttpStatus\.SERVICE_UNAVAILABLE\)/);
    assert.match(
      textOf('nestjs', 'legacy.controller.all.ts'),
      /^import \{ Controller, Get, HttpException, HttpStatus as HttpStatusCode \} from '@nestjs\/common';$/m,
    );
    assert.match(textOf('nestjs', 'retry.controller.all.ts'), /^import \{ Controller, Get, HttpException, HttpStatus \} from '@nestjs\/common';$/m);
    assert.match(textOf('http-status-codes', 'orders.all.ts'), /^import \{ StatusCodes \} from 'http-status-codes';$/m);
    assert.match(textOf('http-status-codes-cjs', 'server.all.js'), /^const \{ getReasonPhrase, StatusCodes \} = require\('http-status-codes'\);$/m);
    assert.match(textOf('http-status', 'health.all.ts'), /^import \{ status as httpStatus \} from 'http-status';$/m);
    assert.match(textOf('http-status', 'health.all.cjs'), /^const \{ status: httpStatus \} = require\('http-status'\);$/m);
    assert.match(textOf('http-status', 'health.all.cjs'), /res\.writeHead\(httpStatus\.SERVICE_UNAVAILABLE, /);
    assert.match(textOf('node', 'health.all.ts'), /^import \{ constants \} from 'node:http2';$/m);
    assert.match(textOf('node', 'files.all.ts'), /^import \{ constants as http2Constants \} from 'node:http2';$/m);
    assert.match(textOf('node', 'h2.all.ts'), /res\.writeHead\(http2\.constants\.HTTP_STATUS_NOT_FOUND\)/);
    assert.equal(textOf('node', 'h2.all.ts').match(/^import /gm)?.length, 1, 'no new import beside the namespace import');
    assert.match(textOf('node-cjs', 'server.all.js'), /^const \{ constants \} = require\('node:http2'\);$/m);
    assert.match(textOf('node-cjs', 'orders.all.js'), /^'use strict';\nconst \{ constants \} = require\('node:http2'\);\n/);
    assert.match(textOf('module', 'orders.all.ts'), /^import \{ DocumentedStatus \} from '\.\.\/\.\.\/http-status\.js';$/m);
    assert.match(textOf('module-bundler', 'app.all.ts'), /^import \{ DocumentedStatus \} from '\.\.\/http-status';$/m);
  });

  test('the CommonJS results still load and run under Node (a type check does not see ESM syntax in a CJS file)', () => {
    const lambda = variants.find((variant) => variant.project === 'node-cjs' && variant.file.endsWith('orders.all.js'))!;
    const script = `require(${JSON.stringify(lambda.file)}).handler({}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    assert.deepEqual(JSON.parse(out), { statusCode: 400, body: '{"error":"id is required"}' });
    const server = variants.find((variant) => variant.project === 'http-status-codes-cjs' && variant.file.endsWith('server.all.js'))!;
    const loaded = execFileSync(process.execPath, ['-e', `process.stdout.write(typeof require(${JSON.stringify(server.file)}).listen)`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    assert.equal(loaded, 'function');
    const aliased = variants.find((variant) => variant.project === 'http-status' && variant.file.endsWith('health.all.cjs'))!;
    const cjs = execFileSync(process.execPath, ['-e', `const s = require(${JSON.stringify(aliased.file)}); process.stdout.write(typeof s.listen); s.close()`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    assert.equal(cjs, 'function');
  });

  test('convert-all leaves no literal status behind, and every site keeps its code', () => {
    for (const variant of variants.filter((candidate) => candidate.file.includes('.all.'))) {
      const original = originals.get(variant.file.replace('.all.', '.'))!;
      const language = languageOfFile(variant.file)!;
      const before = new SourceDocument(original, language).facts.sites;
      const after = new SourceDocument(variant.text, language).facts.sites;
      assert.deepEqual(
        after.filter((site) => site.form.kind === 'literal').map((site) => site.code),
        [],
        variant.label,
      );
      assert.deepEqual(
        after.map((site) => site.code),
        before.map((site) => site.code),
        variant.label,
      );
    }
  });

  test('node16/nodenext: NestJS, http-status-codes (ESM and CommonJS JS), http-status, node:http2, the project module — zero diagnostics', () => {
    assert.ok(variants.length >= 20, `${variants.length} results`);
    assert.deepEqual(diagnosticsOf('nodenext'), []);
  });

  test('moduleResolution bundler: the project module imported without extension — zero diagnostics', () => {
    assert.deepEqual(diagnosticsOf('bundler'), []);
  });

  test('the check sees a broken result, in TypeScript and in JavaScript (the harness is not blind)', () => {
    const dir = path.join(root, 'canary');
    write(path.join(dir, 'package.json'), { name: 'canary', type: 'module' });
    write(
      path.join(dir, 'src/broken.ts'),
      `import { createServer } from 'node:http';\nexport const s = createServer((req, res) => res.writeHead(HttpStatus.CREATED));\n`,
    );
    write(path.join(dir, 'lib/broken.cjs'), `const { StatusCodes } = require('http-status-codes');\nmodule.exports = StatusCodes.NOT_A_CODE;\n`);
    const program = ts.createProgram([path.join(dir, 'src/broken.ts'), path.join(dir, 'lib/broken.cjs')], OPTIONS.nodenext);
    const codes = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${path.basename(diagnostic.file?.fileName ?? '')} TS${diagnostic.code}`);
    assert.ok(codes.includes('broken.ts TS2304'), codes.join(', '));
    assert.ok(codes.includes('broken.cjs TS2339'), codes.join(', '));
  });
});
