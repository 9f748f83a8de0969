/**
 * `check --format gitlab | junit | checkstyle | github`, from the built CLI, held to each format's published shape:
 * GitLab's Code Quality fields (a JSON schema written from its documentation), well-formed JUnit and Checkstyle XML
 * with their elements and attributes, GitHub's workflow command syntax and escaping. A file not checked is a problem
 * in every one of them, and text that XML or a workflow command would misread arrives intact.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import Ajv from 'ajv';
import { Parser } from 'htmlparser2';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';

const CLI = path.resolve(__dirname, '../../server/out/cli.js');
const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A reason that breaks naive XML and workflow commands: markup, quotes, %, the property separators, a line break. */
const REASON = `Created <&"'> 100%, a:b\r\nnext`;
const NAUGHTY_FILE = 'a,b:c.ts';

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-ci-formats-'));
  made.push(dir);
  const table = {
    codes: [
      { code: 200, reason: 'OK', meaning: 'GET和PUT操作正常返回。' },
      { code: 201, reason: REASON, meaning: 'POST操作正常返回。' },
    ],
  };
  fs.writeFileSync(path.join(dir, 'table.json'), JSON.stringify(table));
  fs.writeFileSync(path.join(dir, '.statusdoc.json'), '{ "table": "table.json" }');
  fs.writeFileSync(
    path.join(dir, NAUGHTY_FILE),
    "app.post('/orders', (req, res) => res.status(200).json({}));\napp.get('/x', (req, res) => res.status(404).end());\n",
  );
  fs.writeFileSync(path.join(dir, 'clean.ts'), "app.get('/orders', (req, res) => res.status(200).json([]));\n");
  fs.writeFileSync(path.join(dir, 'binary.ts'), 'const x = 1;\0\0\0\n');
  return dir;
}

const dir = project();
function check(format: string) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', format], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
/** The findings as `--format json` gives them: what every other format must carry. */
const json = JSON.parse(check('json').stdout) as { filePath: string; messages: { ruleId: string | null; message: string; line: number; column: number }[] }[];
const findings = json.flatMap((file) => file.messages.filter((m) => m.ruleId).map((m) => ({ ...m, file: path.basename(file.filePath) })));

/** GitLab's Code Quality report format, from https://docs.gitlab.com/ci/testing/code_quality/ ("Code Quality report format"). */
const GITLAB_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly enough to call it well-formed: one root, every element closed by its own end tag, a declaration. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let declaration = false;
  let opened = 0;
  const problems: string[] = [];
  const parser = new Parser(
    {
      onprocessinginstruction: (name) => (declaration ||= name === '?xml'),
      onopentag: (name, attributes) => {
        opened++;
        const element = { name, attributes, children: [], text: '' };
        stack.at(-1)!.children.push(element);
        stack.push(element);
      },
      ontext: (text) => {
        if (stack.length === 1 && text.trim()) problems.push(`text outside the root: ${text}`);
        stack.at(-1)!.text += text;
      },
      onclosetag: (name, isImplicit) => {
        if (isImplicit && !xml.includes(`<${name}`)) problems.push(`</${name}> closed implicitly`);
        if (stack.at(-1)!.name !== name) problems.push(`</${name}> closes <${stack.at(-1)!.name}>`);
        stack.pop();
      },
      onerror: (error) => problems.push(error.message),
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  parser.end();
  assert.ok(declaration, 'an XML declaration');
  assert.deepEqual(problems, []);
  assert.equal(stack.length, 1, 'every element is closed');
  assert.equal(root.children.length, 1, 'one root element');
  // A raw < or & in text or an attribute is not XML, though a tolerant parser reads on: every < starts a tag (the
  // declaration, a start tag, an end tag), every & an entity.
  assert.equal(xml.match(/</g)!.length, 1 + opened + xml.match(/<\//g)!.length, 'every < starts a tag');
  assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(xml), 'every & starts an entity');
  return root.children[0];
}

const all = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);

describe('CI formats', () => {
  test('the project has findings, a message with markup and separators, and a file not checked', () => {
    assert.equal(findings.length, 2);
    assert.ok(findings.some((f) => f.message.includes(REASON)));
    assert.ok(json.some((file) => file.messages.some((m) => m.ruleId === null && m.message.startsWith('Not checked'))));
  });

  test('gitlab: Code Quality JSON with unique, stable fingerprints; the file not checked is an issue', () => {
    const { code, stdout } = check('gitlab');
    assert.equal(code, 1);
    const issues: any[] = JSON.parse(stdout);
    const validate = new Ajv({ allErrors: true }).compile(GITLAB_SCHEMA);
    assert.ok(validate(issues), JSON.stringify(validate.errors));
    assert.equal(new Set(issues.map((issue: any) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
    assert.deepEqual(JSON.parse(check('gitlab').stdout), issues, 'the same run gives the same fingerprints');
    for (const finding of findings) {
      assert.ok(
        issues.some(
          (issue: any) =>
            issue.check_name === `statusdoc/${finding.ruleId}` &&
            issue.description === finding.message &&
            issue.location.path === finding.file &&
            issue.location.lines.begin === finding.line,
        ),
        `${finding.file}:${finding.line} ${finding.ruleId}`,
      );
    }
    assert.ok(issues.some((issue: any) => issue.location.path === 'binary.ts' && issue.check_name === 'statusdoc/not-checked' && issue.severity === 'major'));
  });

  test('junit: well-formed, a suite per file, a failure per finding, an error for the file not checked', () => {
    const { code, stdout } = check('junit');
    assert.equal(code, 1);
    const root = parseXml(stdout);
    assert.equal(root.name, 'testsuites');
    const suites = all(root, 'testsuite');
    assert.deepEqual(suites.map((suite) => suite.attributes.name).sort(), [NAUGHTY_FILE, 'binary.ts', 'clean.ts']);
    for (const suite of suites) {
      const cases = all(suite, 'testcase');
      assert.equal(Number(suite.attributes.tests), cases.length);
      assert.equal(Number(suite.attributes.failures), all(suite, 'failure').length);
      assert.equal(Number(suite.attributes.errors), all(suite, 'error').length);
      for (const testcase of cases) assert.ok(testcase.attributes.name && testcase.attributes.classname, 'each test case is named');
    }
    const sum = (name: string) => suites.reduce((total, suite) => total + Number(suite.attributes[name]), 0);
    assert.deepEqual([root.attributes.tests, root.attributes.failures, root.attributes.errors].map(Number), [sum('tests'), sum('failures'), sum('errors')]);
    const failures = all(root, 'failure');
    assert.deepEqual(failures.map((failure) => failure.attributes.message).sort(), findings.map((f) => f.message).sort());
    const binary = suites.find((suite) => suite.attributes.name === 'binary.ts')!;
    assert.match(all(binary, 'error')[0].attributes.message, /^Not checked: binary/);
    const clean = suites.find((suite) => suite.attributes.name === 'clean.ts')!;
    assert.equal(all(clean, 'testcase').length, 1, 'a clean file passes one test case');
    assert.equal(all(clean, 'failure').length + all(clean, 'error').length, 0);
  });

  test('checkstyle: well-formed, a file element per file, an error per finding and for the file not checked', () => {
    const { code, stdout } = check('checkstyle');
    assert.equal(code, 1);
    const root = parseXml(stdout);
    assert.equal(root.name, 'checkstyle');
    assert.ok(root.attributes.version);
    const files = all(root, 'file');
    assert.deepEqual(files.map((file) => path.basename(file.attributes.name)).sort(), [NAUGHTY_FILE, 'binary.ts', 'clean.ts']);
    for (const error of all(root, 'error')) {
      assert.ok(['error', 'warning', 'info'].includes(error.attributes.severity));
      assert.match(error.attributes.line, /^[1-9]\d*$/);
      assert.match(error.attributes.column, /^[1-9]\d*$/);
      assert.match(error.attributes.source, /^statusdoc\./);
    }
    const naughty = files.find((file) => file.attributes.name.endsWith(NAUGHTY_FILE))!;
    assert.deepEqual(
      all(naughty, 'error').map((e) => `${e.attributes.line}:${e.attributes.column} ${e.attributes.message}`),
      findings.map((f) => `${f.line}:${f.column} ${f.message} (${f.ruleId})`),
    );
    const binary = files.find((file) => file.attributes.name.endsWith('binary.ts'))!;
    assert.deepEqual(
      all(binary, 'error').map((e) => [e.attributes.severity, e.attributes.source]),
      [['error', 'statusdoc.not-checked']],
    );
  });

  test('github: one workflow command a problem, properties and message escaped as GitHub reads them', () => {
    const { code, stdout } = check('github');
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, findings.length + 1, 'a line per finding and one for the file not checked');
    const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const commands = lines.map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(match, line);
      const properties = Object.fromEntries(
        match[2].split(',').map((pair) => {
          const [name, value] = pair.split('=');
          return [name, unescape(value)];
        }),
      );
      return { command: match[1], properties, message: unescape(match[3]) };
    });
    for (const finding of findings) {
      const found = commands.find((c) => c.properties.file === finding.file && Number(c.properties.line) === finding.line);
      assert.ok(found, `${finding.file}:${finding.line}`);
      assert.equal(found.message, finding.message);
      assert.equal(Number(found.properties.col), finding.column);
      assert.equal(found.properties.title, `statusdoc ${finding.ruleId}`);
      assert.ok(found.properties.endLine && found.properties.endColumn);
    }
    assert.ok(commands.some((c) => c.command === 'error' && c.properties.file === 'binary.ts' && c.message.startsWith('Not checked')));
  });

  test("github: the toolkit's escaping (% first, then CR, LF; properties also : and ,)", () => {
    assert.equal(escapeData('100%0A\r\n:,'), '100%250A%0D%0A:,');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  });

  test('an unknown format is refused with the list', () => {
    const { code, stderr } = check('teamcity');
    assert.equal(code, 2);
    assert.match(stderr, /gitlab, junit, checkstyle, github/);
  });
});
