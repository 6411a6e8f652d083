// GET /api/docs: a self-contained HTML page listing every operation of the OpenAPI document
// (no script, no CDN: the server may have no internet access). The JSON is at /api/openapi.json.
type Doc = { info?: { title?: string; version?: string }; paths?: Record<string, Record<string, Operation>> };
type Operation = { summary?: string; description?: string; tags?: string[]; requestBody?: unknown; parameters?: unknown[]; responses?: Record<string, unknown> };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

export function renderDocsPage(doc: Doc): string {
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const detail = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2);
      rows.push(
        `<details><summary><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> ${escapeHtml(op.summary ?? '')}</summary>` +
          `<p>${escapeHtml(op.description ?? '').replace(/\n/g, '<br>')}</p><pre>${escapeHtml(detail)}</pre></details>`,
      );
    }
  }
  const title = escapeHtml(`${doc.info?.title ?? 'API'} ${doc.info?.version ?? ''}`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem auto;max-width:60rem;padding:0 1rem;color:#1f2329}
details{border:1px solid #dee0e3;border-radius:6px;margin:.4rem 0;padding:.4rem .7rem}summary{cursor:pointer}
.m{display:inline-block;min-width:4.2em;font-weight:600}.get{color:#1d7a3a}.post{color:#245bdb}.put,.patch{color:#b26a00}.delete{color:#c0392b}
pre{background:#f5f6f7;padding:.6rem;overflow:auto;font-size:12px}
</style></head><body><h1>${title}</h1><p>机器可读的接口描述：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）。共 ${rows.length} 个接口。</p>
${rows.join('\n')}
</body></html>`;
}
