/** Inline suppression comments, and the "disable for this line" fix that writes them. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAllEdits, fixEdits, SourceDocument, type DocumentLanguage, type Finding, type RuleId } from '../../server/src/core';
import { disabledRules } from '../../server/src/core/checks/disable';
import { checkText, fixesOf } from './helpers';

function check(text: string, language: DocumentLanguage = 'typescript'): Finding[] {
  return checkText(text, language);
}

/** `rule@line` (1-based) for each finding. */
function reported(text: string, language: DocumentLanguage = 'typescript'): string[] {
  return check(text, language).map((finding) => `${finding.rule}@${text.slice(0, finding.start).split('\n').length}`);
}

/** The document after the "disable for this line" fix (always the last fix) of the first finding of `rule`. */
function disabled(text: string, rule: RuleId, language: DocumentLanguage = 'typescript'): string {
  const finding = check(text, language).find((candidate) => candidate.rule === rule);
  assert.ok(finding, `a ${rule} finding`);
  const fixes = fixesOf(finding);
  const fix = fixes[fixes.length - 1];
  assert.equal(fix.title, `Disable ${rule} for this line`);
  assert.equal(fix.safe, false);
  return applyEdits(text, fixEdits(new SourceDocument(text, language), fix));
}

// Line 2 of a POST answers 200 (wrong-success-code) and 429 (undocumented-code): both rules fire on it.
const LINE = 'if (done) res.status(200).json(job); else res.status(429).end();';
const POST_LINE = (comment: string) => `app.post('/jobs', (req, res) => {\n${comment}  ${LINE}\n});\n`;

describe('statusdoc-disable-next-line', () => {
  test('without comments both rules fire', () => {
    assert.deepEqual(reported(POST_LINE('')), ['wrong-success-code@2', 'undocumented-code@2']);
  });

  test('naming a rule silences that rule on the next line only', () => {
    const text = POST_LINE('  // statusdoc-disable-next-line wrong-success-code\n');
    assert.deepEqual(reported(text), ['undocumented-code@3']);
  });

  test('with no rule list it silences every rule', () => {
    assert.deepEqual(reported(POST_LINE('  // statusdoc-disable-next-line\n')), []);
  });

  test('several rules, separated by commas or spaces', () => {
    assert.deepEqual(reported(POST_LINE('  // statusdoc-disable-next-line wrong-success-code, undocumented-code\n')), []);
    assert.deepEqual(reported(POST_LINE('  // statusdoc-disable-next-line wrong-success-code undocumented-code\n')), []);
  });

  test('a reason after -- is ignored', () => {
    assert.deepEqual(reported(POST_LINE('  // statusdoc-disable-next-line wrong-success-code -- the job queue answers 202\n')), ['undocumented-code@3']);
    assert.deepEqual(reported(POST_LINE('  // statusdoc-disable-next-line -- legacy client expects 202\n')), []);
  });

  test('in a block comment', () => {
    assert.deepEqual(reported(POST_LINE('  /* statusdoc-disable-next-line undocumented-code */\n')), ['wrong-success-code@3']);
  });

  test('only the next line: a later line is still reported', () => {
    const text = `// statusdoc-disable-next-line\napp.post('/a', (req, res) => res.status(200).end());\napp.post('/b', (req, res) => res.status(200).end());\n`;
    assert.deepEqual(reported(text), ['wrong-success-code@3']);
  });

  test('unknown text does not disable anything', () => {
    for (const comment of [
      '  // statusdoc-disablenext-line\n',
      '  // statusdoc-ignore\n',
      '  // eslint-disable-next-line\n',
      '  // statusdoc-disable-next-line wrong-success\n',
      '  // statusdoc disable-next-line\n',
    ]) {
      assert.deepEqual(reported(POST_LINE(comment)), ['wrong-success-code@3', 'undocumented-code@3'], comment);
    }
  });

  test('# comments in YAML', () => {
    const text = [
      'openapi: 3.0.3',
      'paths:',
      '  /jobs:',
      '    post:',
      '      # statusdoc-disable-next-line wrong-success-code',
      "      responses: { '200': { description: ok }, '429': { description: slow down } }",
      '  /busy:',
      '    get:',
      '      responses:',
      '        # statusdoc-disable-next-line',
      "        '429':",
      '          description: slow down',
      '',
    ].join('\n');
    assert.deepEqual(reported(text, 'yaml'), ['undocumented-code@6']);
  });
});

describe('statusdoc-disable-line', () => {
  test('silences the line it is written on', () => {
    const text = `app.post('/jobs', (req, res) => ${LINE}); // statusdoc-disable-line undocumented-code\napp.get('/busy', (req, res) => res.status(429).end());\n`;
    assert.deepEqual(reported(text), ['wrong-success-code@1', 'undocumented-code@2']);
  });

  test('with no rule list, every rule on that line', () => {
    assert.deepEqual(reported(`app.post('/jobs', (req, res) => ${LINE}); // statusdoc-disable-line\n`), []);
  });

  test('in YAML after the value', () => {
    const text = `- method: DELETE\n  status: 200 # statusdoc-disable-line wrong-success-code\n- method: DELETE\n  status: 200\n`;
    assert.deepEqual(reported(text, 'yaml'), ['wrong-success-code@4']);
  });
});

describe('statusdoc-disable … statusdoc-enable regions', () => {
  const text = [
    `app.post('/a', (req, res) => res.status(200).end());`,
    `/* statusdoc-disable */`,
    `app.post('/b', (req, res) => res.status(200).end());`,
    `app.get('/c', (req, res) => res.status(429).end());`,
    `/* statusdoc-enable */`,
    `app.post('/d', (req, res) => res.status(200).end());`,
    ``,
  ].join('\n');

  test('everything between the two is silenced', () => {
    assert.deepEqual(reported(text), ['wrong-success-code@1', 'wrong-success-code@6']);
  });

  test('a region naming a rule silences only that rule', () => {
    const named = text.replace('/* statusdoc-disable */', '// statusdoc-disable undocumented-code');
    assert.deepEqual(reported(named), ['wrong-success-code@1', 'wrong-success-code@3', 'wrong-success-code@6']);
  });

  test('a region never closed runs to the end of the document', () => {
    const open = text.replace('/* statusdoc-enable */', '');
    assert.deepEqual(reported(open), ['wrong-success-code@1']);
  });

  test('# regions in YAML', () => {
    const yaml = `# statusdoc-disable wrong-success-code\n- method: POST\n  status: 200\n# statusdoc-enable\n- method: POST\n  status: 200\n`;
    assert.deepEqual(reported(yaml, 'yaml'), ['wrong-success-code@6']);
  });
});

describe('disabledRules', () => {
  test('a text without directives disables nothing', () => {
    const isDisabled = disabledRules(`res.status(200);\n`);
    assert.equal(isDisabled(0, 'wrong-success-code'), false);
  });

  test('answers per 0-based line and rule', () => {
    const isDisabled = disabledRules(`a\n// statusdoc-disable-next-line undocumented-code\nb\nc // statusdoc-disable-line\n`);
    assert.equal(isDisabled(2, 'undocumented-code'), true);
    assert.equal(isDisabled(2, 'wrong-success-code'), false);
    assert.equal(isDisabled(1, 'undocumented-code'), false);
    assert.equal(isDisabled(3, 'implicit-success-code'), true);
    assert.equal(isDisabled(0, 'undocumented-code'), false);
  });
});

describe('the "disable for this line" fix', () => {
  test("TypeScript: a // comment above, with the line's indentation", () => {
    const text = POST_LINE('');
    const after = disabled(text, 'wrong-success-code');
    assert.equal(after, `app.post('/jobs', (req, res) => {\n  // statusdoc-disable-next-line wrong-success-code\n  ${LINE}\n});\n`);
    assert.deepEqual(reported(after), ['undocumented-code@3']);
  });

  test("YAML: a # comment above, with the key's indentation", () => {
    const text = `openapi: 3.0.3\npaths:\n  /orders:\n    post:\n      responses:\n        '200':\n          description: ok\n`;
    const after = disabled(text, 'wrong-success-code', 'yaml');
    assert.equal(
      after,
      `openapi: 3.0.3\npaths:\n  /orders:\n    post:\n      responses:\n        # statusdoc-disable-next-line wrong-success-code\n        '200':\n          description: ok\n`,
    );
    assert.deepEqual(check(after, 'yaml'), []);
  });

  test('YAML test mapping', () => {
    const text = `- method: DELETE\n  status: 200\n`;
    const after = disabled(text, 'wrong-success-code', 'yaml');
    assert.equal(after, `- method: DELETE\n  # statusdoc-disable-next-line wrong-success-code\n  status: 200\n`);
    assert.deepEqual(check(after, 'yaml'), []);
  });

  test('NestJS: above the decorator the implicit finding sits on', () => {
    const text = `@Controller('orders')\nexport class OrdersController {\n  @Delete(':id')\n  remove() {}\n}\n`;
    const after = disabled(text, 'implicit-success-code');
    assert.equal(
      after,
      `@Controller('orders')\nexport class OrdersController {\n  // statusdoc-disable-next-line implicit-success-code\n  @Delete(':id')\n  remove() {}\n}\n`,
    );
    assert.deepEqual(check(after), []);
  });

  test('disabling a second rule on the same line joins the existing comment, so both stay disabled', () => {
    const once = disabled(POST_LINE(''), 'wrong-success-code');
    const twice = disabled(once, 'undocumented-code');
    assert.equal(twice, `app.post('/jobs', (req, res) => {\n  // statusdoc-disable-next-line wrong-success-code, undocumented-code\n  ${LINE}\n});\n`);
    assert.deepEqual(reported(twice), []);
  });

  test('joining keeps a reason after --', () => {
    const once = POST_LINE('  // statusdoc-disable-next-line wrong-success-code -- queue\n');
    const twice = disabled(once, 'undocumented-code');
    assert.equal(twice, POST_LINE('  // statusdoc-disable-next-line wrong-success-code, undocumented-code -- queue\n'));
    assert.deepEqual(reported(twice), []);
  });

  test('joining a block comment keeps its closing */', () => {
    const once = POST_LINE('  /* statusdoc-disable-next-line undocumented-code */\n');
    assert.equal(disabled(once, 'wrong-success-code'), POST_LINE('  /* statusdoc-disable-next-line undocumented-code, wrong-success-code */\n'));
  });

  test('a comment above that is not a directive is left alone', () => {
    const text = POST_LINE('  // the queue answers later\n');
    assert.equal(disabled(text, 'undocumented-code'), POST_LINE('  // the queue answers later\n  // statusdoc-disable-next-line undocumented-code\n'));
  });

  test('YAML: disabling a second rule joins the # comment', () => {
    const text = `openapi: 3.0.3\npaths:\n  /jobs:\n    post:\n      # statusdoc-disable-next-line undocumented-code\n      responses: { '200': { description: ok }, '429': { description: slow down } }\n`;
    const after = disabled(text, 'wrong-success-code', 'yaml');
    assert.equal(after, text.replace('undocumented-code', 'undocumented-code, wrong-success-code'));
    assert.deepEqual(check(after, 'yaml'), []);
  });

  test('fix-all never adds disable comments', () => {
    const text = `app.get('/busy', (req, res) => res.status(429).end());\n`;
    assert.deepEqual(fixAllEdits(new SourceDocument(text, 'typescript'), check(text)), []);
  });
});
