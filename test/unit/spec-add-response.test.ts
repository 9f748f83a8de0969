/**
 * The quick-fix's edit into a spec (core/spec/addResponse.ts): the key quoted and indented as its neighbours, placed
 * in order of code, YAML and JSON. After each edit the spec is parsed again (by the `yaml` package and JSON.parse as
 * well as statusdoc's own reader) and holds the new response with its description, the others unchanged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { addResponseEdit, applyEdits, readSpec } from '../../server/src/core';

function added(text: string, format: 'yaml' | 'json', code: number, description = 'Conflict', operation = 0): string {
  const op = readSpec(text, format)!.operations[operation];
  const edit = addResponseEdit(text, format, op, code, description);
  assert.ok(edit, 'an edit');
  const after = applyEdits(text, [edit]);
  const facts = readSpec(after, format)!;
  assert.equal(facts.partial, undefined, after);
  return after;
}

/** The response keys of the first operation, in the order written, from a full parse. */
function keysOf(text: string, format: 'yaml' | 'json'): string[] {
  const doc = format === 'yaml' ? parse(text) : JSON.parse(text);
  const [path] = Object.values(doc.paths) as Record<string, { responses: Record<string, unknown> }>[];
  return readSpec(text, format)!
    .operations[0].responses.map((r) => r.key)
    .filter((key) => key in Object.values(path)[0].responses);
}

const YAML_QUOTED = `openapi: 3.0.3
paths:
  /users:
    post:
      responses:
        '201':
          description: Created
        '400':
          description: Bad
        default:
          description: Error
`;

test('YAML, quoted keys, indent 2: between its neighbours by code, quoted, description under it', () => {
  const after = added(YAML_QUOTED, 'yaml', 204, 'No Content');
  assert.equal(after, YAML_QUOTED.replace(`        '400':`, `        '204':\n          description: No Content\n        '400':`));
  assert.deepEqual(keysOf(after, 'yaml'), ['201', '204', '400', 'default']);
  assert.equal(parse(after).paths['/users'].post.responses['204'].description, 'No Content');
});

test('YAML: after every code and before default; after the last key at the end of the file', () => {
  assert.deepEqual(keysOf(added(YAML_QUOTED, 'yaml', 409), 'yaml'), ['201', '400', '409', 'default']);
  const noDefault = YAML_QUOTED.replace(`        default:\n          description: Error\n`, '');
  const after = added(noDefault, 'yaml', 409);
  assert.ok(after.endsWith(`        '409':\n          description: Conflict\n`), after);
  // No final line break: one is written first.
  assert.ok(added(noDefault.trimEnd(), 'yaml', 409).endsWith(`description: Bad\n        '409':\n          description: Conflict\n`));
});

test('YAML, unquoted keys, indent 4, a later operation after it: unquoted, 4 deep, the next operation untouched', () => {
  const spec = `openapi: 3.0.3
paths:
    /users:
        post:
            responses:
                201:
                    description: Created
        get:
            responses:
                200:
                    description: OK
`;
  const after = added(spec, 'yaml', 409, 'Email already taken: see the docs');
  assert.ok(
    after.includes(
      `                201:\n                    description: Created\n                409:\n                    description: "Email already taken: see the docs"\n        get:`,
    ),
    after,
  );
  assert.equal(parse(after).paths['/users'].post.responses['409'].description, 'Email already taken: see the docs');
  assert.deepEqual(Object.keys(parse(after).paths['/users'].get.responses), ['200']);
});

test('YAML flow-style responses: no edit rather than a guess', () => {
  const spec = `openapi: 3.0.3\npaths:\n  /users:\n    post:\n      responses: { '201': { description: Created } }\n`;
  assert.equal(addResponseEdit(spec, 'yaml', readSpec(spec, 'yaml')!.operations[0], 409, 'Conflict'), undefined);
});

test('JSON, pretty: between its neighbours and at the end, indented as they are; minified JSON stays minified', () => {
  const spec = JSON.stringify(
    { openapi: '3.0.0', paths: { '/users': { post: { responses: { '201': { description: 'Created' }, '400': { description: 'Bad' } } } } } },
    null,
    4,
  );
  const middle = added(spec, 'json', 204, 'No Content');
  assert.deepEqual(keysOf(middle, 'json'), ['201', '204', '400']);
  assert.ok(
    middle.includes(`                    "204": {\n                        "description": "No Content"\n                    },\n                    "400"`),
    middle,
  );
  const end = added(spec, 'json', 409);
  assert.deepEqual(Object.keys(JSON.parse(end).paths['/users'].post.responses), ['201', '400', '409']);
  assert.equal(end, JSON.stringify(JSON.parse(end), null, 4), 'laid out as JSON.stringify would');
  const minified = JSON.stringify(JSON.parse(spec));
  const after = added(minified, 'json', 409);
  assert.equal(after, JSON.stringify(JSON.parse(after)));
  assert.deepEqual(Object.keys(JSON.parse(after).paths['/users'].post.responses), ['201', '400', '409']);
});

test('a code already listed: no edit', () => {
  assert.equal(addResponseEdit(YAML_QUOTED, 'yaml', readSpec(YAML_QUOTED, 'yaml')!.operations[0], 201, 'x'), undefined);
});
