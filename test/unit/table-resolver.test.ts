/** TableResolver on real folders: which table is in force, and what happens when the doc or the config breaks. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULE_IDS } from '../../server/src/core/checks/rules';
import { DEFAULT_TABLE } from '../../server/src/core/table/defaultTable';
import { caughtText } from '../../server/src/core/table/problems';
import { CONFIG_FILE, findConfigFile, parseConfig } from '../../server/src/project/config';
import { renderConfigIssue, renderProblem } from '../../server/src/core/messages';
import { TableResolver, type TableInForce } from '../../server/src/project/tables';

const ORG_DOC = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'org-status-codes.md'), 'utf8');
const made: string[] = [];

after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding the given files (path -> content). */
function workspace(files: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-tables-')));
  made.push(root);
  for (const [name, content] of Object.entries(files)) write(root, name, content);
  return root;
}

function write(root: string, name: string, content: string): string {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Rewrites a file and moves its mtime on, so a stat signature sees the change whatever the clock's granularity. */
let tick = 0;
function rewrite(root: string, name: string, content: string): void {
  const file = write(root, name, content);
  const when = new Date(Date.now() + ++tick * 10_000);
  fs.utimesSync(file, when, when);
}

/** The problem as an English-reading user sees it. */
function shown(resolved: TableInForce): string | undefined {
  return resolved.problem && renderProblem(resolved.problem, 'en');
}

function pipeDoc(rows: [number, string][]): string {
  return ['| Code | Meaning |', '|---|---|', ...rows.map(([code, meaning]) => `| ${code} | ${meaning} |`)].join('\n') + '\n';
}

const TEAM_DOC = pipeDoc([
  [200, 'Normal answer of GET.'],
  [201, 'Normal answer of POST and PATCH.'],
  [404, 'No such thing.'],
]);

describe('TableResolver', () => {
  test('no config anywhere: the bundled default, no problem', () => {
    const root = workspace({ 'src/app.ts': '' });
    const resolved = new TableResolver().resolve({ dir: path.join(root, 'src'), stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.equal(resolved.path, undefined);
    assert.equal(resolved.problem, undefined);
  });

  test('the nearest .statusdoc.json names the doc, relative to the config folder, from a nested folder', () => {
    const root = workspace({
      [CONFIG_FILE]: JSON.stringify({ table: 'docs/status.md' }),
      'docs/status.md': TEAM_DOC,
      'services/orders/src/routes/app.ts': '',
    });
    const resolved = new TableResolver().resolve({ dir: path.join(root, 'services/orders/src/routes'), stopAt: root });
    assert.equal(resolved.problem, undefined);
    assert.equal(resolved.path, path.join(root, 'docs/status.md'));
    assert.equal(resolved.table.source, path.join(root, 'docs/status.md'));
    assert.deepEqual([...resolved.table.entries.keys()], [200, 201, 404]);
    assert.deepEqual(Object.fromEntries(resolved.table.successCodeByMethod), { GET: 200, POST: 201, PATCH: 201 });
  });

  test('the nearest config wins over one further up', () => {
    const root = workspace({
      [CONFIG_FILE]: JSON.stringify({ table: 'docs/status.md' }),
      'docs/status.md': TEAM_DOC,
      [`services/billing/${CONFIG_FILE}`]: JSON.stringify({ table: '../../docs/billing.yaml' }),
      'docs/billing.yaml': 'codes:\n  402: Pay first.\n',
    });
    const resolver = new TableResolver();
    const billing = resolver.resolve({ dir: path.join(root, 'services/billing/src'), stopAt: root });
    assert.equal(billing.path, path.join(root, 'docs/billing.yaml'));
    assert.deepEqual([...billing.table.entries.keys()], [402]);
    const orders = resolver.resolve({ dir: path.join(root, 'services/orders'), stopAt: root });
    assert.equal(orders.path, path.join(root, 'docs/status.md'));
  });

  test('a config without "table" means the default', () => {
    const root = workspace({ [CONFIG_FILE]: '{}' });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.equal(resolved.problem, undefined);
  });

  test('stopAt stops the climb: a config above the workspace folder is not used', () => {
    const outer = workspace({
      [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }),
      'status.md': TEAM_DOC,
      'project/src/app.ts': '',
    });
    const project = path.join(outer, 'project');
    const resolver = new TableResolver();
    const stopped = resolver.resolve({ dir: path.join(project, 'src'), stopAt: project });
    assert.equal(stopped.table, DEFAULT_TABLE);
    assert.equal(stopped.problem, undefined);
    assert.equal(findConfigFile(path.join(project, 'src'), project), undefined);
    // Without the stop, the climb reaches it.
    const climbed = resolver.resolve({ dir: path.join(project, 'src'), stopAt: outer });
    assert.equal(climbed.path, path.join(outer, 'status.md'));
  });

  test('a config in the stopAt folder itself is still found', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }), 'status.md': TEAM_DOC });
    assert.equal(findConfigFile(path.join(root, 'a/b'), root), path.join(root, CONFIG_FILE));
  });

  test('an explicit path wins over the config, resolved against base', () => {
    const root = workspace({
      [CONFIG_FILE]: JSON.stringify({ table: 'docs/status.md' }),
      'docs/status.md': TEAM_DOC,
      'tables/mine.json': JSON.stringify([{ code: 418, meaning: 'Teapot.' }]),
    });
    const resolved = new TableResolver().resolve({
      dir: path.join(root, 'src'),
      explicit: 'tables/mine.json',
      base: root,
      stopAt: root,
    });
    assert.equal(resolved.problem, undefined);
    assert.equal(resolved.path, path.join(root, 'tables/mine.json'));
    assert.deepEqual([...resolved.table.entries.keys()], [418]);
  });

  test('an explicit path without base is relative to the folder; an absolute one is used as it is', () => {
    const root = workspace({ 'src/status.md': TEAM_DOC, 'elsewhere/org.md': ORG_DOC });
    const resolver = new TableResolver();
    assert.equal(resolver.resolve({ dir: path.join(root, 'src'), explicit: 'status.md' }).path, path.join(root, 'src/status.md'));
    const absolute = path.join(root, 'elsewhere/org.md');
    const org = resolver.resolve({ dir: path.join(root, 'src'), explicit: absolute });
    assert.equal(org.path, absolute);
    assert.equal(org.table.entries.size, 17);
  });

  test('a malformed .statusdoc.json: a problem naming the file, and the default', () => {
    const root = workspace({ [CONFIG_FILE]: '{ "table": "docs/status.md", }', 'docs/status.md': TEAM_DOC });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.equal(resolved.path, undefined);
    assert.ok(shown(resolved)?.startsWith(path.join(root, CONFIG_FILE)), shown(resolved));
    assert.match(shown(resolved)!, /not valid JSON/);
  });

  test('a .statusdoc.json of the wrong shape', () => {
    const root = workspace({ [CONFIG_FILE]: '{ "table": 5 }' });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.ok(shown(resolved)?.includes(path.join(root, CONFIG_FILE)), shown(resolved));
    assert.match(shown(resolved)!, /"table" must be a path string/);
    assert.deepEqual(parseConfig('[]'), { ok: false, problem: { kind: 'configNotObject' } });
    assert.deepEqual(parseConfig('{"table": "a.md", "$schema": "x"}'), { ok: true, config: { table: 'a.md', rules: {} } });
  });

  test('a .statusdoc.json saved with a byte order mark is read like any other', () => {
    assert.deepEqual(parseConfig('\uFEFF{ "table": "a.md" }'), { ok: true, config: { table: 'a.md', rules: {} } });
    const root = workspace({ [CONFIG_FILE]: '\uFEFF{ "rules": { "undocumented-code": "off" } }' });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.problem, undefined);
    assert.deepEqual(resolved.rules, { 'undocumented-code': 'off' });
  });

  test('unknown keys are named in a warning, and the rest of the config is in force', () => {
    assert.deepEqual(parseConfig('{"tabel": "a.md", "rules": {}, "constants": { "modul": "x.ts", "source": "nestjs" }}'), {
      ok: true,
      config: { table: undefined, rules: {}, constants: { source: 'nestjs', module: undefined } },
      unknownKeys: ['tabel', 'constants.modul'],
    });
    const root = workspace({ [CONFIG_FILE]: '{ "tabel": "x.md", "rules": { "undocumented-code": "off" } }' });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.deepEqual(resolved.rules, { 'undocumented-code': 'off' });
    assert.equal(
      shown(resolved),
      `${path.join(root, CONFIG_FILE)}: unknown key "tabel", ignored (known: table, rules, constants.source, constants.module, apis)`,
    );
  });

  test('a missing table file: a problem naming it and who named it, and the default', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'docs/missing.md' }) });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.ok(shown(resolved)?.includes(path.join(root, 'docs/missing.md')), shown(resolved));
    assert.ok(shown(resolved)?.includes(path.join(root, CONFIG_FILE)), shown(resolved));
    assert.match(shown(resolved)!, /not found/);
  });

  test('a table path that is a folder is a problem, not a crash', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'docs' }), 'docs/a.md': TEAM_DOC });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.ok(shown(resolved)?.includes(path.join(root, 'docs')), shown(resolved));
  });

  test('a doc malformed from the start: file:line in the problem, and the default', () => {
    const root = workspace({
      [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }),
      'status.md': pipeDoc([
        [200, 'OK.'],
        [404, 'Gone.'],
        [404, 'Again.'],
      ]),
    });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.equal(resolved.table, DEFAULT_TABLE);
    assert.ok(shown(resolved)?.startsWith(`${path.join(root, 'status.md')}:5: `), shown(resolved));
    assert.match(shown(resolved)!, /404 is documented twice/);
    assert.match(shown(resolved)!, /default table is used/);
  });

  test('a doc that becomes malformed keeps the last good table, and a fix is picked up', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'docs/status.md' }), 'docs/status.md': TEAM_DOC });
    const doc = path.join(root, 'docs/status.md');
    const resolver = new TableResolver();
    const query = { dir: path.join(root, 'src'), stopAt: root };

    const good = resolver.resolve(query);
    assert.equal(good.problem, undefined);

    rewrite(
      root,
      'docs/status.md',
      pipeDoc([
        [200, 'Normal answer of GET.'],
        [99, 'Too small.'],
        [404, 'No such thing.'],
      ]),
    );
    const broken = resolver.resolve(query);
    assert.equal(broken.table, good.table, 'the last good table stays in force');
    assert.equal(broken.path, doc);
    assert.ok(shown(broken)?.startsWith(`${doc}:4: `), shown(broken));
    assert.match(shown(broken)!, /"99"/);
    assert.match(shown(broken)!, /last good version stays in force/);

    // Asking again while it is still broken says the same thing.
    assert.deepEqual(resolver.resolve(query).problem, broken.problem);

    rewrite(
      root,
      'docs/status.md',
      pipeDoc([
        [200, 'Normal answer of GET.'],
        [503, 'Try again later.'],
      ]),
    );
    const fixed = resolver.resolve(query);
    assert.equal(fixed.problem, undefined);
    assert.deepEqual([...fixed.table.entries.keys()], [200, 503]);
  });

  test('editing the doc is picked up on the next resolve, without invalidate', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }), 'status.md': TEAM_DOC });
    const resolver = new TableResolver();
    const query = { dir: root, stopAt: root };
    assert.equal(resolver.resolve(query).table.entries.get(404)?.meanings.en, 'No such thing.');
    assert.equal(resolver.resolve(query).table, resolver.resolve(query).table, 'unchanged: the cached parse');

    rewrite(root, 'status.md', TEAM_DOC.replace('No such thing.', 'Nothing is there, try the search endpoint.'));
    assert.equal(resolver.resolve(query).table.entries.get(404)?.meanings.en, 'Nothing is there, try the search endpoint.');
  });

  test('a same-size edit within the same timestamp is picked up after invalidate', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }), 'status.md': TEAM_DOC });
    const doc = path.join(root, 'status.md');
    const resolver = new TableResolver();
    const query = { dir: root, stopAt: root };
    const before = fs.statSync(doc);
    assert.equal(resolver.resolve(query).table.entries.get(404)?.meanings.en, 'No such thing.');

    fs.writeFileSync(doc, TEAM_DOC.replace('No such thing.', 'No such THING.'));
    fs.utimesSync(doc, before.atime, before.mtime);
    resolver.invalidate(doc);
    assert.equal(resolver.resolve(query).table.entries.get(404)?.meanings.en, 'No such THING.');
  });

  test('editing the config to name another doc is picked up', () => {
    const root = workspace({
      [CONFIG_FILE]: JSON.stringify({ table: 'a.md' }),
      'a.md': pipeDoc([[200, 'From a.']]),
      'b.md': pipeDoc([[201, 'From b, longer.']]),
    });
    const resolver = new TableResolver();
    const query = { dir: root, stopAt: root };
    assert.equal(resolver.resolve(query).path, path.join(root, 'a.md'));
    rewrite(root, CONFIG_FILE, JSON.stringify({ table: './b.md' }));
    const now = resolver.resolve(query);
    assert.equal(now.path, path.join(root, 'b.md'));
    assert.deepEqual([...now.table.entries.keys()], [201]);
  });

  test('a config that breaks later keeps its last good version (table and rules), says so, and recovers when fixed', () => {
    const good = { table: 'status.md', rules: { 'undocumented-code': 'error' } };
    const root = workspace({ [CONFIG_FILE]: JSON.stringify(good), 'status.md': TEAM_DOC });
    const resolver = new TableResolver();
    const query = { dir: root, stopAt: root };
    const before = resolver.resolve(query);
    assert.equal(before.path, path.join(root, 'status.md'));
    rewrite(root, CONFIG_FILE, '{ "table": ');
    const broken = resolver.resolve(query);
    assert.equal(broken.table, before.table);
    assert.equal(broken.path, path.join(root, 'status.md'));
    assert.deepEqual(broken.rules, { 'undocumented-code': 'error' });
    assert.ok(shown(broken)?.includes(CONFIG_FILE), shown(broken));
    assert.match(shown(broken)!, /its last good version stays in force/);
    assert.match(renderProblem(broken.problem!, 'zh-cn'), /上一个正确的版本/);
    // A config broken from the start has no last good version: nothing is claimed.
    const fresh = new TableResolver().resolve(query);
    assert.equal(fresh.table, DEFAULT_TABLE);
    assert.doesNotMatch(shown(fresh)!, /last good/);
    rewrite(root, CONFIG_FILE, JSON.stringify({ table: 'status.md' }, null, 2));
    const fixed = resolver.resolve(query);
    assert.equal(fixed.problem, undefined);
    assert.equal(fixed.path, path.join(root, 'status.md'));
  });

  test('a doc deleted after it loaded: a problem naming it, the last good table kept', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }), 'status.md': TEAM_DOC });
    const resolver = new TableResolver();
    const query = { dir: root, stopAt: root };
    const good = resolver.resolve(query);
    fs.rmSync(path.join(root, 'status.md'));
    const gone = resolver.resolve(query);
    assert.equal(gone.table, good.table);
    assert.ok(shown(gone)?.includes(path.join(root, 'status.md')), shown(gone));
  });

  test('an exception in a loader is caught, named in the problem, and handed back for the log', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'status.md' }), 'status.md': TEAM_DOC });
    const query = { dir: root, stopAt: root };
    assert.equal(new TableResolver().resolve(query).caught, undefined, 'a sound loader: nothing caught');

    const bug = new TypeError('a reader bug');
    const thrown = new TableResolver(() => {
      throw bug;
    }).resolve(query);
    assert.equal(thrown.table, DEFAULT_TABLE);
    assert.deepEqual(thrown.caught, [bug]);
    const namedBy = { kind: 'config', file: path.join(root, CONFIG_FILE) };
    assert.deepEqual(thrown.problem, {
      kind: 'tableUnreadable',
      file: path.join(root, 'status.md'),
      namedBy,
      failure: { kind: 'parseFailed', message: 'a reader bug' },
    });
    assert.match(caughtText(thrown.caught![0]), /TypeError: a reader bug\n\s+at /, 'the stack, for the log');

    // What loadTable returns when one of its readers threw: the problem and, beside it, the exception.
    const inside = new TableResolver(() => ({ ok: false, problem: { issue: { kind: 'readerFailed', message: 'a reader bug' } }, caught: [bug] })).resolve(
      query,
    );
    assert.deepEqual(inside.caught, [bug]);
    assert.equal(shown(inside), `${path.join(root, 'status.md')}: could not read the table: a reader bug (the default table is used)`);
  });

  test('two resolvers (editor and CLI) resolve the same table for the same folder', () => {
    const root = workspace({ [CONFIG_FILE]: JSON.stringify({ table: 'docs/status.md' }), 'docs/status.md': ORG_DOC });
    const query = { dir: path.join(root, 'src'), stopAt: root };
    const editor = new TableResolver().resolve(query);
    const cli = new TableResolver().resolve(query);
    assert.equal(editor.path, cli.path);
    assert.deepEqual([...editor.table.entries.values()], [...cli.table.entries.values()]);
    assert.deepEqual([...editor.table.successCodeByMethod], [...cli.table.successCodeByMethod]);
  });
});

describe('.statusdoc.json rules', () => {
  test('severities per rule are read and handed out with the table', () => {
    const root = workspace({ [CONFIG_FILE]: '{ "rules": { "undocumented-code": "off", "wrong-success-code": "warning" } }' });
    const resolved = new TableResolver().resolve({ dir: root, stopAt: root });
    assert.deepEqual(resolved.rules, { 'undocumented-code': 'off', 'wrong-success-code': 'warning' });
    assert.equal(resolved.problem, undefined);
  });

  test('an unknown rule or severity is a problem naming the key', () => {
    const shownIssue = (text: string) => {
      const read = parseConfig(text);
      return read.ok ? 'valid' : renderConfigIssue(read.problem, 'en');
    };
    assert.equal(shownIssue('{ "rules": { "wrong-succes-code": "off" } }'), `"rules.wrong-succes-code": unknown rule (known: ${RULE_IDS.join(', ')})`);
    assert.equal(
      shownIssue('{ "rules": { "undocumented-code": "fatal" } }'),
      '"rules.undocumented-code": expected one of error, warning, information, hint, off',
    );
    assert.equal(shownIssue('{ "rules": [] }'), '"rules" must be an object of rule id to severity');
    assert.deepEqual(parseConfig('{ "rules": { "undocumented-code": "fatal" } }'), {
      ok: false,
      problem: { kind: 'badSeverity', rule: 'undocumented-code', allowed: ['error', 'warning', 'information', 'hint', 'off'] },
    });
  });
});
