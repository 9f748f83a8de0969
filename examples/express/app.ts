import express from 'express';
import { router } from './orders';

export const app = express();
app.use(express.json());
app.use(router);
