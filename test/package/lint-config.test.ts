/**
 * The project's invariants that eslint.config.mjs states as rules, checked by linting small texts in place of real
 * files (the type-aware rules need a path the TypeScript project knows; the files themselves are not read), so a
 * config change that silently drops a rule fails here.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** Stand-ins: any file of the project at that place would do. */
const CORE_FILE = 'server/src/core/text.ts';
const SHELL_FILE = 'server/src/settings.ts';
const FEATURE_FILE = 'server/src/features/hover.ts';
const TEST_FILE = 'test/unit/checks.test.ts';

/** The rule ids ESLint reports for `text` placed at `file` (relative to the repository root). */
async function rulesFiredFor(file: string, text: string): Promise<string[]> {
  assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists (pick another stand-in if it moved)`);
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

test('the core imports no editor, no Node built-in and no process', async () => {
  for (const source of ['vscode', 'vscode-languageserver', 'node:fs', 'fs', 'path', 'child_process']) {
    assert.deepEqual(await rulesFiredFor(CORE_FILE, `import * as probe from '${source}';\nexport const x = probe;\n`), ['no-restricted-imports'], source);
  }
  assert.deepEqual(await rulesFiredFor(CORE_FILE, 'export const cwd = process.cwd();\n'), ['no-restricted-globals']);
  assert.deepEqual(await rulesFiredFor(CORE_FILE, "import { LineIndex } from './text';\nexport const x = LineIndex;\n"), []);
  // Outside the core, Node is what the shells are for.
  assert.deepEqual(await rulesFiredFor(SHELL_FILE, "import * as fs from 'node:fs';\nexport const x = fs;\n"), []);
});

test('outside the core, the core is reached through its front door only', async () => {
  assert.deepEqual(await rulesFiredFor(FEATURE_FILE, "import { RULES } from '../core/checks/rules';\nexport const x = RULES;\n"), ['no-restricted-imports']);
  assert.deepEqual(await rulesFiredFor(SHELL_FILE, "import { RULES } from './core/checks';\nexport const x = RULES;\n"), ['no-restricted-imports']);
  assert.deepEqual(await rulesFiredFor(FEATURE_FILE, "import { RULES } from '../core';\nexport const x = RULES;\n"), []);
  // Inside the core, modules import each other directly.
  assert.deepEqual(await rulesFiredFor(CORE_FILE, "import { RULES } from './checks/rules';\nexport const x = RULES;\n"), []);
});

test('a promise nobody handles is an error, node:test calls and `void` are not', async () => {
  assert.deepEqual(await rulesFiredFor(SHELL_FILE, 'async function work(): Promise<void> {}\nexport function go(): void {\n  work();\n}\n'), [
    '@typescript-eslint/no-floating-promises',
  ]);
  assert.deepEqual(await rulesFiredFor(SHELL_FILE, 'async function work(): Promise<void> {}\nexport function go(): void {\n  void work();\n}\n'), []);
  assert.deepEqual(await rulesFiredFor(TEST_FILE, "import { test } from 'node:test';\ntest('x', async () => {});\n"), []);
});
