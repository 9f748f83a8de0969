/**
 * The CLI's fault table: what the file system refuses (unreadable files and folders, unwritable files under --fix and
 * constants --out), a file changed while --fix works on it, a byte order mark, CR-only line ends, a `#` in a file name,
 * and the options and config mistakes that must get one clear line and the documented exit code (2: could not run).
 * Run as a user the permissions apply to: as root, the CLI is started as nobody (root reads and writes anything).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => {
  for (const dir of made) {
    chmodTree(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const AS_ROOT = process.getuid?.() === 0;
/** The user the permission cases run as when the tests run as root. */
const NOBODY = 65534;
const NO_PERMISSIONS = process.platform === 'win32' && 'file permissions are not POSIX modes on Windows';

/** A POST answering 200 where the table says 201: one fixable error. */
const WRONG = 'app.post("/x", (req, res) => res.status(200));\n';
const FIXED = 'app.post("/x", (req, res) => res.status(201));\n';

function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-faults-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  if (AS_ROOT) chownTree(dir, NOBODY);
  return dir;
}

function chownTree(target: string, uid: number): void {
  fs.chownSync(target, uid, uid);
  if (fs.statSync(target).isDirectory()) for (const name of fs.readdirSync(target)) chownTree(path.join(target, name), uid);
}

function chmodTree(target: string, mode: number): void {
  try {
    fs.chmodSync(target, mode);
    if (fs.lstatSync(target).isDirectory()) for (const name of fs.readdirSync(target)) chmodTree(path.join(target, name), mode);
  } catch {
    // Already gone.
  }
}

/** The bundled CLI, as nobody when the tests run as root; the compiler's code cache off (nobody has no home). */
function run(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, STATUSDOC_CODE_CACHE: 'off' },
    ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('what the file system refuses: one line naming the file and the reason, the rest of the run, exit 2', () => {
  test('an unreadable file', { skip: NO_PERMISSIONS }, () => {
    const dir = project({ 'a.ts': WRONG, 'b.ts': WRONG });
    fs.chmodSync(path.join(dir, 'a.ts'), 0o000);
    const { code, stdout, stderr } = run(dir, 'check', '.');
    assert.equal(code, 2, stderr);
    assert.deepEqual(lines(stderr), ['statusdoc: skipped a.ts: cannot be read: permission denied (EACCES)']);
    assert.match(stdout, /^b\.ts:1:41 error wrong-success-code/m, 'the other file is checked');
    assert.match(stdout, /^a\.ts: not checked: cannot be read: permission denied \(EACCES\)$/m);
    assert.equal(run(dir, 'sites', '.').code, 2, 'sites too');
  });

  test('an unreadable folder', { skip: NO_PERMISSIONS }, () => {
    const dir = project({ 'private/c.ts': WRONG, 'b.ts': WRONG });
    fs.chmodSync(path.join(dir, 'private'), 0o000);
    const { code, stdout, stderr } = run(dir, 'check', '.');
    assert.equal(code, 2, stderr);
    assert.deepEqual(lines(stderr), ['statusdoc: skipped the folder private: cannot be read: permission denied (EACCES)']);
    assert.match(stdout, /^b\.ts:1:41 error wrong-success-code/m);
    // A file named under it cannot even be looked at: named as the path it is, not as a folder.
    const named = run(dir, 'check', 'private/c.ts', 'b.ts');
    assert.equal(named.code, 2);
    assert.deepEqual(lines(named.stderr), [`statusdoc: skipped ${path.join('private', 'c.ts')}: cannot be read: permission denied (EACCES)`]);
  });

  test('--fix on files it may not write; the files after them are still fixed', { skip: NO_PERMISSIONS }, () => {
    const dir = project({ 'a.ts': WRONG, 'b.ts': WRONG, 'locked/c.ts': WRONG, 'z.ts': WRONG });
    fs.chmodSync(path.join(dir, 'a.ts'), 0o444);
    fs.chmodSync(path.join(dir, 'locked'), 0o555);
    const { code, stdout, stderr } = run(dir, 'check', '--fix', '.');
    assert.equal(code, 2, stderr);
    assert.deepEqual(lines(stderr), [
      'statusdoc: could not write the fixes to a.ts: permission denied (EACCES)',
      `statusdoc: could not write the fixes to ${path.join('locked', 'c.ts')}: permission denied (EACCES)`,
      'statusdoc: fixed 2 problems in 2 files',
    ]);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8'), WRONG);
    assert.equal(fs.readFileSync(path.join(dir, 'locked', 'c.ts'), 'utf8'), WRONG);
    assert.equal(fs.readFileSync(path.join(dir, 'b.ts'), 'utf8'), FIXED);
    assert.equal(fs.readFileSync(path.join(dir, 'z.ts'), 'utf8'), FIXED);
    assert.match(stdout, /^a\.ts:1:41 error wrong-success-code/m, 'what was not written is still reported');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'locked')), ['c.ts'], 'no temporary file left');
  });

  test('constants --out to a folder, or where it may not write', { skip: NO_PERMISSIONS }, () => {
    const dir = project({ 'src/a.ts': WRONG, 'locked/keep.txt': '' });
    fs.chmodSync(path.join(dir, 'locked'), 0o555);
    const folder = run(dir, 'constants', '--out', 'src');
    assert.deepEqual(folder, { code: 2, stdout: '', stderr: 'statusdoc: could not write src: illegal operation on a directory (EISDIR)\n' });
    const locked = run(dir, 'constants', '--out', 'locked/http-status.ts');
    assert.deepEqual(locked, {
      code: 2,
      stdout: '',
      stderr: `statusdoc: could not write ${path.join('locked', 'http-status.ts')}: permission denied (EACCES)\n`,
    });
  });
});

describe('--fix and a concurrent edit', () => {
  /** Whether reading a file moves its access time here (relatime does when the atime is older than the mtime). */
  function readsAreSeen(): boolean {
    const dir = project({ 'probe.txt': 'x' });
    const probe = path.join(dir, 'probe.txt');
    fs.utimesSync(probe, 0, fs.statSync(probe).mtime);
    fs.readFileSync(probe);
    return fs.statSync(probe).atimeMs > 0;
  }

  test(
    'a line appended while --fix works on the file is kept, and the file is left for the next run',
    { skip: !readsAreSeen() && 'this file system does not record reads (noatime)' },
    async () => {
      // Large enough that its analysis takes far longer than noticing the read and appending a line.
      const big = `${WRONG}${'export const value = [1, 2, 3].map((n) => n * 2);\n'.repeat(40_000)}`;
      const dir = project({ 'big.ts': big });
      const file = path.join(dir, 'big.ts');
      fs.utimesSync(file, 0, fs.statSync(file).mtime);
      // --no-project: the route index would read the file first, and the edit must land after the read --fix works on.
      const child = spawn(process.execPath, [CLI, 'check', '--fix', '--no-project', '--concurrency', '1', 'big.ts'], {
        cwd: dir,
        env: { ...process.env, STATUSDOC_CODE_CACHE: 'off' },
        ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The CLI has read the file once its access time moves: the edit lands between its read and its write.
      while (fs.statSync(file).atimeMs === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      fs.appendFileSync(file, '// typed while statusdoc was running\n');
      const code = await exited;
      assert.equal(fs.readFileSync(file, 'utf8'), `${big}// typed while statusdoc was running\n`, 'the edit is kept and nothing else changed');
      assert.equal(code, 1, stderr);
      assert.match(stderr, /^statusdoc: did not fix big\.ts: it changed while statusdoc was checking it; run --fix again$/m);
    },
  );
});

describe('what the editor shows, the CLI counts', () => {
  /** The position the server reports for an offset: it converts with this library over the editor's text. */
  const editorPosition = (text: string, offset: number) => TextDocument.create('file:///x.ts', 'typescript', 0, text).positionAt(offset);

  test('a byte order mark is not part of the text: columns as in the editor, and --fix keeps it', () => {
    const dir = project({ 'bom.ts': `\uFEFF${WRONG}` });
    const { code, stdout } = run(dir, 'check', '--format', 'json', 'bom.ts');
    assert.equal(code, 1);
    const [message] = JSON.parse(stdout)[0].messages;
    const at = editorPosition(WRONG, WRONG.indexOf('200'));
    assert.deepEqual([message.line, message.column], [at.line + 1, at.character + 1]);
    run(dir, 'check', '--fix', 'bom.ts');
    assert.equal(fs.readFileSync(path.join(dir, 'bom.ts'), 'utf8'), `\uFEFF${FIXED}`);
  });

  test('CR-only line ends are line ends, as the editor counts them (check and sites)', () => {
    const text = 'app.post("/x", (req, res) => {\r  res.status(200);\r});\r';
    const dir = project({ 'cr.ts': text });
    const at = editorPosition(text, text.indexOf('200'));
    assert.deepEqual([at.line, at.character], [1, 13]);
    const [message] = JSON.parse(run(dir, 'check', '--format', 'json', 'cr.ts').stdout)[0].messages;
    assert.deepEqual([message.line, message.column, message.endLine, message.endColumn], [2, 14, 2, 17]);
    const [site] = JSON.parse(run(dir, 'sites', '--format', 'json', 'cr.ts').stdout);
    assert.deepEqual([site.line, site.column], [2, 14]);
  });

  test('SARIF: a file name with "#" or a space is percent-encoded, and its URI resolves to that file', () => {
    const dir = project({ 'has#hash.ts': WRONG, 'with space.ts': WRONG });
    const { stdout } = run(dir, 'check', '--format', 'sarif', '.');
    const sarif = JSON.parse(stdout);
    const base = sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    const uris: string[] = sarif.runs[0].results.map(
      (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri,
    );
    assert.deepEqual(uris, ['has%23hash.ts', 'with%20space.ts']);
    assert.deepEqual(
      uris.map((uri) => fileURLToPath(new URL(uri, base))),
      ['has#hash.ts', 'with space.ts'].map((name) => path.join(dir, name)),
    );
  });
});

test('SARIF shards merge in the order one run gives, though encoding reorders the names ("a .ts" < "a!.ts" < "a%20.ts")', () => {
  const dir = project({ 'a .ts': WRONG, 'a!.ts': WRONG });
  const whole = run(dir, 'check', '--format', 'sarif', '.').stdout;
  fs.writeFileSync(path.join(dir, 'one.sarif'), run(dir, 'check', '--format', 'sarif', 'a .ts').stdout);
  fs.writeFileSync(path.join(dir, 'two.sarif'), run(dir, 'check', '--format', 'sarif', 'a!.ts').stdout);
  const merged = run(dir, 'merge', 'two.sarif', 'one.sarif').stdout;
  const uris = (text: string) =>
    JSON.parse(text).runs[0].results.map(
      (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri,
    );
  assert.deepEqual(uris(whole), ['a%20.ts', 'a!.ts']);
  assert.deepEqual(uris(merged), uris(whole));
});

describe('options and config: one clear line and exit 2', () => {
  test('--max-warnings takes a whole number in decimal digits', () => {
    const dir = project({ 'a.ts': 'app.get("/x", (req, res) => res.status(418));\n' });
    for (const value of ['', '0x10', '1.5', '-1', ' 1']) {
      const { code, stderr } = run(dir, 'check', `--max-warnings=${value}`, '.');
      assert.equal(code, 2, `--max-warnings "${value}"`);
      assert.match(stderr, /--max-warnings takes a whole number from 0 up/);
    }
    assert.equal(run(dir, 'check', '--max-warnings', '0', '.').code, 1, 'one warning is more than 0');
    assert.equal(run(dir, 'check', '--max-warnings', '1', '.').code, 0);
  });

  test('a missing path: one line, not the whole usage', () => {
    const dir = project({ 'a.ts': WRONG });
    assert.deepEqual(run(dir, 'check', 'nope'), { code: 2, stdout: '', stderr: 'statusdoc: no such file or folder: nope\n' });
  });

  test('a broken table stops the run without claiming the default table is used', () => {
    const dir = project({ 'codes.md': '| Code | Meaning |\n|---|---|\n| 2O1 | x |\n', 'a.ts': WRONG });
    const { code, stderr } = run(dir, 'check', '--table', 'codes.md', '.');
    assert.equal(code, 2);
    assert.equal(stderr, `statusdoc: bad table: ${path.join(dir, 'codes.md')}:3: row 1: expected a status code from 100 to 599, found "2O1"\n`);
  });

  test('a table YAML of several documents: a sentence for its author', () => {
    const dir = project({ 'codes.yaml': 'codes:\n  - code: 201\n    meaning: POST.\n---\nmore: 1\n', 'a.ts': WRONG });
    const { code, stderr } = run(dir, 'check', '--table', 'codes.yaml', '.');
    assert.equal(code, 2);
    assert.match(stderr, /codes\.yaml:4: the file holds more than one YAML document \(a "---" line between them\); keep the table as its only document\n$/);
    assert.doesNotMatch(stderr, /parseAllDocuments/);
  });

  test('.statusdoc.json: a byte order mark is accepted; its problems name the file, not a "bad table"', () => {
    const dir = project({ '.statusdoc.json': '\uFEFF{ "rules": { "wrong-success-code": "off" } }', 'a.ts': WRONG });
    assert.deepEqual(run(dir, 'check', '.'), { code: 0, stdout: '✔ no problems in 1 file\n', stderr: '' });
    fs.writeFileSync(path.join(dir, '.statusdoc.json'), '{ "rules": [] }');
    const broken = run(dir, 'check', '.');
    assert.equal(broken.code, 2);
    assert.equal(broken.stderr, `statusdoc: ${path.join(dir, '.statusdoc.json')}: "rules" must be an object of rule id to severity\n`);
  });

  test('.statusdoc.json: unknown keys are named, and the run stops like for an unknown rule id', () => {
    const dir = project({ '.statusdoc.json': '{ "tabel": "codes.md", "constants": { "modul": "x.ts" } }', 'a.ts': WRONG });
    const { code, stdout, stderr } = run(dir, 'check', '.');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      `statusdoc: ${path.join(dir, '.statusdoc.json')}: unknown keys "tabel", "constants.modul", ignored (known: table, rules, constants.source, constants.module, apis)\n`,
    );
  });
});
