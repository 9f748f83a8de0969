// SYNTAX TEST "source.js" "statusdoc: status codes in JavaScript (Express, Koa, supertest)"
const express = require('express');

app.get('/health', (req, res) => res.sendStatus(200));
//                                              ^^^ constant.numeric.status-code.success.statusdoc
app.delete('/orders/:id', function (req, res) {
  res.status(204).end();
//    ^^^^^^ entity.name.function.js
//           ^^^ constant.numeric.status-code.success.statusdoc
//                ^^^ entity.name.function.js
});
router.post('/login', async (ctx) => {
  ctx.status = 401;
//             ^^^ constant.numeric.status-code.client-error.statusdoc
  ctx.body = { status: 401, retryAfter: 300 };
//                     ^^^ constant.numeric.status-code.client-error.statusdoc
//                                      ^^^ constant.numeric.decimal.js - constant.numeric.status-code.redirect.statusdoc
});
console.log(`answered ${res.status(500)} at ${Date.now()}`);
//                                 ^^^ meta.embedded.line.js constant.numeric.status-code.server-error.statusdoc
it('creates', () => request(app).post('/orders').expect(201));
//                                                      ^^^ constant.numeric.status-code.success.statusdoc
setTimeout(poll, 200);
//               ^^^ constant.numeric.decimal.js - constant.numeric.status-code.success.statusdoc
const retryOn = [502, 503];
//               ^^^ constant.numeric.decimal.js - constant.numeric.status-code.server-error.statusdoc
const msg = "res.status(404)";
//                      ^^^ string.quoted.double.js - constant.numeric.status-code.client-error.statusdoc
