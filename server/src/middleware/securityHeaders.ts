// Conservative security headers. The API only returns JSON and files, so it gets a
// deny-everything CSP; the H5 app (/app/) gets a same-origin CSP. API answers are not stored
// by caches unless the route says otherwise (public reports, cards, the body directory set
// their own Cache-Control): many of them carry personal data — the applicant's own detail
// with the full ID number, tokens, the inbox — which must not stay in a browser or proxy cache.
import type { Middleware } from 'koa';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
const APP_CSP =
  "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

export function securityHeaders(options: { https: boolean }): Middleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Content-Security-Policy', ctx.path.startsWith('/app') ? APP_CSP : API_CSP);
    if (options.https) ctx.set('Strict-Transport-Security', 'max-age=15552000');
    if (ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store');
    await next();
  };
}
