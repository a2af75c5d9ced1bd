/**
 * @module The bench's floor: a bare Hono endpoint on @hono/node-server that receives the same JSON
 * window as `POST /predict`, parses it, and returns fixed JSON — the cost of receiving a window.
 * Prints `listening on <host>:<port>` like the edge API.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
const fixed = { level: 0, label: 'BL1', probabilities: [1, 0, 0, 0, 0] };
app.post('/predict', async (c) => {
  const body = (await c.req.json()) as { samples?: unknown };
  return c.json({ ...fixed, n: Array.isArray(body.samples) ? body.samples.length : 0 });
});
const port = Number(process.env['PORT'] ?? '0');
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`bare listening on 127.0.0.1:${info.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
