/** The manifest, the README, the server's defaults, the schemas and the translations must tell the same story. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_IDS, SEVERITY_SETTINGS } from '../../server/src/core/checks/rules';
import { CONSTANTS_SETTINGS } from '../../server/src/core/constants/source';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const properties: Record<string, { default: unknown; enum?: string[]; properties?: Record<string, { enum: string[] }> }> =
  manifest.contributes.configuration.properties;

/** Where each setting lives in the server's Settings (trace.server is the client library's own). */
const SERVER_DEFAULTS: Record<string, unknown> = {
  'statusdoc.table': DEFAULT_SETTINGS.table,
  'statusdoc.language': DEFAULT_SETTINGS.language,
  'statusdoc.rules': DEFAULT_SETTINGS.rules,
  'statusdoc.constants.source': DEFAULT_SETTINGS.constants.source,
  'statusdoc.constants.module': DEFAULT_SETTINGS.constants.module,
  'statusdoc.inlayHints': DEFAULT_SETTINGS.inlayHints,
  'statusdoc.maxFileSizeMB': DEFAULT_SETTINGS.maxFileSizeMB,
  'statusdoc.maxCodeFileSizeMB': DEFAULT_SETTINGS.maxCodeFileSizeMB,
  'statusdoc.trace.server': 'off',
};

test('every setting has the server default, and the server reads no setting the manifest lacks', () => {
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(SERVER_DEFAULTS).sort());
  for (const [key, expected] of Object.entries(SERVER_DEFAULTS)) assert.deepEqual(properties[key].default, expected, key);
});

test('the README settings table lists every setting with its default', () => {
  const readme = read('README.md');
  for (const [key, property] of Object.entries(properties)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
    assert.ok(row, `README has a row for ${key}`);
    assert.ok(row.includes(`\`${JSON.stringify(property.default)}\``), `${key}: README shows default ${JSON.stringify(property.default)}: ${row}`);
  }
});

test('rule ids, severities and constants sources agree across manifest, .statusdoc.json schema and server', () => {
  const schema = JSON.parse(read('schemas/statusdoc.schema.json'));
  assert.deepEqual(Object.keys(properties['statusdoc.rules'].properties!), [...RULE_IDS]);
  assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
  for (const id of RULE_IDS) {
    assert.deepEqual(properties['statusdoc.rules'].properties![id].enum, [...SEVERITY_SETTINGS]);
    assert.deepEqual(schema.properties.rules.properties[id].enum, [...SEVERITY_SETTINGS]);
  }
  assert.deepEqual(properties['statusdoc.constants.source'].enum, [...CONSTANTS_SETTINGS]);
  assert.deepEqual(schema.properties.constants.properties.source.enum, [...CONSTANTS_SETTINGS]);
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.statusdoc.json', url: './schemas/statusdoc.schema.json' }]);
  const readme = read('README.md');
  for (const id of RULE_IDS) assert.match(readme, new RegExp(`^### ${id}$`, 'm'), `README documents ${id}`);
});

test('every %key% of the manifest is translated, in English and Simplified Chinese, and no key is unused', () => {
  const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]).sort();
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const bundle = JSON.parse(read(file));
    assert.deepEqual(Object.keys(bundle).sort(), [...new Set(used)].sort(), file);
    for (const [key, value] of Object.entries(bundle)) assert.ok(typeof value === 'string' && value.length > 0, `${file}: ${key}`);
  }
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  assert.match(zh['command.openTable'], /[\u4e00-\u9fff]/, 'the Chinese bundle is Chinese');
});

test('every client string is in the zh-cn l10n bundle', () => {
  const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
  const sources = fs
    .readdirSync(path.join(ROOT, 'client/src'))
    .map((file) => read(path.join('client/src', file)))
    .join('\n');
  const strings = [...sources.matchAll(/vscode\.l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g)].map((match) => match[1].replace(/\\n/g, '\n').replace(/\\'/g, "'"));
  assert.ok(strings.length >= 4);
  for (const string of strings) assert.ok(string in bundle, `missing zh-cn for: ${string}`);
  assert.equal(manifest.l10n, './l10n');
});

test('commands: every contributed command is registered by the client or the server, and the other way round', () => {
  const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
  const client = [...read('client/src/extension.ts').matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1]);
  const server = [...read('server/src/features/constants.ts').matchAll(/_COMMAND = '([^']+)'/g)].map((match) => match[1]);
  assert.deepEqual([...client, ...server].sort(), contributed);
  // Run from a code lens only (statusdoc.showLocations): the client registers it, the palette does not offer it.
  const lensOnly = [...read('server/src/features/codeLens.ts').matchAll(/_COMMAND = '([^']+)'/g)].map((match) => match[1]);
  const hidden = (manifest.contributes.menus?.commandPalette ?? []) as { command: string; when?: string }[];
  for (const command of lensOnly) {
    assert.ok(client.includes(command), `the client registers ${command}`);
    assert.ok(
      hidden.some((entry) => entry.command === command && entry.when === 'false'),
      `${command} is hidden from the command palette`,
    );
  }
});

test('the manifest targets VS Code 1.91 like vscode-languageclient, and activates where it serves', () => {
  assert.equal(manifest.engines.vscode, '^1.91.0');
  assert.equal(JSON.parse(read('node_modules/vscode-languageclient/package.json')).engines.vscode, '^1.91.0');
  assert.equal(manifest.devDependencies['@types/vscode'], '1.91.0', 'no API newer than the engine');
  for (const language of ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'yaml']) {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
  }
  assert.ok(manifest.activationEvents.includes('workspaceContains:**/.statusdoc.json'));
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['statusdoc.table', 'statusdoc.constants.module']);
  assert.deepEqual(manifest.categories, ['Linters']);
});

test('the injection grammar is contributed for TS/JS/YAML and exists', () => {
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.scopeName, 'statusdoc.injection');
  assert.deepEqual(grammar.injectTo, ['source.ts', 'source.tsx', 'source.js', 'source.yaml']);
  assert.equal(JSON.parse(read(grammar.path)).scopeName, 'statusdoc.injection');
});
