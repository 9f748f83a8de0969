/**
 * Drift per status code (core/spec/responses.ts): a code a handler answers that its operation neither lists nor
 * covers; a code an operation lists that no handler answers, only where every handler's answers are known; ranges and
 * `default` cover codes and are never unanswered; a framework's implicit answer counts. Real route files parsed by the
 * compiler, real spec text, answers from the handlers' own sites (answersIn).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  answersIn,
  check,
  coveringResponse,
  DEFAULT_TABLE,
  linkSpecs,
  moduleFactsOf,
  ProjectIndex,
  readSpec,
  responseDriftIn,
  SourceDocument,
  type DriftFact,
  type Endpoint,
} from '../../server/src/core';

const SPEC = `openapi: 3.0.3
paths:
  /items:
    post:
      responses:
        '201':
          description: Created
        4XX:
          description: Client error
    get:
      responses:
        '200':
          description: OK
        '404':
          description: Not found
        default:
          description: Error
`;

/** The drift of one route file `src/app.js` and the spec, with answers read from the file's own sites. */
function driftOf(code: string, spec = SPEC) {
  const index = new ProjectIndex();
  index.setFile('src/app.js', moduleFactsOf(code, 'src/app.js'));
  const links = linkSpecs(index.endpoints(), [{ file: 'docs/openapi.yaml', facts: readSpec(spec, 'yaml')! }]);
  const facts = new SourceDocument(code, 'javascript').facts;
  const sources = {
    answersOf: (endpoint: Endpoint) => (endpoint.inlineHandler ? { file: 'src/app.js', ...answersIn(facts, endpoint.inlineHandler) } : undefined),
    lineOf: (_file: string, offset: number) => (offset === 0 ? 1 : undefined),
  };
  const describe = (fact: DriftFact, text: string) =>
    `${fact.rule} ${'code' in fact ? fact.code : ''} ${text.slice(fact.start, 'end' in fact ? fact.end : fact.start)}`;
  return {
    inCode: responseDriftIn('src/app.js', links, sources).map((fact) => describe(fact, code)),
    inSpec: responseDriftIn('docs/openapi.yaml', links, sources).map((fact) => describe(fact, spec)),
    facts: responseDriftIn('src/app.js', links, sources),
  };
}

const app = (...lines: string[]) => [`const app = require('express')();`, ...lines].join('\n');

describe('response-not-in-spec', () => {
  test('a code neither listed nor covered is found on its site; a listed one and one a range covers are not', () => {
    const { inCode } = driftOf(
      app(
        `app.post('/items', (req, res) => { if (!req.body) return res.status(422).send(); if (req.x) return res.status(500).send(); res.status(201).send(); });`,
      ),
    );
    assert.deepEqual(inCode, ['response-not-in-spec 500 500']);
  });

  test('default covers every code', () => {
    const { inCode } = driftOf(app(`app.get('/items', (req, res) => { if (req.x) return res.status(503).send(); res.status(200).json([]); });`));
    assert.deepEqual(inCode, []);
  });

  test('the fact names the operation and its spec', () => {
    const [fact] = driftOf(app(`app.post('/items', (req, res) => { res.status(503).send(); });`)).facts;
    assert.ok(fact.rule === 'response-not-in-spec');
    assert.deepEqual([fact.operation, fact.spec, fact.method, fact.path], ['POST /items', 'docs/openapi.yaml', 'POST', '/items']);
  });

  test('check words it with the spec file and line', () => {
    const code = app(`app.post('/items', (req, res) => { res.status(503).send(); });`);
    const { facts } = driftOf(code);
    const findings = check(new SourceDocument(code, 'javascript'), DEFAULT_TABLE, { severities: {}, lang: 'en', drift: facts }).filter((f) => f.drift);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, f.message]),
      [['response-not-in-spec', 'warning', "The handler answers 503, which the spec's operation POST /items (docs/openapi.yaml:?) does not list."]],
    );
  });
});

describe('spec-response-unanswered', () => {
  test('a listed code no site answers, on the spec key; ranges and default never', () => {
    const { inSpec } = driftOf(
      app(`app.post('/items', (req, res) => { res.status(201).send(); });`, `app.get('/items', (req, res) => { res.status(200).send(); });`),
    );
    assert.deepEqual(inSpec, ["spec-response-unanswered 404 '404'"]);
  });

  test('an implicit answer (res.json: 200) counts as answered', () => {
    const { inSpec } = driftOf(app(`app.get('/items', (req, res) => { if (!req.x) return res.status(404).send(); res.json([]); });`));
    assert.deepEqual(inSpec, []);
  });

  test('not judged where the handler answers are not known (a status from a parameter, an error passed on)', () => {
    assert.deepEqual(driftOf(app(`app.get('/items', (req, res) => { res.status(req.query.code).send(); });`)).inSpec, []);
    assert.deepEqual(driftOf(app(`app.get('/items', (req, res, next) => { if (req.x) return next(new Error('x')); res.status(200).send(); });`)).inSpec, []);
  });

  test('several handlers of one operation: judged only when all are known, on the codes of all', () => {
    const spec = SPEC.replace(
      '/items:',
      "/items:\n    put:\n      responses:\n        '200':\n          description: OK\n        '204':\n          description: Done",
    );
    const both = app(`app.put('/items', (req, res) => { res.status(200).send(); });`, `app.put('/items', (req, res) => { res.status(204).send(); });`);
    assert.deepEqual(driftOf(both, spec).inSpec, []);
    const one = app(`app.put('/items', (req, res) => { res.status(200).send(); });`, `app.put('/items', (req, res) => { res.status(req.q).send(); });`);
    assert.deepEqual(driftOf(one, spec).inSpec, []);
    const none = app(`app.put('/items', (req, res) => { res.status(200).send(); });`);
    assert.deepEqual(driftOf(none, spec).inSpec, ["spec-response-unanswered 204 '204'"]);
  });
});

test('coveringResponse: the code, else its range, else default', () => {
  const [post, get] = readSpec(SPEC, 'yaml')!.operations;
  assert.equal(coveringResponse(post, 201)?.key, '201');
  assert.equal(coveringResponse(post, 409)?.key, '4XX');
  assert.equal(coveringResponse(post, 500), undefined);
  assert.equal(coveringResponse(get, 500)?.key, 'default');
});
