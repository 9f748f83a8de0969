/**
 * The words that make a status position, written once. The TypeScript adapter (sites/typescript/), the YAML
 * adapter (sites/yaml.ts), completion and the grammar generator (syntaxes/build-injection.mjs) all import them,
 * so a word added here is found, completed and coloured alike. test/unit/grammar-sites.test.ts runs the grammar's
 * fixtures through the site finder to keep the two in step.
 *
 * Plain data, no imports: the grammar generator loads this file on its own.
 */

// ---- methods ----

/** Lower-case names of route registrations and request builders: app.post(...), request(app).post(...). */
export const ROUTE_CALLS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'delete', 'del', 'patch', 'head', 'options']);
/** NestJS route decorators: @Post(). Capitalised, they are also Next.js's route-handler exports (export function POST). */
export const ROUTE_DECORATORS: ReadonlySet<string> = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options']);

/** Members that hold a request's method, tested in handlers that serve several: `req.method`, `event.httpMethod`, `route.request().method()`. */
export const METHOD_MEMBERS: ReadonlySet<string> = new Set(['method', 'httpMethod']);
/** Hono `app.on('POST', path, handler)`, `app.on(['PUT', 'DELETE'], path, handler)`: the methods come first. */
export const ROUTE_ON = 'on';
/** Callbacks a request chain hands its response to: `.then((res) => …)`, supertest `.end((err, res) => …)`, `.expect((res) => …)`. */
export const RESPONSE_CALLBACKS: ReadonlyMap<string, number> = new Map([
  ['then', 0],
  ['end', 1],
  ['expect', 0],
]);
/** koa-swagger-decorator `@request('put', '/users/{id}')`: the method is the first argument. */
export const KOA_SWAGGER_REQUEST = 'request';
/** koa-swagger-decorator `@responses({ 200: … })` on a method, `@responsesAll({ … })` on a class. */
export const KOA_SWAGGER_RESPONSES: ReadonlySet<string> = new Set(['responses', 'responsesAll']);

// ---- status members and keys ----

/** Members that hold a response's status: `res.status`, `response.statusCode`, a destructured `status`. */
export const STATUS_MEMBERS: ReadonlySet<string> = new Set(['status', 'statusCode']);
/** Object properties that hold a status, by exact name ... */
export const STATUS_PROPERTY_NAMES: readonly string[] = ['status', 'statusCode', 'status_code'];
/** ... or by camelCase ending after a lower-case letter: httpStatus, errorHttpStatusCode. */
export const STATUS_PROPERTY_ENDINGS: readonly string[] = ['Status', 'StatusCode'];
export const STATUS_PROPERTY = new RegExp(`^(${STATUS_PROPERTY_NAMES.join('|')})$|[a-z](${STATUS_PROPERTY_ENDINGS.join('|')})$`);

/** YAML (OpenAPI): the operation keys of a path item. */
export const OPERATION_KEYS: ReadonlySet<string> = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** YAML API tests: keys whose value is the expected status, in a mapping that names a method. */
export const STATUS_KEYS: ReadonlySet<string> = new Set([
  'status',
  'statusCode',
  'status_code',
  'expected_status',
  'expectedStatus',
  'expect_status',
  'expectStatus',
  'http_status',
  'httpStatus',
  'response_code',
  'responseCode',
]);
/** YAML API tests: keys that name the request's method. */
export const METHOD_KEYS: ReadonlySet<string> = new Set(['method', 'httpMethod', 'http_method', 'verb']);

// ---- responses ----

/** Express `res.status(201)`, `res.sendStatus(204)`, Fastify `reply.code(201)`: the one argument is the status. */
export const STATUS_CALL = 'status';
export const SEND_STATUS = 'sendStatus';
export const CODE_CALL = 'code';
export const STATUS_CALLS: readonly string[] = [STATUS_CALL, SEND_STATUS, CODE_CALL];
/** node:http `res.writeHead(201, ...)`. */
export const WRITE_HEAD = 'writeHead';
/** Koa `ctx.throw(404)`. */
export const THROW = 'throw';
/** Koa `ctx.assert(condition, 422)`, on these receivers. */
export const ASSERT = 'assert';
export const ASSERT_RECEIVERS: readonly string[] = ['ctx', 'this'];
/** Express `res.redirect(301, url)`, Hono `c.redirect(url, 302)`, `Response.redirect(url, 301)`. */
export const REDIRECT = 'redirect';
/** http-errors and its wrappers: `createError(404)`. */
export const ERROR_FACTORIES: ReadonlySet<string> = new Set(['createError', 'createHttpError', 'httpError']);
/** Hono's response helpers: `c.json(body, 201)`. */
export const HONO_BODIES: ReadonlySet<string> = new Set(['json', 'text', 'body', 'html']);
/** Hono `new HTTPException(401)`. */
export const HONO_EXCEPTION = 'HTTPException';
/** NestJS `@HttpCode(204)`, `@Redirect(url, 301)`, `new HttpException(body, 403)`. */
export const NEST_HTTP_CODE = 'HttpCode';
/** The module NestJS's route decorators come from; the same names from another module are another framework's. */
export const NEST_MODULE = '@nestjs/common';
export const NEST_REDIRECT = 'Redirect';
export const NEST_EXCEPTION = 'HttpException';
/** NestJS parameter decorators that hand the response to the handler, which then sets its own status. */
export const NEST_RESPONSE_PARAMETERS: ReadonlySet<string> = new Set(['Res', 'Response', 'Next']);
/** routing-controllers `@OnUndefined(204)`, `@OnNull(404)`: the code answered when the handler returns nothing. */
export const ON_EMPTY_RESULT: ReadonlySet<string> = new Set(['OnUndefined', 'OnNull']);
/** tsoa `@SuccessResponse('201', 'Created')`, `@Response(404, 'Not found')`, `this.setStatus(201)`. */
export const TSOA_SUCCESS_RESPONSE = 'SuccessResponse';
export const TSOA_RESPONSE = 'Response';
export const TSOA_SET_STATUS = 'setStatus';
/** Playwright `route.fulfill({ status: 201 })` in a `page.route` handler. */
export const FULFILL = 'fulfill';
/** Fetch-style response classes: `new Response(body, { status })`, `NextResponse.json(x, { status })`, msw's mock. */
export const RESPONSE_CLASSES: ReadonlySet<string> = new Set(['Response', 'NextResponse', 'HttpResponse']);
/** The response class whose responses are mocks (msw). */
export const MOCK_RESPONSE_CLASS = 'HttpResponse';

// ---- tests ----

/** chai-http `expect(res).to.have.status(201)`. */
export const CHAI_STATUS = 'status';
/** supertest `.expect(201)`. */
export const EXPECT = 'expect';
/** nock `.reply(201)`. */
export const REPLY = 'reply';
/** nock `.intercept('/x', 'PATCH')`: the method is its second argument. */
export const INTERCEPT = 'intercept';
/** jest and chai matchers on a status: `expect(res.status).toBe(201)`, `res.status.should.equal(201)`. */
export const MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'eq']);
/** Matchers that test a bound, not one status: `expect(res.status).toBeLessThan(StatusCodes.BAD_REQUEST)`, chai `.below()`. */
export const BOUND_MATCHERS: ReadonlySet<string> = new Set([
  'toBeGreaterThan',
  'toBeGreaterThanOrEqual',
  'toBeLessThan',
  'toBeLessThanOrEqual',
  'above',
  'below',
  'least',
  'most',
  'gt',
  'gte',
  'lt',
  'lte',
  'within',
]);
/** node:assert, ava and tap assertions comparing two values: `assert.equal(res.status, 201)`, `t.is(res.status, 201)`. */
export const ASSERTIONS: ReadonlySet<string> = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'is', 'not']);
/** The chai `.should` chain's start: `res.status.should.equal(201)`. */
export const SHOULD = 'should';
/** Request functions whose options object names the method: axios({ method }), fastify.inject({ method }). */
export const REQUEST_FUNCTIONS: ReadonlySet<string> = new Set(['axios', 'request', 'inject']);
