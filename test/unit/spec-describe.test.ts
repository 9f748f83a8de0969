/** One response's description read under its key (core/spec/describe.ts), for the handler's hover: YAML and JSON. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSpec, responseDescription } from '../../server/src/core';

const described = (text: string, format: 'yaml' | 'json') =>
  readSpec(text, format)!.operations[0].responses.map((r) => [r.key, responseDescription(text, format, r)]);

test('YAML: plain, quoted, a block scalar, none written', () => {
  const spec = [
    'openapi: 3.0.3',
    'paths:',
    '  /users:',
    '    post:',
    '      responses:',
    "        '201':",
    '          content:',
    '            application/json:',
    '              schema:',
    '                description: a nested schema',
    '          description: Created # the user',
    "        '409':",
    '          description: "Email already taken: pick another"',
    "        '422':",
    '          description: |',
    '            Invalid body',
    '            (see the schema)',
    '        default:',
    '          content: {}',
    '    get:',
    '      responses:',
    "        '200':",
    '          description: OK',
    '',
  ].join('\n');
  assert.deepEqual(described(spec, 'yaml'), [
    ['201', 'Created'],
    ['409', 'Email already taken: pick another'],
    ['422', 'Invalid body'],
    ['default', undefined],
  ]);
});

test('JSON: the description of the key’s own object, not a nested one', () => {
  const spec = JSON.stringify(
    {
      openapi: '3.0.0',
      paths: { '/users': { post: { responses: { '201': { content: { x: { description: 'nested' } }, description: 'Created' }, '400': {} } } } },
    },
    null,
    2,
  );
  assert.deepEqual(described(spec, 'json'), [
    ['201', 'Created'],
    ['400', undefined],
  ]);
});
