/** `npm run package` builds a .vsix holding the bundles, grammar, manifest, docs, translations and icon, nothing else. */
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

test('the .vsix holds exactly what VS Code loads', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-vsix-')), 'statusdoc.vsix');
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: ROOT, stdio: 'pipe' });
  const syntaxes = path.join(ROOT, 'syntaxes');
  const grammars = fs.existsSync(syntaxes) ? fs.readdirSync(syntaxes).filter((file) => file.endsWith('.tmLanguage.json')) : [];
  assert.deepEqual(
    await entriesOf(out),
    [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/client/out/extension.js',
      'extension/images/icon.png',
      'extension/l10n/bundle.l10n.zh-cn.json',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/readme.md',
      'extension/schemas/statusdoc.schema.json',
      'extension/server/out/cli.js',
      'extension/server/out/server.js',
      'extension/server/out/typescript.js',
      ...grammars.map((file) => `extension/syntaxes/${file}`),
    ].sort(),
  );
  assert.ok(fs.statSync(out).size < 5 * 1024 * 1024, 'under 5 MiB');
});
