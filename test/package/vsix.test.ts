/**
 * `npm run package` builds a .vsix holding the client and server bundles (minified), the compiler the server loads,
 * grammar, manifest, docs and the README's images, translations and icon — nothing else: not the CLI bundle, which
 * the extension never loads (the CLI is the npm package, packages/cli).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import yauzl from 'yauzl';

const ROOT = path.resolve(__dirname, '../..');

function entriesOf(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: { fileName: string }) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** What VS Code loads, as `vsce ls` names the files and the .vsix holds them under extension/. */
const SHIPPED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'client/out/extension.js',
  'docs/hover.png',
  'images/icon.png',
  'images/matrix.png',
  'l10n/bundle.l10n.zh-cn.json',
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'schemas/statusdoc.schema.json',
  'server/out/server.js',
  'server/out/typescript.js',
];

function grammars(): string[] {
  const syntaxes = path.join(ROOT, 'syntaxes');
  return fs.existsSync(syntaxes) ? fs.readdirSync(syntaxes).filter((file) => file.endsWith('.tmLanguage.json')) : [];
}

test('vsce ls lists what VS Code loads, and no CLI bundle', () => {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.deepEqual(listed.trim().split('\n').sort(), [...SHIPPED, ...grammars().map((file) => `syntaxes/${file}`)].sort());
});

test('every image the README shows is packaged or an absolute https URL (the Marketplace can show it)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]*src="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(images.length > 0, 'the README shows an image');
  for (const image of images) assert.ok(image.startsWith('https://') || SHIPPED.includes(image), `${image} is neither packaged nor absolute`);
});

test('the .vsix holds exactly what VS Code loads', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-vsix-')), 'statusdoc.vsix');
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: ROOT, stdio: 'pipe' });
  assert.deepEqual(
    await entriesOf(out),
    [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      // vsce renames these three.
      ...SHIPPED.map((file) => ({ LICENSE: 'LICENSE.txt', 'CHANGELOG.md': 'changelog.md', 'README.md': 'readme.md' })[file] ?? file).map(
        (file) => `extension/${file}`,
      ),
      ...grammars().map((file) => `extension/syntaxes/${file}`),
    ].sort(),
  );
  // vsce runs vscode:prepublish, the production build: minified, no source maps.
  for (const bundle of ['client/out/extension.js', 'server/out/server.js']) {
    const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
    assert.ok(!text.includes('sourceMappingURL'), `${bundle}: no source map`);
    // Minified code runs on for thousands of characters a line (template literals keep their own line breaks).
    assert.ok(text.length / text.split('\n').length > 1000, `${bundle}: minified`);
  }
  assert.ok(fs.statSync(out).size < 1.5 * 1024 * 1024, `under 1.5 MiB (${fs.statSync(out).size} bytes)`);
});
