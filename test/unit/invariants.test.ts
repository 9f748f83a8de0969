/** Architecture rules that code review alone would let slip. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { normalizeSettings } from '../../server/src/settings';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

test('the core is pure: no vscode, no node built-ins, no process', () => {
  const core = path.resolve(__dirname, '../../server/src/core');
  const offenders: string[] = [];
  for (const file of filesUnder(core)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)) {
      if (/^(vscode|node:|fs$|path$|os$|child_process$)/.test(match[1])) offenders.push(`${path.relative(core, file)} imports ${match[1]}`);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g, '');
    if (/\bprocess\.|\brequire\(/.test(code)) offenders.push(`${path.relative(core, file)} uses process or require`);
  }
  assert.deepEqual(offenders, []);
});

test('settings get their defaults on the server, and bad values fall back', () => {
  const defaults = { table: '', language: 'auto', rules: {}, constants: { source: 'auto', module: '' }, inlayHints: true };
  assert.deepEqual(normalizeSettings(undefined), defaults);
  assert.deepEqual(normalizeSettings({ table: ' docs/s.md ', language: 'zh-cn', constants: { source: 'nestjs', module: 'src/codes.ts' }, inlayHints: false }), {
    ...defaults,
    table: 'docs/s.md',
    language: 'zh-cn',
    constants: { source: 'nestjs', module: 'src/codes.ts' },
    inlayHints: false,
  });
  assert.deepEqual(normalizeSettings({ table: 42, language: 'fr', rules: 'x', constants: { source: 'express' }, inlayHints: 'yes' }), defaults);
  assert.deepEqual(
    normalizeSettings({ rules: { 'undocumented-code': 'off', 'wrong-success-code': 'loud', nonsense: 'error' } }).rules,
    { 'undocumented-code': 'off' },
  );
});
