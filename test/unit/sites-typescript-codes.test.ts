/**
 * Codes written the way teams write them: branches and fallbacks, codes in local bindings, nock reply callbacks,
 * koa-router redirects, status helpers of the file, constants read from their real source, and range bounds that
 * are no status. Each site is judged, hovered and fixed like any other; the silent cases stay silent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, fixEdits, SourceDocument, type Finding } from '../../server/src/core';
import { findSites } from '../../server/src/core/sites';
import { checkText, fixesOf, sitesIn } from './helpers';
import { applyEdit } from './ts-incremental-edits';

/** `line:rule` of each finding: the line the diagnostic stands on, 1-based. */
function findings(text: string): string[] {
  const document = new SourceDocument(text, 'typescript');
  return checkText(text).map((finding) => `${document.lines.lineOf(finding.start) + 1}:${finding.rule}`);
}

function fixedBy(text: string, finding: Finding): string {
  return applyEdits(text, fixEdits(new SourceDocument(text, 'typescript'), fixesOf(finding)[0]));
}

/** The site whose written code is `written`, or undefined. */
function siteOf(text: string, written: string) {
  return findSites(text, 'typescript').find((site) => text.slice(site.start, site.end) === written);
}

describe('branches and fallbacks', () => {
  test('each branch of a ternary is a site under the method in force, and only the wrong one is flagged', () => {
    const text = `router.put('/a/:id', async (req, res) => {\n  res.status(created ? 201 : 200).json(a);\n});\n`;
    assert.deepEqual(sitesIn(text), ['201@201 PUT/route response', '200@200 PUT/route response']);
    const [finding] = checkText(text);
    assert.equal(finding.rule, 'wrong-success-code');
    assert.equal(text.slice(finding.start, finding.end), '201');
    assert.equal(fixedBy(text, finding), text.replace('? 201 :', '? 200 :'));
  });

  test('Koa ctx.status = cond ? a : b, and nested ternaries', () => {
    const text = `router.post('/a', async (ctx) => {\n  ctx.status = existing ? (changed ? 200 : 304) : 201;\n});\n`;
    assert.deepEqual(sitesIn(text), ['200@200 POST/route response', '304@304 POST/route response', '201@201 POST/route response']);
  });

  test('the fallback of || and ?? is a site; the members before it are not', () => {
    const text = [
      `app.use((err, req, res, next) => {`,
      `  res.status(err.status || err.statusCode || 500).json({ message: err.message });`,
      `});`,
      `app.get('/b', (req, res) => res.status(error.statusCode ?? 502).end());`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['500@500 - response', '502@502 GET/route response']);
  });

  test('a condition that is no code is no site', () => {
    assert.deepEqual(sitesIn(`app.get('/c', (req, res) => res.status(ok ? code : other).end());`), []);
  });
});

describe('codes in local bindings', () => {
  test('a const: the site and the diagnostic stand on the literal, with the method of the place it is answered', () => {
    const text = [`router.post('/orders', async (req, res) => {`, `  const code = 200;`, `  await save(req.body);`, `  res.status(code).json({});`, `});`].join(
      '\n',
    );
    assert.deepEqual(sitesIn(text), ['200@200 POST/route response']);
    const [finding] = checkText(text);
    assert.equal(finding.rule, 'wrong-success-code');
    assert.equal(finding.start, text.indexOf('200'));
    assert.equal(fixedBy(text, finding), text.replace('const code = 200', 'const code = 201'));
  });

  test('a let assigned only literals: every literal is a site', () => {
    const text = [`app.delete('/o/:id', (req, res) => {`, `  let status = 204;`, `  if (!found) status = 404;`, `  res.status(status).end();`, `});`].join(
      '\n',
    );
    assert.deepEqual(sitesIn(text), ['204@204 DELETE/route response', '404@404 DELETE/route response']);
    assert.deepEqual(findings(text), []);
  });

  test('a let assigned something else, or changed by ++ or destructuring, is not followed', () => {
    for (const change of ['status = err.status;', 'status++;', '[status] = pair;', '({ status } = result);', 'status += 1;']) {
      const text = `app.post('/x', (req, res) => {\n  let status = 200;\n  if (x) ${change}\n  res.status(status).end();\n});`;
      assert.deepEqual(sitesIn(text), [], change);
    }
  });

  test('a const holding a branch, or a constant (which stops being a mere reference)', () => {
    const text = [
      `import { HttpStatus } from '@nestjs/common';`,
      `app.put('/x', (req, res) => {`,
      `  const code = created ? HttpStatus.CREATED : HttpStatus.OK;`,
      `  res.status(code).end();`,
      `});`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['201@HttpStatus.CREATED PUT/route response', '200@HttpStatus.OK PUT/route response']);
    assert.deepEqual(findings(text), ['3:wrong-success-code']);
  });

  test('a parameter, a top-level const, or a binding shadowed by a parameter is not followed', () => {
    const text = [
      `const CODE = 200;`,
      `app.post('/a', (req, res) => res.status(CODE).end());`,
      `function send(res, code = 200) { res.status(code).end(); }`,
      `app.post('/b', (req, res) => { const code = 200; items.forEach((code) => res.status(code)); });`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), []);
  });

  test('a number in a binding never answered is no site', () => {
    assert.deepEqual(sitesIn(`app.get('/x', (req, res) => { const limit = 200; res.json(rows.slice(0, limit)); });`), []);
  });
});

describe('nock reply callbacks, koa-router redirects, status helpers of the file', () => {
  test('.reply(() => [status, body]) and .reply(function () { return [...] })', () => {
    const text = [
      `nock(base).post('/users').reply(() => [200, { id: 1 }]);`,
      `nock(base).delete('/users/1').reply(function (uri, body) {`,
      `  if (!body) return [404, {}];`,
      `  return [204];`,
      `});`,
      `nock(base).get('/x').reply(200, () => ({ list: [500, 501] }));`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), [
      '200@200 POST/request-builder mock',
      '404@404 DELETE/request-builder mock',
      '204@204 DELETE/request-builder mock',
      '200@200 GET/request-builder mock',
    ]);
    assert.deepEqual(findings(text), ['1:wrong-success-code']);
  });

  test("koa-router's router.redirect(from, to, code): a site, no method", () => {
    const text = `router.redirect('/login', 'sign-in', 308);\nrouter.redirect('/a', '/b');\n`;
    assert.deepEqual(sitesIn(text), ['308@308 - response']);
    assert.deepEqual(findings(text), ['1:undocumented-code']);
  });

  test('a Lambda-style helper: the argument its status parameter takes is a site', () => {
    const text = [
      `const json = (statusCode, body) => ({ statusCode, body: JSON.stringify(body) });`,
      `function problem(title, code) {`,
      `  return { statusCode: code, headers: { 'content-type': 'application/problem+json' }, body: title };`,
      `}`,
      `export const handler = async (event) => {`,
      `  if (!event.body) return problem('missing body', 400);`,
      `  if (throttled()) return json(429, { retry: 30 });`,
      `  return json(200, { ok: true });`,
      `};`,
      `app.post('/x', (req, res) => res.send(json(200, {})));`,
      `setTimeout(() => json, 200);`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['400@400 - response', '429@429 - response', '200@200 - response', '200@200 POST/route response']);
    assert.deepEqual(findings(text), ['7:undocumented-code', '10:wrong-success-code']);
  });

  test('a helper shadowed by a parameter or a local function is not the helper', () => {
    const text = [
      `const json = (statusCode, body) => ({ statusCode, body });`,
      `export function send(json) { return json(429, {}); }`,
      `export function other() { const json = (a, b) => [a, b]; return json(429, {}); }`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), []);
  });

  test('a function that does not return its parameter as a status is no helper', () => {
    const text = `const page = (limit, offset) => ({ limit, offset });\nconst x = page(200, 0);\nconst y = (n) => ({ status: 'ok', n });\ny(404);`;
    assert.deepEqual(sitesIn(text), []);
  });
});

describe('constants read from their real source', () => {
  test("gRPC's status is no HTTP status: no site, no hover", () => {
    const text = [
      `import { status } from '@grpc/grpc-js';`,
      `import * as grpc from '@grpc/grpc-js';`,
      `callback({ code: status.NOT_FOUND, details: 'no such user' });`,
      `if (err.code === grpc.status.UNAVAILABLE) retry();`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), []);
  });

  test('http-status by import or require, named or default; an unbound `status` is not the library', () => {
    const esm = `import { status } from 'http-status';\nconst missing = status.NOT_FOUND;`;
    const cjs = `const httpStatus = require('http-status');\nconst missing = httpStatus.NOT_FOUND;`;
    const named = `const { status: s } = require('http-status');\nconst x = 1;\nrouter.get('/a', (ctx) => { ctx.status = s.NOT_FOUND; });`;
    assert.deepEqual(sitesIn(esm), ['404@status.NOT_FOUND - reference']);
    assert.deepEqual(sitesIn(cjs), ['404@httpStatus.NOT_FOUND - reference']);
    assert.deepEqual(sitesIn(named), ['404@s.NOT_FOUND GET/route response']);
    assert.deepEqual(sitesIn(`import status = require('http-status');\nconst missing = status.NOT_FOUND;`), ['404@status.NOT_FOUND - reference']);
    assert.deepEqual(sitesIn(`const missing = status.NOT_FOUND;`), []);
    assert.deepEqual(sitesIn(`function f(status) { return status.NOT_FOUND; }`), []);
  });

  test('HttpStatus from @nestjs/common, or global; imported from elsewhere or bound to an object it is not', () => {
    assert.deepEqual(sitesIn(`import { HttpStatus } from '@nestjs/common';\nconst a = HttpStatus.OK;`), ['200@HttpStatus.OK - reference']);
    assert.deepEqual(sitesIn(`const { HttpStatus } = require('@nestjs/common');\nconst a = HttpStatus.OK;`), ['200@HttpStatus.OK - reference']);
    assert.deepEqual(sitesIn(`const a = HttpStatus.OK;`), ['200@HttpStatus.OK - reference']);
    assert.deepEqual(sitesIn(`import { HttpStatus } from './grpc-codes';\nconst a = HttpStatus.OK;`), []);
    assert.deepEqual(sitesIn(`const HttpStatus = { OK: 0, NOT_FOUND: 5 };\nconst a = HttpStatus.NOT_FOUND;`), []);
  });

  test("a local enum: the member's own value, judged and fixed to the enum's member", () => {
    const text = [
      `enum HttpStatus { OK = 200, CREATED = 201, NOT_FOUND = 404 }`,
      `app.post('/a', (req, res) => res.status(HttpStatus.OK).end());`,
      `enum Codes { Gone = 410, Teapot = 418 }`,
      `app.get('/b', (req, res) => res.status(Codes.Teapot).end());`,
      `const x = Codes.Gone;`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['200@HttpStatus.OK POST/route response', '418@Codes.Teapot GET/route response']);
    const [wrong, undocumented] = checkText(text);
    assert.equal(wrong.rule, 'wrong-success-code');
    assert.equal(fixedBy(text, wrong), text.replace('status(HttpStatus.OK)', 'status(HttpStatus.CREATED)'));
    assert.equal(undocumented.rule, 'undocumented-code');
  });

  test('an enum of other values is read as it says (gRPC-style codes are no status)', () => {
    assert.deepEqual(sitesIn(`enum HttpStatus { OK = 0, NOT_FOUND = 5 }\napp.get('/a', (req, res) => res.status(HttpStatus.NOT_FOUND));`), []);
  });
});

describe('a bound is not a status', () => {
  test('the bounds of a range test are no site; an equality test stays one', () => {
    const text = [
      `import { StatusCodes } from 'http-status-codes';`,
      `if (res.statusCode >= StatusCodes.INTERNAL_SERVER_ERROR) alert();`,
      `if (status < 400) ok();`,
      `if ((StatusCodes.BAD_REQUEST) <= res.status) fail();`,
      `expect(res.status).toBeLessThan(StatusCodes.BAD_REQUEST);`,
      `if (res.statusCode === StatusCodes.NOT_FOUND) missing();`,
    ].join('\n');
    assert.deepEqual(sitesIn(text), ['404@StatusCodes.NOT_FOUND - expectation']);
  });
});

describe('the incremental parse follows what these sites read beyond their statement', () => {
  function afterReplacing(text: string, from: string, to: string) {
    const before = new SourceDocument(text, 'typescript');
    void before.facts;
    const start = text.indexOf(from);
    assert.ok(start >= 0, from);
    const next = applyEdit(text, { start, end: start + from.length, insert: to });
    const after = before.edit(next.text, 1, next.change);
    assert.deepStrictEqual(after.facts, new SourceDocument(next.text, 'typescript').facts);
    return after.facts.sites.map((site) => `${site.code}@${next.text.slice(site.start, site.end)}`);
  }

  test('the import of `status` changes from gRPC to http-status and back', () => {
    const text = `import { status } from '@grpc/grpc-js';\n\nfoo();\n\nconst missing = status.NOT_FOUND;\n`;
    assert.deepEqual(afterReplacing(text, '@grpc/grpc-js', 'http-status'), ['404@status.NOT_FOUND']);
    const http = text.replace('@grpc/grpc-js', 'http-status');
    assert.deepEqual(afterReplacing(http, 'http-status', '@grpc/grpc-js'), []);
  });

  test('a helper defined, changed or removed in another statement', () => {
    const text = `const json = (statusCode, body) => ({ statusCode, body });\n\nfoo();\n\nexport const handler = async () => json(429, {});\n`;
    assert.deepEqual(afterReplacing(text, '({ statusCode, body })', '({ code: statusCode, body })'), []);
    assert.deepEqual(afterReplacing(text, 'const json', 'const toJson'), []);
    const unbound = text.replace('const json', 'const toJson');
    assert.deepEqual(afterReplacing(unbound, 'const toJson', 'const json'), ['429@429']);
  });

  test('an enum changed in another statement', () => {
    const text = `enum S { OK = 200 }\n\nfoo();\n\napp.get('/a', (req, res) => res.status(S.OK));\n`;
    assert.deepEqual(afterReplacing(text, 'OK = 200', 'OK = 202'), ['202@S.OK']);
  });

  test('the hover sits on the literal a binding holds, and nowhere else', () => {
    const text = `app.post('/x', (req, res) => {\n  const code = 429;\n  res.status(code).end();\n});`;
    const site = siteOf(text, '429');
    assert.ok(site);
    assert.equal(siteOf(text, 'code'), undefined);
  });
});
