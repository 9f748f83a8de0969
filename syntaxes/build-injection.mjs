#!/usr/bin/env node
/**
 * Writes syntaxes/statusdoc.injection.tmLanguage.json, the TextMate injection grammar that gives HTTP status codes in
 * status positions a scope by class (constant.numeric.status-code.<class>.statusdoc), so themes can colour them.
 *
 * The JSON is generated: its one regex is assembled from the positions below and would be unreadable by hand. Edit
 * the positions here and run `node syntaxes/build-injection.mjs`; `npm run test:grammar` fails while the JSON is stale.
 *
 * Design:
 * - Only the three digits are consumed. The context (`.status(`, `status: `, the `'` of a quoted YAML key ...) sits in
 *   look-behinds and look-aheads, so the host grammar's tokens around the number stay exactly as they were
 *   (test/grammar/run.mjs checks this token by token against the host grammar alone).
 * - The look-behinds are variable-length (`[ \t]*`, `^ *`). VS Code's regex engine, vscode-oniguruma 1.7 (Oniguruma
 *   6.9.8), supports that; the tests run on the same engine, and a regex that failed to compile would fail them.
 * - One regex, opening with the digits: it is tried only where a digit 1-5 stands, and the positions are alternatives
 *   tested after it. Fifteen regexes, or ones opening with a look-behind, made tokenizing markedly slower.
 * - TextMate sees one line at a time: a call or key split across lines is not seen (the language server still is).
 *
 * The words come from server/src/core/vocabulary.ts, which the adapters import too (loaded here through tsx, so plain
 * `node` runs this script). test/unit/grammar-sites.test.ts runs the fixtures of test/grammar through the site finder:
 * a position here that the server does not treat as a status position, or the other way round, fails it.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const vocabulary = await tsImport('../server/src/core/vocabulary.ts', import.meta.url);
const {
  ASSERT,
  ASSERT_RECEIVERS,
  ASSERTIONS,
  ERROR_FACTORIES,
  EXPECT,
  HONO_BODIES,
  HONO_EXCEPTION,
  MATCHERS,
  NEST_EXCEPTION,
  NEST_HTTP_CODE,
  NEST_REDIRECT,
  REDIRECT,
  REPLY,
  SHOULD,
  STATUS_CALLS,
  STATUS_KEYS,
  STATUS_MEMBERS,
  STATUS_PROPERTY_ENDINGS,
  STATUS_PROPERTY_NAMES,
  THROW,
  WRITE_HEAD,
} = vocabulary;

/** A non-capturing alternation of words (identifiers: nothing to escape). */
const words = (list) => `(?:${[...list].join('|')})`;

export const GRAMMAR_PATH = fileURLToPath(new URL('./statusdoc.injection.tmLanguage.json', import.meta.url));

const CLASSES = ['informational', 'success', 'redirect', 'client-error', 'server-error'];

/** The code itself: 100-599, three digits; one capture per class (only the one that matched yields a token). */
const CODE = `(?:${CLASSES.map((_, i) => `(${i + 1}\\d\\d)`).join('|')})`;
const CAPTURES = Object.fromEntries(CLASSES.map((name, i) => [String(i + 1), { name: `constant.numeric.status-code.${name}.statusdoc` }]));

/** Horizontal white space (TextMate matches one line at a time). */
const _ = String.raw`[ \t]*`;
/**
 * After a code in script: not more digits, a decimal part, an identifier character or a BigInt suffix, and not the
 * left operand of arithmetic (`res.status = 200 + offset` assigns an expression, not a literal code).
 */
const END = String.raw`(?![\w$.])(?!${_}[-+*/%])`;
/** `res.status`, `this.res?.statusCode`, a destructured `status`: a status member read as a value. */
const STATUS_MEMBER = String.raw`\b${words(STATUS_MEMBERS)}\b`;
/**
 * A simple argument on one line: a member chain, maybe called or constructed with flat arguments (`getUser(id)`,
 * `new URL('/login', request.url)`), a string, or a flat {...} / [...].
 */
const SIMPLE_ARG = String.raw`(?:(?:new[ \t]+)?[\w$.?!]+(?:\([^()]*\))?|'[^'\\]*'|"[^"\\]*"|\{[^{}()]*\}|\[[^\[\]()]*\])`;
/** The subject of an expectation, ending in a status member: `res.status`, `(err as AxiosError).response?.status`. */
const STATUS_SUBJECT = String.raw`(?:[\w$.?!]|\([^()]*\))*${STATUS_MEMBER}`;
/** node:assert, ava and tap assertions that compare two values. */
const ASSERTION = words(ASSERTIONS);
/**
 * Keys whose value is a status: the script's status properties and YAML's status keys, by name, and by camelCase
 * ending (httpStatus, errorHttpStatusCode), which covers the names that end so.
 */
const ENDING = String.raw`[a-z]\w*?${words(STATUS_PROPERTY_ENDINGS)}`;
const STATUS_KEY = words([...new Set([...STATUS_PROPERTY_NAMES, ...STATUS_KEYS].filter((key) => !new RegExp(`^${ENDING}$`).test(key))), ENDING]);

/** A position the code stands in: `before` is a look-behind body (the context up to the code), `after` a look-ahead. */
const at = (comment, before, after) => ({ comment, test: `(?<=(?:${before})\\d{3})(?=${after})` });

const positions = [
  // ---- script: calls ----
  at(
    'res.status(201), res.sendStatus(204), reply.code(201), chai expect(res).to.have.status(201): the one argument',
    String.raw`\.${words(STATUS_CALLS)}\(${_}`,
    String.raw`${_}\)`,
  ),
  at(
    'res.writeHead(200, ...), ctx.throw(404, ...), supertest .expect(201, ...), nock .reply(200, ...): first argument',
    String.raw`\.${words([WRITE_HEAD, THROW, EXPECT, REPLY])}\(${_}`,
    String.raw`${_}[,)]`,
  ),
  at('Express res.redirect(301, url): first of two arguments', String.raw`\.${REDIRECT}\(${_}`, String.raw`${_},`),
  at(
    'Koa ctx.assert(condition, 401, message): the second argument, when the condition has no comma outside flat parentheses',
    String.raw`\b${words(ASSERT_RECEIVERS)}\.${ASSERT}\(${_}(?:[^,()]|\([^()]*\))*,${_}`,
    String.raw`${_}[,)]`,
  ),
  at(
    'NestJS @HttpCode(204); createError(404), createHttpError(404), httpError(404); Hono new HTTPException(401, ...)',
    String.raw`@${NEST_HTTP_CODE}\(${_}|(?:^|[^\w$.])${words(ERROR_FACTORIES)}\(${_}|\bnew[ \t]+${HONO_EXCEPTION}\(${_}`,
    String.raw`${_}[,)]`,
  ),
  at(
    'NestJS @Redirect(url, 301), new HttpException(body, 403), Hono c.json(x, 201) / c.text / c.body / c.html, c.redirect(url, 302): the second argument, when the first is simple and no number follows',
    String.raw`(?:@${NEST_REDIRECT}|\bnew[ \t]+${NEST_EXCEPTION}|\.${words([...HONO_BODIES, REDIRECT])})\(${_}${SIMPLE_ARG}${_},${_}`,
    String.raw`${_}(?:\)|,[ \t]*+(?![\d.]))`,
  ),
  // ---- script: assignments, comparisons, assertions ----
  at("res.status = 201, res.statusCode = 404 (Koa's ctx.status, node:http's res.statusCode)", String.raw`\.${words(STATUS_MEMBERS)}${_}=${_}`, END),
  at('res.status === 200, statusCode !== 404, status == 500', String.raw`${STATUS_MEMBER}${_}[!=]==?${_}`, END),
  {
    comment: '200 === res.status, 404 !== statusCode: the code not the end of arithmetic (`offset + 200 === res.status`)',
    test: `(?<![-+*/%]${_}\\d{3})(?=${_}[!=]==?${_}(?:[\\w$]+${_}\\??\\.${_})*${words(STATUS_MEMBERS)}\\b(?!${_}[(.\\[]))`,
  },
  at(
    'expect(res.status).toBe(200), expect(res.statusCode).not.toEqual(500), chai expect(res.status).to.equal(201), res.status.should.equal(201)',
    String.raw`\b${EXPECT}\(${_}${STATUS_SUBJECT}${_}\)(?:${_}\.${_}(?:to|be|not|deep|have|that|and|should))*${_}\.${_}${words(MATCHERS)}\(${_}` +
      String.raw`|${STATUS_MEMBER}\.${SHOULD}(?:\.(?:be|not|deep|have))*\.${words(MATCHERS)}\(${_}`,
    String.raw`${_}[,)]`,
  ),
  at('assert.equal(res.status, 201), t.is(res.status, 201)', String.raw`\.${ASSERTION}\(${_}${STATUS_SUBJECT}${_},${_}`, String.raw`${_}[,)]`),
  at('assert.equal(201, res.status), t.is(201, res.status)', String.raw`\.${ASSERTION}\(${_}`, String.raw`${_},${_}${STATUS_SUBJECT}${_}[,)]`),
  // ---- script and YAML: status keys ----
  // Not script object keys (Fastify's `response: { 200: Schema }`): the host opens its object-member rule at the key,
  // and a rule of the injection that matched there would win the tie and drop the host's key scopes.
  at(
    "{ status: 201 }, { statusCode: 500 }, { 'status': 201 }, errorHttpStatusCode: 404; YAML status: 201, expected_status: '404'. The key starts its line or follows { , ; and has no space before the colon (`ok ? status : 500` is a ternary)",
    String.raw`(?:^${_}(?:-[ \t]+)?|[{,;][ \t]*)['"]?${STATUS_KEY}['"]?:${_}['"]?`,
    String.raw`['"]?(?![\w$.])`,
  ),
  // ---- YAML: OpenAPI responses keys ----
  // A mapping key that is a code and nothing else, alone on its line (a comment may follow). `200: {...}` on one line is
  // left alone: in a script the same text is a numeric object key (Tailwind's `200: '#bee3f8'`, Swiper's `640: {`),
  // and this one grammar serves both.
  at('OpenAPI responses key 200: (plain)', String.raw`^ *`, String.raw`${_}:(?:[ \t]+#.*)?${_}$`),
  at("OpenAPI responses key '201': (single-quoted)", String.raw`^ *'`, String.raw`':(?:[ \t]+#.*)?${_}$`),
  at('OpenAPI responses key "404": (double-quoted)', String.raw`^ *"`, String.raw`":(?:[ \t]+#.*)?${_}$`),
];

/**
 * A whole number, tested before the positions so that the digits inside longer numbers and names are dropped at once:
 * not after a word character, `$` or `.`, and not followed by one or by a decimal part.
 */
const WHOLE = String.raw`(?<![\w$.]\d{3})(?![\w$]|\.\d)`;

/** One regex for all positions: the code first, then the positions as alternatives of zero-width tests. */
export const MATCH = `${CODE}${WHOLE}(?:${positions.map((position) => position.test).join('|')})`;
export const POSITIONS = positions.map((position) => position.comment);

/** Script hosts: not in comments, not in strings except template `${...}`, not in JSX text except `{...}`. */
const scriptSelector = (scope) => `L:${scope} -comment -(string -meta.embedded) -(meta.jsx.children -meta.embedded)`;

export function buildGrammar() {
  return {
    name: 'statusdoc status codes',
    scopeName: 'statusdoc.injection',
    comment: 'Generated by syntaxes/build-injection.mjs; do not edit by hand.',
    // `source.js` also selects JSX: selectors match scope prefixes, and source.js.jsx starts with source.js. Naming both
    // would run the injection twice on every JSX line.
    // YAML keeps strings: its quoted keys and values ('201':, status: '404') are strings to the YAML grammar.
    injectionSelector: [scriptSelector('source.ts'), scriptSelector('source.tsx'), scriptSelector('source.js'), 'L:source.yaml -comment'].join(', '),
    patterns: [
      {
        comment: `An HTTP status code (100-599) in a status position: ${POSITIONS.join('; ')}.`,
        match: MATCH,
        captures: CAPTURES,
      },
    ],
  };
}

export function grammarText() {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = grammarText();
  let old = '';
  try {
    old = readFileSync(GRAMMAR_PATH, 'utf8');
  } catch {
    /* first build */
  }
  if (old !== text) writeFileSync(GRAMMAR_PATH, text);
  console.log(old === text ? 'up to date' : 'wrote', GRAMMAR_PATH);
}
