/** Architecture rules that code review alone would let slip. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { normalizeSettings } from '../../server/src/settings';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

test('the core is pure: no vscode, no node built-ins, no process', () => {
  const core = path.resolve(__dirname, '../../server/src/core');
  const offenders: string[] = [];
  for (const file of filesUnder(core)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)) {
      if (/^(vscode|node:|fs$|path$|os$|child_process$)/.test(match[1])) offenders.push(`${path.relative(core, file)} imports ${match[1]}`);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g, (literal) => (literal.startsWith("'./") ? literal : "''"));
    // A lazy require of another core module (the TypeScript adapter, loaded on first use) does no I/O of its own.
    if (/\bprocess\.|\brequire\((?!'\.\/)/.test(code)) offenders.push(`${path.relative(core, file)} uses process or require`);
  }
  assert.deepEqual(offenders, []);
});

test('settings get their defaults on the server, and bad values fall back', () => {
  const defaults = {
    table: '',
    language: 'auto',
    rules: {},
    constants: { source: 'auto', module: '' },
    inlayHints: true,
    maxFileSizeMB: 16,
    maxCodeFileSizeMB: 1,
  };
  assert.deepEqual(normalizeSettings(undefined), defaults);
  assert.deepEqual(normalizeSettings({ table: ' docs/s.md ', language: 'zh-cn', constants: { source: 'nestjs', module: 'src/codes.ts' }, inlayHints: false }), {
    ...defaults,
    table: 'docs/s.md',
    language: 'zh-cn',
    constants: { source: 'nestjs', module: 'src/codes.ts' },
    inlayHints: false,
  });
  assert.deepEqual(
    normalizeSettings({
      table: 42,
      language: 'fr',
      rules: 'x',
      constants: { source: 'express' },
      inlayHints: 'yes',
      maxFileSizeMB: -1,
      maxCodeFileSizeMB: '2',
    }),
    defaults,
  );
  assert.deepEqual(normalizeSettings({ rules: { 'undocumented-code': 'off', 'wrong-success-code': 'loud', nonsense: 'error' } }).rules, {
    'undocumented-code': 'off',
  });
});

/** Value imports (not `import type`) of a file, as paths relative to `root`. */
function valueImports(file: string, root: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from '(\.[^']+)'/gms)) {
    if (match[2]) continue;
    found.push(path.relative(root, path.resolve(path.dirname(file), match[3])));
  }
  for (const match of text.matchAll(/\brequire\('(\.[^']+)'\)/g)) found.push(path.relative(root, path.resolve(path.dirname(file), match[1])));
  return found;
}

test('the shells and the plugins reach the core only through its front door (core/index.ts)', () => {
  const src = path.resolve(__dirname, '../../server/src');
  const packages = path.resolve(__dirname, '../../packages');
  const pluginSources = fs.existsSync(packages)
    ? fs.readdirSync(packages).flatMap((name) => (fs.existsSync(path.join(packages, name, 'src')) ? filesUnder(path.join(packages, name, 'src')) : []))
    : [];
  const offenders: string[] = [];
  for (const file of [...filesUnder(src).filter((f) => !f.startsWith(path.join(src, 'core') + path.sep)), ...pluginSources]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
      const target = path.relative(src, path.resolve(path.dirname(file), match[1]));
      if (target.startsWith('core' + path.sep)) offenders.push(`${path.relative(src, file)} imports ${target}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('no core module imports upward: checks never import fixes, the adapters never import the features', () => {
  const core = path.resolve(__dirname, '../../server/src/core');
  // Lower layers first; a module may import its own layer and the layers below it.
  const layers = [
    // Plain data and words: what every layer may read.
    ['text', 'limits', 'httpStatus', 'messages/', 'vocabulary', 'constants/libraries', 'table/problems', 'routes/paths'],
    ['table/'],
    ['spec/'],
    ['sites/'],
    ['document'],
    ['routes/'],
    ['checks/'],
    ['constants/', 'fixes/'],
    ['hover', 'completion', 'matrix/'],
    ['index'],
  ];
  const layerOf = (relative: string) => {
    const name = relative.replace(/\.ts$/, '');
    const index = layers.findIndex((layer) =>
      layer.some((entry) => (entry.endsWith('/') ? name.startsWith(entry) || name === entry.slice(0, -1) : name === entry)),
    );
    assert.ok(index >= 0, `${relative} belongs to a layer`);
    return index;
  };
  const offenders: string[] = [];
  for (const file of filesUnder(core)) {
    const from = path.relative(core, file).split(path.sep).join('/');
    for (const target of valueImports(file, core)) {
      const to = target.split(path.sep).join('/');
      if (layerOf(to) > layerOf(from)) offenders.push(`${from} imports ${to}`);
    }
  }
  assert.deepEqual(offenders, []);
});
