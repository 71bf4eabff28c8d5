/**
 * The ceiling for `GET /auth/session` in `npm run bench`: the same server stack (Node,
 * @hono/node-server, Hono) answering a constant JSON body, with no session lookup.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
const body = { user: { id: 'bench', email: 'bench@example.com' } };
app.get('/bare', (c) => c.json(body));

const port = Number(process.env.PORT ?? 8788);
serve({ fetch: app.fetch, port }, () => console.log(`bare Hono on http://localhost:${port}/bare`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
