/**
 * Where a file's named constants come from: the setting, a source the file imports, the nearest package.json's
 * dependency, the project module if it exists, else node:http2. The pure decision first, then the node-side inputs
 * (package.json, the module's path and specifier) on real temporary folders.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { decideConstantsSource, type ConstantsSetting, type ConstantsSource } from '../../server/src/core/constants/source';
import { analyzeDocument } from '../../server/src/core/sites';
import type { DocumentLanguage } from '../../server/src/core/sites/types';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { constantsSourceFor, nearestDependencies, projectModulePath, relativeSpecifier } from '../../server/src/project/constants';
import type { TableInForce } from '../../server/src/project/tables';

interface Given {
  setting?: ConstantsSetting;
  text?: string;
  language?: DocumentLanguage;
  dependencies?: string[];
  module?: { specifier: string; exists: boolean };
}

function decide({
  setting = 'auto',
  text = '',
  language = 'typescript',
  dependencies = [],
  module = { specifier: './http-status', exists: false },
}: Given): ConstantsSource {
  return decideConstantsSource({ setting, imports: analyzeDocument(text, language).imports, dependencies, projectModule: module });
}

/** The parts a test cares about, in one comparable string: `library module exportName (reason)`. */
function brief(source: ConstantsSource): string {
  return `${source.library} ${source.module} ${source.exportName} (${source.reason})`;
}

describe('decideConstantsSource: each branch', () => {
  test('the setting wins over everything the file and the project say', () => {
    const text = `import { HttpStatus } from '@nestjs/common';\n`;
    const everything: Given = { text, dependencies: ['@nestjs/common', 'http-status-codes'], module: { specifier: './http-status', exists: true } };
    assert.equal(brief(decide({ ...everything, setting: 'http-status-codes' })), 'http-status-codes http-status-codes StatusCodes (setting)');
    assert.equal(brief(decide({ ...everything, setting: 'http-status' })), 'http-status http-status status (setting)');
    assert.equal(brief(decide({ ...everything, setting: 'node' })), 'node node:http2 constants (setting)');
    assert.equal(brief(decide({ ...everything, setting: 'nestjs', text: '' })), 'nestjs @nestjs/common HttpStatus (setting)');
    assert.equal(brief(decide({ ...everything, setting: 'module' })), 'module ./http-status DocumentedStatus (setting)');
  });

  test('setting module names the project module even before it exists', () => {
    assert.equal(
      brief(decide({ setting: 'module', module: { specifier: '../../http-status', exists: false } })),
      'module ../../http-status DocumentedStatus (setting)',
    );
  });

  test('a source the file imports wins over the package.json dependency', () => {
    const text = `import { StatusCodes } from 'http-status-codes';\n\napp.get('/', (req, res) => res.status(StatusCodes.OK).end());\n`;
    assert.equal(brief(decide({ text, dependencies: ['@nestjs/common'] })), 'http-status-codes http-status-codes StatusCodes (imported)');
  });

  test('each library counts as imported when the file imports its constants object', () => {
    assert.equal(brief(decide({ text: `import { HttpStatus, Controller } from '@nestjs/common';` })), 'nestjs @nestjs/common HttpStatus (imported)');
    assert.equal(brief(decide({ text: `import { status } from 'http-status';` })), 'http-status http-status status (imported)');
    assert.equal(brief(decide({ text: `import status from 'http-status';` })), 'http-status http-status status (imported)');
    assert.equal(brief(decide({ text: `import { constants } from 'node:http2';` })), 'node node:http2 constants (imported)');
  });

  test("the import's own specifier is kept: 'http2' stays 'http2', not 'node:http2'", () => {
    assert.equal(brief(decide({ text: `import { constants } from 'http2';` })), 'node http2 constants (imported)');
    assert.equal(brief(decide({ text: `const http2 = require('http2');`, language: 'javascript' })), 'node http2 constants (imported)');
  });

  test('a namespace import or a CommonJS require of the whole module counts', () => {
    assert.equal(brief(decide({ text: `import * as http2 from 'node:http2';` })), 'node node:http2 constants (imported)');
    assert.equal(
      brief(decide({ text: `const { StatusCodes } = require('http-status-codes');`, language: 'javascript' })),
      'http-status-codes http-status-codes StatusCodes (imported)',
    );
  });

  test('an import of @nestjs/common that only brings Controller does NOT count as importing the constants', () => {
    const text = `import { Controller, Get } from '@nestjs/common';\n\n@Controller('x')\nexport class X {}\n`;
    // Nothing else applies: the fallback, not NestJS.
    assert.equal(brief(decide({ text })), 'node node:http2 constants (fallback)');
    // A package.json dependency on another library is not overridden by that import either.
    assert.equal(brief(decide({ text, dependencies: ['http-status-codes'] })), 'http-status-codes http-status-codes StatusCodes (dependency)');
  });

  test('an import of node:http2 that only brings connect does not count; nor does a type-only import', () => {
    assert.equal(
      brief(decide({ text: `import { connect } from 'node:http2';`, dependencies: ['http-status'] })),
      'http-status http-status status (dependency)',
    );
    assert.equal(
      brief(decide({ text: `import type { StatusCodes } from 'http-status-codes';`, dependencies: ['http-status'] })),
      'http-status http-status status (dependency)',
    );
  });

  test('the first import that brings constants wins when a file imports two', () => {
    const text = `import { StatusCodes } from 'http-status-codes';\nimport { HttpStatus } from '@nestjs/common';\n`;
    assert.equal(brief(decide({ text })), 'http-status-codes http-status-codes StatusCodes (imported)');
  });

  test('an import of the project module counts, by its path or by the DocumentedStatus name', () => {
    const module = { specifier: '../http-status', exists: true };
    assert.equal(
      brief(decide({ text: `import { DocumentedStatus } from '../http-status';`, module, dependencies: ['@nestjs/common'] })),
      'module ../http-status DocumentedStatus (imported)',
    );
    assert.equal(brief(decide({ text: `import { something } from '../http-status.js';`, module })), 'module ../http-status.js DocumentedStatus (imported)');
  });

  test('the npm package http-status is not the project module src/http-status.ts, even from a file beside it', () => {
    // From src/app.ts the project module is './http-status'; the bare 'http-status' is the npm package.
    const text = `import { status } from 'http-status';\n`;
    assert.equal(brief(decide({ text, module: { specifier: './http-status', exists: true } })), 'http-status http-status status (imported)');
  });

  test('DocumentedStatus imported under a path alias: the fix imports from where the file already does', () => {
    const source = decide({ text: `import { DocumentedStatus } from '@/http-status';`, module: { specifier: '../http-status', exists: true } });
    assert.equal(brief(source), 'module @/http-status DocumentedStatus (imported)');
  });

  test('dependency: the nearest package.json names a library (the more specific framework first)', () => {
    assert.equal(brief(decide({ dependencies: ['express', '@nestjs/common'] })), 'nestjs @nestjs/common HttpStatus (dependency)');
    assert.equal(brief(decide({ dependencies: ['express', 'http-status-codes'] })), 'http-status-codes http-status-codes StatusCodes (dependency)');
    assert.equal(brief(decide({ dependencies: ['http-status'] })), 'http-status http-status status (dependency)');
    assert.equal(brief(decide({ dependencies: ['http-status', 'http-status-codes', '@nestjs/common'] })), 'nestjs @nestjs/common HttpStatus (dependency)');
  });

  test('a dependency wins over an existing project module', () => {
    assert.equal(
      brief(decide({ dependencies: ['http-status-codes'], module: { specifier: './http-status', exists: true } })),
      'http-status-codes http-status-codes StatusCodes (dependency)',
    );
  });

  test('project module: used when it exists and nothing else applies', () => {
    assert.equal(
      brief(decide({ dependencies: ['express'], module: { specifier: '../../http-status', exists: true } })),
      'module ../../http-status DocumentedStatus (project-module)',
    );
  });

  test('fallback: node:http2 when nothing applies and the module does not exist', () => {
    assert.equal(brief(decide({ dependencies: ['express'], module: { specifier: './http-status', exists: false } })), 'node node:http2 constants (fallback)');
    assert.equal(brief(decide({ text: `import express from 'express';` })), 'node node:http2 constants (fallback)');
  });
});

// ---- node-side inputs, on real folders ----

const roots: string[] = [];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A temporary project: `files` maps relative paths to contents (objects are written as JSON). */
function project(files: Record<string, string | object>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-constants-')));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

const NO_CONFIG: TableInForce = { table: DEFAULT_TABLE, rules: {} };
const AUTO = { source: 'auto' as const, module: '' };

describe('project inputs: package.json, module path, specifier', () => {
  test('nearestDependencies reads dependencies, devDependencies and peerDependencies of the nearest package.json', () => {
    const root = project({
      'package.json': { dependencies: { express: '^4' } },
      'packages/api/package.json': {
        dependencies: { fastify: '^5' },
        devDependencies: { 'http-status-codes': '^2' },
        peerDependencies: { '@nestjs/common': '*' },
      },
      'packages/api/src/routes/orders.ts': '',
    });
    const found = nearestDependencies(path.join(root, 'packages/api/src/routes'));
    assert.deepEqual(found.dependencies.sort(), ['@nestjs/common', 'fastify', 'http-status-codes']);
    assert.equal(found.packageDir, path.join(root, 'packages/api'));
    assert.deepEqual(nearestDependencies(root).dependencies, ['express']);
  });

  test('the module path: src/http-status.ts with a src folder, http-status.ts at the root without one', () => {
    const withSrc = project({ 'package.json': {}, 'src/api/v1/orders.ts': '' });
    assert.equal(projectModulePath(path.join(withSrc, 'src/api/v1'), AUTO, NO_CONFIG, withSrc), path.join(withSrc, 'src', 'http-status.ts'));
    const flat = project({ 'package.json': {}, 'app.ts': '' });
    assert.equal(projectModulePath(flat, AUTO, NO_CONFIG, flat), path.join(flat, 'http-status.ts'));
  });

  test('the module path: the editor setting (relative to the folder), then .statusdoc.json (relative to it)', () => {
    const root = project({ 'package.json': {}, 'src/a.ts': '', 'config/.statusdoc.json': {} });
    const file = path.join(root, 'src/a.ts');
    assert.equal(projectModulePath(path.dirname(file), { source: 'auto', module: 'lib/status.ts' }, NO_CONFIG, root), path.join(root, 'lib', 'status.ts'));
    const inForce: TableInForce = { ...NO_CONFIG, configFile: path.join(root, 'config/.statusdoc.json'), constants: { module: '../shared/codes.ts' } };
    assert.equal(projectModulePath(path.dirname(file), AUTO, inForce, root), path.join(root, 'shared', 'codes.ts'));
  });

  test("the module's relative path from a nested folder: src/api/v1/orders.ts -> '../../http-status'", () => {
    const root = '/project';
    assert.equal(relativeSpecifier(`${root}/src/api/v1`, `${root}/src/http-status.ts`, []), '../../http-status');
    assert.equal(relativeSpecifier(`${root}/src`, `${root}/src/http-status.ts`, []), './http-status');
    assert.equal(relativeSpecifier(`${root}/test`, `${root}/src/http-status.ts`, []), '../src/http-status');
  });

  test('the specifier ends in .js when the file writes its relative imports with .js (ESM under node16)', () => {
    const text = `import { Router } from 'express';\nimport { db } from '../../db.js';\n`;
    const imports = analyzeDocument(text, 'typescript').imports;
    assert.equal(relativeSpecifier('/p/src/api/v1', '/p/src/http-status.ts', imports), '../../http-status.js');
    // A package import ending in .js is not a relative import written with .js.
    const bare = analyzeDocument(`import x from 'chart.js';\nimport { db } from '../db';\n`, 'typescript').imports;
    assert.equal(relativeSpecifier('/p/src/api', '/p/src/http-status.ts', bare), '../http-status');
  });

  test('constantsSourceFor: a package.json dependency, per file', () => {
    const root = project({ 'package.json': { dependencies: { '@nestjs/common': '^11' } }, 'src/orders.controller.ts': '' });
    const file = path.join(root, 'src/orders.controller.ts');
    assert.equal(brief(constantsSourceFor(path.dirname(file), [], AUTO, NO_CONFIG, root)), 'nestjs @nestjs/common HttpStatus (dependency)');
  });

  test('constantsSourceFor: the project module once it exists, with the relative specifier from the file', () => {
    const root = project({ 'package.json': { dependencies: { express: '^4' } }, 'src/api/v1/orders.ts': '' });
    const file = path.join(root, 'src/api/v1/orders.ts');
    assert.equal(brief(constantsSourceFor(path.dirname(file), [], AUTO, NO_CONFIG, root)), 'node node:http2 constants (fallback)');
    fs.writeFileSync(path.join(root, 'src/http-status.ts'), 'export const DocumentedStatus = {} as const;\n');
    assert.equal(brief(constantsSourceFor(path.dirname(file), [], AUTO, NO_CONFIG, root)), 'module ../../http-status DocumentedStatus (project-module)');
  });

  test("constantsSourceFor: .statusdoc.json's constants.source applies when the setting is auto; the setting wins", () => {
    const root = project({ 'package.json': { dependencies: { '@nestjs/common': '^11' } }, 'src/a.ts': '' });
    const file = path.join(root, 'src/a.ts');
    const inForce: TableInForce = { ...NO_CONFIG, configFile: path.join(root, '.statusdoc.json'), constants: { source: 'http-status' } };
    assert.equal(brief(constantsSourceFor(path.dirname(file), [], AUTO, inForce, root)), 'http-status http-status status (setting)');
    assert.equal(brief(constantsSourceFor(path.dirname(file), [], { source: 'node', module: '' }, inForce, root)), 'node node:http2 constants (setting)');
  });
});

describe('the extension of the project module specifier follows the project', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-specifier-')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a file with no relative imports in a node16/nodenext project gets `.js`; in a bundler project, none', () => {
    fs.mkdirSync(path.join(dir, 'esm', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'esm', 'tsconfig.json'), '{\n  // Node ESM\n  "compilerOptions": { "module": "NodeNext", },\n}\n');
    fs.mkdirSync(path.join(dir, 'app', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'app', 'tsconfig.json'), '{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler" } }');
    assert.equal(relativeSpecifier(path.join(dir, 'esm/src'), path.join(dir, 'esm/src/http-status.ts'), []), './http-status.js');
    assert.equal(relativeSpecifier(path.join(dir, 'app/src'), path.join(dir, 'app/src/http-status.ts'), []), './http-status');
  });
});
