/**
 * eslint-plugin-statusdoc as a package: its package.json, each rule's meta (documentation link, fixable, suggestions),
 * the recommended config, and the README's eslint.config.mjs, pasted into a project and run by ESLint.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { RULES } from '../../server/src/core';
import { loadPlugin, PLUGIN_DIR, ROOT } from './eslintPlugin';

const plugin = loadPlugin();
const manifest = JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, 'package.json'), 'utf8'));

/** GitHub's anchor of a heading: lower case, punctuation dropped but hyphens, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

test('package.json: the name, the main file built, ESLint 9 as a peer, and only what ships in files', () => {
  assert.equal(manifest.name, 'eslint-plugin-statusdoc');
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.peerDependencies.eslint, '>=9');
  assert.ok(fs.existsSync(path.join(PLUGIN_DIR, manifest.main)), manifest.main);
  assert.deepEqual([...manifest.files].sort(), [manifest.main, 'LICENSE', 'README.md'].sort());
  for (const file of manifest.files) assert.ok(fs.existsSync(path.join(PLUGIN_DIR, file)), file);
  assert.deepEqual(plugin.meta, { name: manifest.name, version: manifest.version });
});

test('npm pack: the bundle, README, LICENSE and package.json, nothing else; prepack builds first', () => {
  // --ignore-scripts: the listing only; prepack's production build would rewrite the bundles other tests are running.
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PLUGIN_DIR, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const [tarball] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
  assert.deepEqual(tarball.files.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'dist/index.js', 'package.json']);
  assert.match(manifest.scripts.prepack, /scripts\/build\.mjs --production/);
});

test("each rule's documentation is its section of the README, on the repository package.json names", () => {
  const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  const anchors = new Set(
    fs
      .readFileSync(path.join(ROOT, 'README.md'), 'utf8')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => anchorOf(line.replace(/^#+ /, ''))),
  );
  assert.deepEqual(Object.keys(plugin.rules).sort(), [...RULES.map((rule) => rule.id), 'prefer-named-constant'].sort());
  for (const [id, rule] of Object.entries(plugin.rules)) {
    const url = rule.meta?.docs?.url ?? '';
    assert.equal(url, `${repository}/blob/HEAD/README.md#${id}`);
    assert.ok(anchors.has(id), `README.md has a section "${id}"`);
  }
});

test('fixable where statusdoc has a safe fix, suggestions for prefer-named-constant', () => {
  const meta = (id: string) => plugin.rules[id].meta!;
  assert.equal(meta('wrong-success-code').fixable, 'code');
  assert.equal(meta('implicit-success-code').fixable, 'code');
  assert.equal(meta('undocumented-code').fixable, undefined);
  assert.equal(meta('prefer-named-constant').fixable, undefined);
  assert.equal(meta('prefer-named-constant').hasSuggestions, true);
});

test("configs.recommended: statusdoc's rules at their default levels, prefer-named-constant off", () => {
  const { recommended } = plugin.configs;
  assert.equal(recommended.plugins?.statusdoc, plugin);
  assert.deepEqual(recommended.rules, {
    ...Object.fromEntries(RULES.map((rule) => [`statusdoc/${rule.id}`, rule.defaultSeverity === 'error' ? 'error' : 'warn'])),
    'statusdoc/prefer-named-constant': 'off',
  });
});

/** The first ```js block that starts with `// eslint.config.mjs`. */
function configBlock(readme: string): string {
  const block = /```js\n(\/\/ eslint\.config\.mjs\n[\s\S]*?)```/.exec(fs.readFileSync(readme, 'utf8'));
  assert.ok(block, `${path.relative(ROOT, readme)} has an eslint.config.mjs block`);
  return block[1];
}

for (const readme of [path.join(ROOT, 'README.md'), path.join(PLUGIN_DIR, 'README.md')]) {
  test(`the eslint.config.mjs of ${path.relative(ROOT, readme)} works pasted into a project`, async () => {
    const project = path.join(ROOT, 'test/.tmp/eslint-readme', path.basename(path.dirname(readme)));
    fs.rmSync(project, { recursive: true, force: true });
    fs.mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    // As `npm install eslint-plugin-statusdoc` would leave it; typescript-eslint resolves from the repo's node_modules.
    fs.symlinkSync(PLUGIN_DIR, path.join(project, 'node_modules/eslint-plugin-statusdoc'), 'dir');
    fs.writeFileSync(path.join(project, 'eslint.config.mjs'), configBlock(readme));
    fs.cpSync(path.join(ROOT, 'examples/express/orders.ts'), path.join(project, 'src/orders.ts'));
    fs.writeFileSync(path.join(project, 'src/legacy.js'), "app.delete('/orders/:id', (req, res) => res.status(200).end());\n");

    const results = await new ESLint({ cwd: project }).lintFiles(['src']);
    const found = results.flatMap((result) => result.messages.map((m) => `${path.basename(result.filePath)} ${m.ruleId} ${m.line}`));
    assert.ok(found.includes('orders.ts statusdoc/wrong-success-code 20'), found.join('\n'));
    assert.ok(found.includes('orders.ts statusdoc/undocumented-code 45'), found.join('\n'));
    assert.ok(found.includes('orders.ts statusdoc/prefer-named-constant 9'), found.join('\n'));
    assert.ok(found.includes('legacy.js statusdoc/wrong-success-code 1'), found.join('\n'));
  });
}
