/**
 * The idioms the adapters recognise, as typed ids, and the label each is shown with (`statusdoc sites`).
 * Code compares ids, never labels. A `detail` carries what varies within one idiom: the matcher, the YAML key.
 */

/** id -> its label, given the detail. */
const LABELS = {
  // Express, node:http, http-errors
  'express.status': () => '.status()',
  'express.send-status': () => '.sendStatus()',
  'express.redirect': () => '.redirect()',
  'node.write-head': () => '.writeHead()',
  'node.status-code-assignment': () => '.statusCode =',
  'http-errors.create': (detail) => `${detail}()`, // createError, createHttpError, httpError
  // Fastify
  'fastify.code': () => '.code()',
  'fastify.response-schema': () => 'schema.response',
  // Koa
  'koa.assert': () => 'ctx.assert()',
  'koa.throw': () => '.throw()',
  'koa.status-assignment': () => '.status =',
  'koa-router.redirect': () => 'router.redirect()',
  // Hono
  'hono.body': (detail) => `.${detail}()`, // json, text, body, html
  'hono.http-exception': () => 'new HTTPException()',
  // NestJS
  'nestjs.http-code': () => '@HttpCode()',
  'nestjs.redirect': () => '@Redirect()',
  'nestjs.http-exception': () => 'new HttpException()',
  'nestjs.default-code': (detail) => `@${detail}() default`, // the route decorator: Post, Delete
  // routing-controllers, tsoa, koa-swagger-decorator
  'routing-controllers.on-empty': (detail) => `@${detail}()`, // OnUndefined, OnNull
  'tsoa.success-response': () => '@SuccessResponse()',
  'tsoa.response': () => '@Response()',
  'tsoa.set-status': () => 'this.setStatus()',
  'koa-swagger.responses': (detail) => `@${detail}()`, // responses, responsesAll
  // Fetch-style responses: Response, Next.js NextResponse, msw HttpResponse
  'fetch.response-init': (detail) => `${detail}()`, // Response.json, NextResponse.json, HttpResponse.text
  'fetch.new-response': (detail) => `new ${detail}()`, // the class
  'fetch.redirect': (detail) => `${detail}.redirect()`, // the class
  // Tests and clients
  'supertest.expect': () => '.expect()',
  'nock.reply': () => '.reply()',
  'nock.reply-callback': () => '.reply(() => [status, …])',
  'playwright.fulfill': () => 'route.fulfill()',
  'chai.status': () => 'expect().status()',
  'test.matcher': (detail) => `expect(status).${detail}()`, // toBe, equal
  'test.assertion': (detail) => `assert.${detail}()`, // equal, is
  'test.comparison': () => 'status comparison',
  'test.switch': () => 'switch (status)',
  // Any framework
  'object.status-property': (detail) => `{ ${detail}: … }`, // the property as written
  'constant.reference': () => 'constant',
  'helper.status-argument': (detail) => `${detail}()`, // a function of the file that returns { statusCode: its parameter }
  // YAML
  'openapi.responses': () => 'OpenAPI responses',
  'yaml.status-key': (detail) => `${detail}:`, // the key as written
} satisfies Record<string, (detail: string) => string>;

export type IdiomId = keyof typeof LABELS;

export interface Idiom {
  id: IdiomId;
  detail?: string;
}

/** What `statusdoc sites` shows for an idiom: '.status()', '@Delete() default', 'expectStatus:'. */
export function idiomLabel(idiom: Idiom): string {
  return LABELS[idiom.id](idiom.detail ?? '');
}

export const IDIOM_IDS = Object.keys(LABELS) as IdiomId[];
