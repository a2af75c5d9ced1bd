/**
 * @module A self-contained HTML page rendering the OpenAPI document (no CDN: the edge box may be
 * offline).
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Renders every path and method of an OpenAPI document as an HTML page.
 *
 * @example
 * docsPage(openApiDocument(info, limits, '0.1.0')); // '<!doctype html>…'
 */
export function docsPage(doc: { info?: unknown; paths: Record<string, Record<string, unknown>> }): string {
  const info = (doc.info ?? {}) as { title?: string; version?: string; description?: string };
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const o = op as { summary?: string; description?: string; responses?: Record<string, { description?: string }> };
      const responses = Object.entries(o.responses ?? {})
        .map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? '')}</li>`)
        .join('');
      sections.push(
        `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>` +
          `<p><b>${escapeHtml(o.summary ?? '')}</b></p>${o.description ? `<p>${escapeHtml(o.description)}</p>` : ''}<ul>${responses}</ul></section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title ?? 'API')}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}section{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;font-family:monospace;color:#06c}code{background:#f4f4f4;padding:0 .2rem}</style>
</head><body><h1>${escapeHtml(info.title ?? 'API')} <small>${escapeHtml(info.version ?? '')}</small></h1>
<p>${escapeHtml(info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p>${sections.join('\n')}</body></html>`;
}
