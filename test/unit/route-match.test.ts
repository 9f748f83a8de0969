/** endpointsMatching: which routes a request (method and path as its site names them) hits. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ANY_METHOD, endpointsMatching, type Endpoint } from '../../server/src/core';

function endpoint(method: string, path: string | undefined, at = 0, file = 'src/routes.ts'): Endpoint {
  return { method, path, file, at, handler: undefined, apps: [file] };
}

/** The endpoints hit, as `METHOD path@at`. */
function hits(endpoints: Endpoint[], method: string, path: string): string[] {
  return endpointsMatching(endpoints, method, path).map((e) => `${e.method} ${e.path}@${e.at}`);
}

describe('endpointsMatching', () => {
  const routes = [
    endpoint('POST', '/v1/users', 1),
    endpoint('GET', '/v1/users/{userId}', 2),
    endpoint('GET', '/v1/users/me', 3),
    endpoint('DELETE', '/v1/users/{userId}', 4),
    endpoint('GET', undefined, 5),
  ];

  test('a literal path hits the route of its method only', () => {
    assert.deepEqual(hits(routes, 'POST', '/v1/users'), ['POST /v1/users@1']);
    assert.deepEqual(hits(routes, 'PUT', '/v1/users'), []);
    assert.deepEqual(hits(routes, 'post', '/v1/users'), ['POST /v1/users@1'], 'the method in any case');
  });

  test('a parameter of the route matches any one segment, not two and not none', () => {
    assert.deepEqual(hits(routes, 'DELETE', '/v1/users/42'), ['DELETE /v1/users/{userId}@4']);
    assert.deepEqual(hits(routes, 'DELETE', '/v1/users/42/x'), []);
    assert.deepEqual(hits(routes, 'DELETE', '/v1'), []);
  });

  test('a literal segment beats a parameter; a template part of the request hits both', () => {
    assert.deepEqual(hits(routes, 'GET', '/v1/users/me'), ['GET /v1/users/me@3']);
    assert.deepEqual(hits(routes, 'GET', '/v1/users/7'), ['GET /v1/users/{userId}@2']);
    assert.deepEqual(hits(routes, 'GET', '/v1/users/{}'), ['GET /v1/users/{userId}@2', 'GET /v1/users/me@3']);
  });

  test(':id, {id} and [id] in the request are the same parameter', () => {
    for (const path of ['/v1/users/:id', '/v1/users/{id}', '/v1/users/[id]']) {
      assert.deepEqual(hits(routes, 'DELETE', path), ['DELETE /v1/users/{userId}@4'], path);
    }
  });

  test('a trailing slash is tolerated, and a template part inside a segment keeps its literal parts', () => {
    assert.deepEqual(hits(routes, 'POST', '/v1/users/'), ['POST /v1/users@1']);
    const files = [endpoint('GET', '/files/img-1.png', 1), endpoint('GET', '/files/doc.txt', 2)];
    assert.deepEqual(hits(files, 'GET', '/files/img-{}.png'), ['GET /files/img-1.png@1']);
  });

  test('the same path registered twice: both', () => {
    const twice = [endpoint('POST', '/orders', 1, 'a.ts'), endpoint('POST', '/orders', 2, 'b.ts')];
    assert.deepEqual(hits(twice, 'POST', '/orders'), ['POST /orders@1', 'POST /orders@2']);
  });

  test('a route for any method matches every method; * matches the rest, below any other match', () => {
    const any = [endpoint(ANY_METHOD, '/api/hello', 1), endpoint('GET', '/static/*', 2), endpoint('GET', '/static/index.html', 3)];
    assert.deepEqual(hits(any, 'PATCH', '/api/hello'), [`${ANY_METHOD} /api/hello@1`]);
    assert.deepEqual(hits(any, 'GET', '/static/css/a.css'), ['GET /static/*@2']);
    assert.deepEqual(hits(any, 'GET', '/static/index.html'), ['GET /static/index.html@3']);
    assert.deepEqual(hits(any, 'GET', '/static'), []);
  });

  test('HEAD matches GET only where no route serves HEAD', () => {
    assert.deepEqual(hits(routes, 'HEAD', '/v1/users/me'), ['GET /v1/users/me@3']);
    const head = [...routes, endpoint('HEAD', '/v1/users/me', 9)];
    assert.deepEqual(hits(head, 'HEAD', '/v1/users/me'), ['HEAD /v1/users/me@9']);
  });
});
