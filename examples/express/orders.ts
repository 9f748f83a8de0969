import express, { type Request, type Response } from 'express';
import { orders } from './store';

export const router = express.Router();

router.get('/orders/:id', async (req: Request, res: Response) => {
  const order = await orders.find(req.params.id);
  if (!order) {
    return res.status(404).json({ error: 'order not found' });
  }
  res.status(200).json(order);
});

router.post('/orders', async (req: Request, res: Response) => {
  if (!req.body?.items?.length) {
    return res.status(400).json({ error: 'an order needs items' });
  }
  try {
    const order = await orders.create(req.body);
    res.status(200).json(order); // the table says POST answers 201
  } catch {
    res.status(503).json({ error: 'order store unavailable' });
  }
});

async function cancelOrder(req: Request, res: Response) {
  const removed = await orders.remove(req.params.id);
  if (!removed) return res.sendStatus(404);
  res.sendStatus(204);
}

router.delete('/orders/:id', cancelOrder);

router.put('/orders/:id', async (req: Request, res: Response) => {
  if (await orders.isLocked(req.params.id)) {
    res.statusCode = 409;
    return res.end();
  }
  await orders.update(req.params.id, req.body);
  res.status(200).json({ ok: true });
});

router.post('/orders/:id/retry', (_req: Request, res: Response) => {
  // Not every number is a status code: none of these get a hover.
  setTimeout(() => res.status(429).send('slow down'), 200);
  const widths = [200, 201];
  return widths;
});
