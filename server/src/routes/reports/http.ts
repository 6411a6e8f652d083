// Conditional responses for reports, cards and the share page: ETag + If-None-Match → 304,
// and a Cache-Control that says how long the content can live:
//   a numbered edition   never changes            public, max-age=1 year, immutable
//   the current edition  may be corrected later   public, max-age=60 (then revalidate, cheap)
//   a draft              staff only, moves       private, no-cache
import type { ParameterizedContext } from 'koa';
import type { ResolvedReport } from '../../reports/view';

export function cacheControlFor(r: Pick<ResolvedReport, 'immutable' | 'edition'>): string {
  if (r.immutable) return 'public, max-age=31536000, immutable';
  if (r.edition) return 'public, max-age=60';
  return 'private, no-cache';
}

/** If-None-Match lists `etag` (or is `*`); weak validators compare equal (RFC 9110 §13.1.2). */
export function etagMatches(ctx: ParameterizedContext, etag: string): boolean {
  const header = ctx.get('If-None-Match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(etag));
}

export interface Sendable {
  body: Buffer | string;
  etag: string;
  contentType: string;
  cacheControl: string;
  /** Content-Disposition file name; `download` makes it an attachment (else inline). */
  filename?: string;
  download?: boolean;
  /** Content-Security-Policy for HTML (the API default forbids inline styles). */
  csp?: string;
}

export const HTML_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Sets the validators, then answers 304 when the client has this version, else the bytes. */
export function sendConditional(ctx: ParameterizedContext, s: Sendable): void {
  ctx.set('ETag', s.etag);
  ctx.set('Cache-Control', s.cacheControl);
  ctx.vary('Authorization');
  if (etagMatches(ctx, s.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  if (s.filename) ctx.attachment(s.filename, { type: s.download ? 'attachment' : 'inline' });
  ctx.type = s.contentType;
  if (s.csp) ctx.set('Content-Security-Policy', s.csp);
  ctx.body = s.body;
}
