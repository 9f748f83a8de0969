/**
 * Hand-written YAML that is hard to read line by line, for the fast finder's equivalence test. `fallback` marks the
 * inputs the fast path must refuse (answer undefined, so the full parse answers), with the reason.
 */
export interface TrickyCase {
  name: string;
  text: string;
  /** Why the fast path refuses this input; absent when it must read it and agree with the full parse. */
  fallback?: string;
}

const spec = (...lines: string[]): string => ['openapi: 3.0.0', 'paths:', '  /x:', ...lines].join('\n') + '\n';

/**
 * Quoted and plain scalars over several lines, as YAML dumpers wrap long descriptions: the fast path reads them
 * (with LF and with CRLF). Each text holds sites around the wrapped values, so a misread scalar end shows.
 */
export const MULTILINE_TEXTS: { name: string; text: string }[] = [
  {
    name: 'single-quoted over lines, with doubled quotes, a # and key-like lines inside',
    text: spec(
      '    post:',
      "      description: 'It''s the # not a comment",
      '        status: 500 and method: GET inside',
      "        ''quoted'' end'",
      '      responses:',
      "        '201':",
      "          description: 'one",
      '',
      "            two' # a comment",
      "        '400': {}",
    ),
  },
  {
    name: 'double-quoted over lines, with escapes at line ends and before quotes',
    text: spec(
      '    put:',
      '      summary: "one \\"two\\',
      '        three\\\\" # the escaped backslash ends it',
      '      description: "ends in an escaped quote \\"',
      '        status: 500"',
      '      responses:',
      '        "204":',
      '          description: "a \\u2013 b,\\',
      '            \\ c"',
      "        '409': {}",
    ),
  },
  {
    name: 'quoted values of sequence items and of keys in sequence items',
    text:
      ['- method: POST', "  description: 'a", "    b'", '  status: 201', '- "x', '  y"', '- name: "n', '    m"', '  method: GET', '  status: 200'].join('\n') +
      '\n',
  },
  {
    name: 'plain scalars folded over lines, holding what would start other things',
    text: spec(
      '    get:',
      '      description: Whether the address has been validated to comply with local',
      '        regulation. Can be `GET`',
      "        or `POST` ('QUEUED', 'FAILED')",
      '        - a dash, [a](link), {b}, &c, *d, !e, |f, >g, %h, @i',
      '        ---',
      '',
      '        after a blank # and a comment ends it',
      '      responses:',
      "        '200':",
      '          description: OK',
      '            more',
      '        404: {}',
    ),
  },
  {
    name: 'plain scalars alone on their lines, going on',
    text: ['- method: POST', '  description:', '    one', '   two', '   - three', '  status: 201', '- method:', '    GET', '  status:', '    200', ''].join(
      '\n',
    ),
  },
];

const MULTILINE_CASES = (): TrickyCase[] =>
  MULTILINE_TEXTS.flatMap(({ name, text }) => [
    { name, text },
    { name: `${name} (CRLF)`, text: text.replace(/\n/g, '\r\n') },
  ]);

export const TRICKY_CASES: TrickyCase[] = [
  {
    name: 'quoted and unquoted codes',
    text: spec(
      '    post:',
      '      responses:',
      `        200: {}`,
      `        '201': {}`,
      `        "204": {}`,
      `        200 :`,
      `          description: space before colon`,
    ),
  },
  { name: 'openapi key after paths', text: ['paths:', '  /x:', '    get:', '      responses:', "        '200': {}", 'openapi: 3.1.0'].join('\n') },
  {
    name: 'openapi key empty, then set again (the first one counts)',
    text: ['openapi:', 'openapi: 3.0.0', 'paths:', '  /x:', '    get:', '      responses:', "        '200': {}"].join('\n'),
  },
  { name: 'flow root: openapi with no value at all is absent', text: '{ openapi, paths: { /x: { get: { responses: { 200: {} } } } } }' },
  { name: 'flow root: openapi with an empty value is present', text: '{ openapi: , paths: { /x: { get: { responses: { 200: {} } } } } }' },
  { name: 'openapi value on the next line', text: ['openapi:', '  3.0.0', 'paths:', '  /x:', '    get:', '      responses:', "        '200': {}"].join('\n') },
  {
    name: 'openapi: ~ and an anchored empty swagger',
    text: ['swagger: &v', 'paths:', '  /x:', '    get:', '      responses:', "        '200': {}"].join('\n'),
  },
  {
    name: 'duplicate paths: the first one wins',
    text: ['openapi: 3.0.0', 'paths: {}', 'paths:', '  /x:', '    get:', '      responses:', "        '200': {}"].join('\n'),
  },
  { name: 'duplicate responses in one operation', text: spec('    get:', '      responses:', "        '200': {}", '      responses:', "        '404': {}") },
  {
    name: 'keys with trailing comments',
    text: spec('    post: # create', '      responses: # all of them', "        '201': # created", '          description: ok # fine'),
  },
  {
    name: 'block scalars holding responses text',
    text: spec(
      '    post:',
      '      description: |',
      '        responses:',
      "          '200': not a key",
      '      summary: >-',
      '        status: 201',
      '        method: GET',
      '      responses:',
      "        '201': {}",
      '      x-note: |+',
      '',
      '        trailing',
      '',
      "    get: { responses: { '200': {} } }",
    ),
  },
  {
    name: 'tabs in strings',
    text: spec('    post:', '      summary: "a\ttab"', "      description: 'b\tc'", '      x-plain: d\te', '      responses:', "        '201': {}"),
  },
  {
    name: 'anchors and aliases on values',
    text: [
      'openapi: 3.0.0',
      'x-ok: &ok { description: OK }',
      'paths:',
      '  /x:',
      '    get: &getop',
      '      responses:',
      "        '200': *ok",
      '        404: &nf',
      '          description: missing',
      '  /y:',
      '    get: *getop',
      '    put:',
      '      responses: *ok',
    ].join('\n'),
  },
  {
    name: 'merge keys (plain keys in YAML 1.2)',
    text: [
      'openapi: 3.0.0',
      'x-base: &base',
      '  responses:',
      "    '200': {}",
      'paths:',
      '  /x:',
      '    get:',
      '      <<: *base',
      '      responses:',
      "        '201': {}",
      '- method: POST',
    ]
      .slice(0, 10)
      .join('\n'),
  },
  {
    name: 'merge key beside a method',
    text: ['base: &b { method: POST }', 'tests:', '  - <<: *b', '    status: 201', '  - method: GET', '    <<: *b', '    status: 200'].join('\n'),
  },
  {
    name: 'multi-document with --- and ... ends',
    text: [
      'openapi: 3.0.0',
      'paths:',
      '  /a:',
      '    post:',
      '      responses:',
      "        '200': {}",
      '...',
      '# between',
      '---',
      '- method: DELETE',
      '  status: 204',
      '--- # third',
      'swagger: "2.0"',
      'paths: { /b: { get: { responses: { 200: {} } } } }',
      '...',
    ].join('\n'),
  },
  {
    name: 'CRLF line ends',
    text: spec('    delete:', '      responses:', "        '204': {}", '        "200": # comment', '          description: x').replace(/\n/g, '\r\n'),
  },
  {
    name: 'empty values everywhere',
    text: [
      'openapi: 3.0.0',
      'paths:',
      '  /x:',
      '    get:',
      '    post:',
      '      responses:',
      '    put:',
      '      responses:',
      "        '200':",
      "        '201':",
      '- a',
    ]
      .slice(0, 10)
      .join('\n'),
  },
  {
    name: "sequences at the key's own indentation",
    text: ['stages:', '- request:', '    method: POST', '  response:', '    status_code:', '    - 201', "    - '200'", '    - 42'].join('\n'),
  },
  {
    name: 'flow maps and sequences holding sites',
    text: [
      '- { method: POST, status: 201 }',
      '- { method: PUT, status_code: [200, "204", 42] }',
      '- {method: get, check: {status: 200}}',
      '- { http: { method: DELETE }, check: { status: 204 } }',
      '- [ { method: POST, status: 201 } ]',
      '- {"method":"POST","status":201}',
      '- { method: POST, status:201 }',
    ].join('\n'),
  },
  { name: 'flow style OpenAPI', text: ['{ openapi: 3.0.0, paths: { /x: { post: { responses: { "201": {}, 400: { description: bad } } } } } }'].join('\n') },
  {
    name: 'method forms',
    text: [
      '- method: "POST"',
      '  status: 201',
      "- method: 'delete'",
      '  status: 204',
      '- method: POST # comment',
      '  status: 201',
      '- method: ~',
      '  status: 200',
      '- method: [POST]',
      '  status: 201',
      '- method:',
      '  status: 201',
      '- verb: PUT',
      '  method: GET',
      '  status: 200',
    ].join('\n'),
  },
  { name: 'status value on the next line', text: ['- method: POST', '  status:', '    201', '- method: POST', '  status:', "    '201'"].join('\n') },
  {
    name: 'sibling and parent methods',
    text: [
      '- request: { method: POST }',
      '  response: { status_code: 201 }',
      '- response:',
      '    status_code: 201',
      '  request:',
      '    method: DELETE',
      '- http:',
      '    method: PUT',
      '    check:',
      '      status: 200',
      '- a:',
      '    b:',
      '      method: GET',
      '    c:',
      '      d:',
      '        status: 200',
    ].join('\n'),
  },
  {
    name: 'multi-line plain scalars',
    text: spec(
      '    post:',
      '      description: one',
      '        two',
      '',
      '        three',
      '      responses:',
      "        '201':",
      '          description: a',
      '            b',
    ),
  },
  ...MULTILINE_CASES(),
  {
    name: 'comments and blank lines at odd indents',
    text: spec('# col 0', '    post:', '        # deep', '', '      responses:', '  # shallow', "        '201': {}"),
  },
  { name: 'a document indented as a whole', text: '  method: POST\n  status: 201\n', fallback: 'the root node is indented' },
  { name: 'keys with anchors', text: spec('    &p post:', '      responses:', "        '201': {}"), fallback: 'an anchor before a key' },
  { name: 'complex keys', text: '? [complex, key]\n: { method: POST, status: 201 }\n', fallback: '`? ` keys' },
  { name: 'directives', text: '%YAML 1.1\n---\nmethod: POST\nstatus: 201\n', fallback: 'a directive (YAML 1.1 changes merge keys and more)' },
  { name: 'tab indentation', text: 'method: POST\n\tstatus: 201\n', fallback: 'a tab used as indentation' },
  { name: 'flow collection over several lines', text: '- { method: POST,\n    status: 201 }\n', fallback: 'a flow collection spanning lines' },
  {
    name: 'quoted status value over several lines',
    text: '- method: POST\n  status: "201\n    "\n',
    fallback: 'a multi-line quoted scalar where a code is read',
  },
  {
    name: 'quoted method value over several lines',
    text: "- method: 'POST\n    '\n  status: 201\n",
    fallback: 'a multi-line quoted scalar where a method is read',
  },
  {
    name: 'quoted key over several lines',
    text: spec('    post:', '      responses:', "        - '201", "          ': {}"),
    fallback: 'a multi-line key (the parser reports an error)',
  },
  {
    name: 'quoted scalar whose lines are not indented past its key',
    text: '- method: POST\n  description: "one\n  two"\n  status: 201\n',
    fallback: 'left to the parser',
  },
  {
    name: 'plain scalar going on after a comment',
    text: '- method: POST\n  description: one # c\n    two\n  status: 201\n',
    fallback: 'the parser reports an error',
  },
  {
    name: 'plain continuation that looks like a key',
    text: '- method: POST\n  description: one\n    two: three\n  status: 201\n',
    fallback: 'a multi-line implicit key (the parser reports an error)',
  },
  { name: 'tagged status value', text: '- method: POST\n  status: !!str 201\n', fallback: 'a tag on a status value' },
  { name: 'escaped double-quoted code', text: spec('    post:', '      responses:', '        "20\\x31": {}'), fallback: 'an escape in a key' },
  { name: 'block scalar as a status value', text: '- method: POST\n  status: |-\n    201\n', fallback: 'a block scalar where a code is read' },
  { name: 'multi-line plain status value', text: '- method: POST\n  status: 201\n    202\n', fallback: 'a folded plain scalar where a code is read' },
  {
    name: 'bad indentation',
    text: spec('    post:', '      responses:', "        '201':", '          description: ok', '   bad: indentation', "        '400': {}"),
    fallback: 'the parser reports an error',
  },
  {
    name: 'unclosed quote',
    text: spec('    post:', '      responses:', "        '201':", '          description: "unclosed', '  /b:'),
    fallback: 'the parser reports an error',
  },
  { name: 'a key after a scalar at deeper indentation', text: 'a: b\n  c: d\nmethod: POST\nstatus: 201\n', fallback: 'the parser reports an error' },
  {
    name: 'block scalar with an explicit indentation indicator',
    text: '- method: POST\n  d: |2\n     x\n  status: 201\n',
    fallback: 'explicit indentation indicator',
  },
  { name: 'byte order mark', text: '\ufeffmethod: POST\nstatus: 201\n', fallback: 'a BOM' },
  { name: 'lone carriage return', text: 'method: POST\rstatus: 201\n', fallback: 'a CR that is not a line end' },
  { name: 'compact nested sequence', text: 'method: POST\nstatus_code:\n- - 201\n', fallback: '`- - ` entries' },
  // Every operation where it is written; a status beside a method in a spec is example data.
  {
    name: 'flow components: pathItems and callbacks',
    text: [
      'openapi: 3.1.0',
      "components: { pathItems: { P: { get: { responses: { '200': {} } } } }, callbacks: { C: { '{$url}': { post: { responses: { 201: {} } } } } } }",
    ].join('\n'),
  },
  {
    name: 'components twice, pathItems twice: the first of each counts',
    text: [
      'openapi: 3.1.0',
      'components:',
      '  pathItems:',
      '    A: { put: { responses: { 204: {} } } }',
      '  pathItems:',
      '    B: { put: { responses: { 200: {} } } }',
      'components:',
      '  pathItems:',
      '    C: { post: { responses: { 200: {} } } }',
    ].join('\n'),
  },
  {
    name: 'callbacks in components whose operations have callbacks, three levels',
    text: [
      'openapi: 3.1.0',
      'components:',
      '  callbacks:',
      '    A:',
      "      '{$a}':",
      '        post:',
      '          responses: { 200: {} }',
      '          callbacks:',
      '            B:',
      "              '{$b}':",
      '                get:',
      '                  responses: { 201: {} }',
      '                  callbacks:',
      '                    C:',
      "                      '{$c}':",
      '                        put:',
      '                          responses: { 204: {} }',
    ].join('\n'),
  },
  {
    name: 'a path item by $ref, and pathItems that is not a map',
    text: "openapi: 3.1.0\npaths:\n  /x: { $ref: '#/components/pathItems/X' }\ncomponents:\n  pathItems: []\n",
  },
  { name: 'openapi after the status values it silences', text: 'x:\n  method: POST\n  status: 201\nlog:\n  - { method: GET, status: 200 }\nopenapi: 3.1.0\n' },
  { name: 'asyncapi in a flow root', text: '{ asyncapi: 3.0.0, x: { method: POST, status: 201 } }' },
  { name: 'asyncapi with no value at all is absent', text: '{ asyncapi, x: { method: POST, status: 201 } }' },
  { name: 'asyncapi with an empty value is present', text: 'asyncapi:\nx:\n  method: POST\n  status: 201\n' },
  { name: 'a nested asyncapi key is no spec', text: 'meta:\n  asyncapi: 3.0.0\nx:\n  method: POST\n  status: 201\n' },
  {
    name: 'a spec document, then a test document',
    text: 'swagger: "2.0"\nx-log: { method: DELETE, status: 200 }\n---\nmethod: DELETE\nstatus: 200\n---\nasyncapi: 2.6.0\nmethod: PUT\nstatus: 201\n',
  },
  { name: 'empty and odd documents', text: '' },
  { name: 'only comments', text: '# only\n# comments' },
  { name: 'document markers only', text: '---\n---\n...\n' },
  { name: 'a scalar document', text: 'hello' },
  { name: 'a sequence of codes', text: '- 201\n- 204\n' },
  { name: 'paths that are not maps', text: 'openapi: 3.0.0\npaths:\n  /x: null\n  /y:\n    post: null\n    get:\n      responses: [201]\n' },
  {
    name: 'deep but allowed nesting',
    text:
      'a:\n' +
      Array.from({ length: 50 }, (_, i) => ' '.repeat(2 * i + 2) + `k${i}:`).join('\n') +
      '\n' +
      ' '.repeat(102) +
      'method: GET\n' +
      ' '.repeat(102) +
      'status: 200\n',
  },
  { name: 'too deep: brackets', text: 'method: POST\nstatus: 201\nx: ' + '['.repeat(3000) },
  {
    // Brackets in a comment or a block scalar are text (not-read.test.ts); real nesting past them is still too deep.
    name: 'too deep: real brackets after brackets in a comment and a block scalar',
    text: 'method: POST\nstatus: 201\n# ' + '{'.repeat(300) + '\nd: |\n  ' + '['.repeat(120) + ']\ne: ' + '['.repeat(401) + '\n',
  },
  { name: 'too deep: dashes', text: '- '.repeat(5000) },
  { name: 'brackets that close more than they open', text: 'method: POST\nstatus: 201\n# ]]]]]' + '\nd: "' + '['.repeat(399) + '"\n' },
];
