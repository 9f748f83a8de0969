// SYNTAX TEST "source.ts" "statusdoc: status codes in status positions are scoped by class; other numbers keep the host's scope"

// ---- Express / Node ----
app.post('/orders', async (req, res) => {
  res.status(201).json(order);
//^^^ variable.other.object.ts
//    ^^^^^^ meta.function-call.ts entity.name.function.ts
//          ^ meta.brace.round.ts
//           ^^^ constant.numeric.status-code.success.statusdoc
//              ^ meta.brace.round.ts
//                ^^^^ meta.function-call.ts entity.name.function.ts
//                           ^ punctuation.terminator.statement.ts
  res.sendStatus(204);
//               ^^^ constant.numeric.status-code.success.statusdoc
  res.statusCode = 500;
//    ^^^^^^^^^^ variable.other.property.ts
//               ^ keyword.operator.assignment.ts
//                 ^^^ constant.numeric.status-code.server-error.statusdoc
  res.writeHead(103, { Link: '</style.css>; rel=preload' });
//              ^^^ constant.numeric.status-code.informational.statusdoc
//                 ^ punctuation.separator.comma.ts
  res.writeHead(301, { Location: '/new' });
//              ^^^ constant.numeric.status-code.redirect.statusdoc
  res.redirect(302, '/login');
//             ^^^ constant.numeric.status-code.redirect.statusdoc
//                  ^^^^^^^^ string.quoted.single.ts
  res.status( 404 ).send();
//            ^^^ constant.numeric.status-code.client-error.statusdoc
  res?.status(410);
//            ^^^ constant.numeric.status-code.client-error.statusdoc
});

// ---- Fastify / Koa ----
reply.code(500).send(err);
//         ^^^ constant.numeric.status-code.server-error.statusdoc
reply.status(429);
//           ^^^ constant.numeric.status-code.client-error.statusdoc
ctx.status = 302;
//           ^^^ constant.numeric.status-code.redirect.statusdoc
ctx.throw(404, 'Not found');
//        ^^^ constant.numeric.status-code.client-error.statusdoc
//             ^^^^^^^^^^^ string.quoted.single.ts
ctx.throw(500);
//        ^^^ constant.numeric.status-code.server-error.statusdoc
ctx.assert(ctx.state.user, 401, 'login required');
//                         ^^^ constant.numeric.status-code.client-error.statusdoc
ctx.assert(SUPPORTED.includes(currency), 422);
//                                       ^^^ constant.numeric.status-code.client-error.statusdoc

// ---- NestJS ----
@Controller('orders')
export class OrdersController {
  @Post()
  @HttpCode(202)
//^ punctuation.decorator.ts
// ^^^^^^^^ entity.name.function.ts
//          ^^^ meta.decorator.ts constant.numeric.status-code.success.statusdoc
//             ^ meta.decorator.ts meta.brace.round.ts
  create() {
    throw new HttpException('Forbidden', 403);
//                                       ^^^ constant.numeric.status-code.client-error.statusdoc
  }
  @Get('old')
  @Redirect('https://nestjs.com', 301)
//                                ^^^ constant.numeric.status-code.redirect.statusdoc
  old() {}
}

// ---- Hono and http-errors ----
app.post('/users', async (c) => {
  if (!ok) throw new HTTPException(401, { message: 'no' });
//                                 ^^^ constant.numeric.status-code.client-error.statusdoc
  if (taken) throw createError(409, 'taken');
//                             ^^^ constant.numeric.status-code.client-error.statusdoc
  if (gone) return c.json({ error: 'gone' }, 410);
//                                           ^^^ constant.numeric.status-code.client-error.statusdoc
  if (moved) return c.redirect('/login', 303);
//                                       ^^^ constant.numeric.status-code.redirect.statusdoc
  return c.json(user, 201);
//              ^^^^ variable.other.readwrite.ts
//                    ^^^ constant.numeric.status-code.success.statusdoc
});
export function GET(request: NextRequest) {
  if (!session) return NextResponse.redirect(new URL('/login', request.url), 307);
//                                                                           ^^^ constant.numeric.status-code.redirect.statusdoc
}

// ---- objects: Lambda results, fetch Response, route tables ----
const result = { statusCode: 503, body: '' };
//               ^^^^^^^^^^ meta.object-literal.key.ts
//                         ^ punctuation.separator.key-value.ts
//                           ^^^ meta.objectliteral.ts constant.numeric.status-code.server-error.statusdoc
const created = new Response(null, { status: 201 });
//                                           ^^^ constant.numeric.status-code.success.statusdoc
const legacy = { 'status': 418 };
//                         ^^^ constant.numeric.status-code.client-error.statusdoc
const route = { method: 'POST', path: '/x', errorHttpStatusCode: 422 };
//                                                               ^^^ constant.numeric.status-code.client-error.statusdoc

// ---- tests: supertest, nock, jest, node:assert, comparisons ----
await request(app).post('/orders').send(body).expect(201);
//                                                   ^^^ constant.numeric.status-code.success.statusdoc
await request(app).get('/missing').expect(404, { error: 'not found' });
//                                        ^^^ constant.numeric.status-code.client-error.statusdoc
nock('https://api.example.com').get('/users').reply(200, users);
//                                                  ^^^ constant.numeric.status-code.success.statusdoc
expect(res.status).toBe(201);
//                 ^^^^ entity.name.function.ts
//                      ^^^ constant.numeric.status-code.success.statusdoc
expect(res.statusCode).not.toEqual(500);
//                                 ^^^ constant.numeric.status-code.server-error.statusdoc
expect(res).to.have.status(201);
//                         ^^^ constant.numeric.status-code.success.statusdoc
expect(res.status).to.equal(204);
//                          ^^^ constant.numeric.status-code.success.statusdoc
res.status.should.equal(200);
//                      ^^^ constant.numeric.status-code.success.statusdoc
expect((err as AxiosError).response?.status).toBe(429);
//                                                ^^^ constant.numeric.status-code.client-error.statusdoc
assert.equal(res.status, 422);
//                       ^^^ constant.numeric.status-code.client-error.statusdoc
assert.strictEqual(204, res.status);
//                 ^^^ constant.numeric.status-code.success.statusdoc
if (res.status === 200) ok();
//             ^^^ keyword.operator.comparison.ts
//                 ^^^ constant.numeric.status-code.success.statusdoc
if (response.statusCode !== 404) retry();
//                          ^^^ constant.numeric.status-code.client-error.statusdoc
if (401 == status) login();
//  ^^^ constant.numeric.status-code.client-error.statusdoc
//      ^^ keyword.operator.comparison.ts
if (200 === res?.status) ok();
//  ^^^ constant.numeric.status-code.success.statusdoc

// ---- not status positions: the host's numeric scope stays ----
setTimeout(flush, 200);
//                ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
const codes = [200, 201];
//             ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
//                  ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
const box = { width: 200, height: 404 };
//                   ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
//                                ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.client-error.statusdoc
const code = ok ? status : 500;
//                         ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.server-error.statusdoc
doc.text('Title', 100, 150);
//                ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.informational.statusdoc
expect(items.length).toBe(200);
//                        ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
res.status(2000);
//         ^^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
res.status(600);
//         ^^^ constant.numeric.decimal.ts
res.status(200.5);
//         ^^^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
res.status(200, extra);
//         ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
res.statusCode == 200 + offset;
//                ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
const sum = offset + 200 === res.status;
//                   ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
const colors = {
  200: '#bee3f8',
//^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
};
const ratio = width / 200 === statusRatio;
//                    ^^^ constant.numeric.decimal.ts - constant.numeric.status-code.success.statusdoc
// res.status(500) in a comment
//            ^^^ comment.line.double-slash.ts - constant.numeric.status-code.server-error.statusdoc
const hint = 'res.status(404)';
//                       ^^^ string.quoted.single.ts - constant.numeric.status-code.client-error.statusdoc
const label = `status: 200 and ${res.status(201)}`;
//                     ^^^ string.template.ts - constant.numeric.status-code.success.statusdoc
//                                          ^^^ meta.embedded.line.ts constant.numeric.status-code.success.statusdoc
