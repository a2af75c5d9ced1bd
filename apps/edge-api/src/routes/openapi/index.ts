/**
 * @module `GET /openapi.json` and `GET /docs`.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app/app-env.js';
import { docsPage } from './docs-page.js';

/**
 * Creates the `GET /openapi.json` and `GET /docs` handlers for a prepared document.
 *
 * @example
 * const o = openApi(doc); app.get('/openapi.json', o.json); app.get('/docs', o.docs);
 */
export function openApi(doc: { paths: Record<string, Record<string, unknown>> }) {
  const text = JSON.stringify(doc);
  const html = docsPage(doc);
  return {
    json: async function openApiJson(c: Context<AppEnv>): Promise<Response> {
      return c.body(text, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    },
    docs: async function openApiDocs(c: Context<AppEnv>): Promise<Response> {
      return c.html(html);
    },
  };
}
