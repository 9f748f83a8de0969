const request = require('supertest');
const app = require('../src/app');

describe('users', () => {
  test('creates a user', async () => {
    // Right by the table, but createUser answers 200 (the controller's wrong-success-code): flagged until it is fixed
    await request(app).post('/v1/users').send({ name: 'Ada' }).expect(201);
  });

  test('rejects a bad user id', async () => {
    // getUser answers 200 or 404: no path of it answers 400 (see src/controllers/user.controller.js)
    await request(app).get('/v1/users/not-an-id').expect(400);
  });

  test('deletes a user', async () => {
    await request(app).delete('/v1/users/1').expect(204);
  });
});
