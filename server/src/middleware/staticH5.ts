// Serves the H5 build of the mini-program (miniapp/dist/h5) under /app/, with
// index.html as the fallback for client-side routes. Minimal on purpose: GET/HEAD
// only, no directory listings, paths confined to the build folder (no `..`, no NUL).
//
// Compression: the build writes `<file>.br` and `<file>.gz` beside each text asset
// (miniapp/scripts/precompress.mjs, part of `npm run build:h5`), compressed once at the best
// levels; here we only pick one — brotli, else gzip, whichever the client accepts — so serving
// costs no CPU. A build without them is served as it is. Each representation has its own ETag,
// `Vary: Accept-Encoding` tells caches that they differ, and a matching If-None-Match or
// If-Modified-Since is a 304 (index.html is `no-cache`: revalidated on every load, so cheap).
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context, Middleware } from 'koa';

export function staticH5(rootDir: string, mount = '/app'): Middleware {
  const root = resolve(rootDir);
  return async (ctx, next) => {
    if (ctx.path !== mount && !ctx.path.startsWith(mount + '/')) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === mount) return ctx.redirect(mount + '/' + (ctx.querystring ? '?' + ctx.querystring : ''));

    const index = join(root, 'index.html');
    if (!(await isFile(index))) return next(); // no H5 build: /app/* is a plain 404

    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(mount.length + 1));
    } catch {
      return next();
    }
    if (relative.includes('\0')) return next();
    const file = resolve(root, normalize(relative || 'index.html'));
    if (file !== root && !file.startsWith(root + sep)) return next();

    if (relative && (await isFile(file))) {
      // Hashed bundles never change; everything else must be revalidated.
      const hashed = /\.[0-9a-f]{8,}\./.test(file);
      return send(ctx, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing asset (has an extension) is a 404; a client-side route gets index.html.
    if (extname(relative) && extname(relative) !== '.html') return next();
    return send(ctx, index, 'no-cache');
  };
}

async function fileStats(path: string): Promise<Stats | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await fileStats(path)) !== undefined;
}

/** Precompressed siblings, in the order we prefer them. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

interface Representation {
  path: string;
  info: Stats;
  encoding: string | undefined;
}

/**
 * The bytes to send for `file`: a precompressed sibling the client accepts (q > 0; no
 * Accept-Encoding header means identity only), else the file. A sibling older than its file
 * was left by an earlier build and is ignored.
 */
async function representation(ctx: Context, file: string, original: Stats): Promise<Representation> {
  let varies = false;
  let chosen: Representation | undefined;
  for (const { encoding, suffix } of VARIANTS) {
    const info = await fileStats(file + suffix);
    if (!info || info.mtimeMs < original.mtimeMs) continue;
    varies = true;
    if (!chosen && ctx.acceptsEncodings(encoding) === encoding) chosen = { path: file + suffix, info, encoding };
  }
  if (varies) ctx.vary('Accept-Encoding');
  return chosen ?? { path: file, info: original, encoding: undefined };
}

const etags = new Map<string, { size: number; mtimeMs: number; etag: string }>();

/**
 * Strong ETag from the bytes sent (hashed once per file and build): each representation has its
 * own (gzip and brotli bytes differ), and instances serving the same build agree on it, whatever
 * the files' times — so a revalidation answered by another instance is still a 304.
 */
async function etagOf(path: string, info: Stats): Promise<string> {
  const known = etags.get(path);
  if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.etag;
  const etag = `"${createHash('sha256').update(await readFile(path)).digest('base64url').slice(0, 27)}"`;
  etags.set(path, { size: info.size, mtimeMs: info.mtimeMs, etag });
  return etag;
}

async function send(ctx: Context, file: string, cacheControl: string): Promise<void> {
  const original = await stat(file);
  const chosen = await representation(ctx, file, original);
  ctx.status = 200;
  ctx.type = extname(file) || 'application/octet-stream';
  if (chosen.encoding) ctx.set('Content-Encoding', chosen.encoding);
  ctx.length = chosen.info.size;
  ctx.lastModified = original.mtime;
  ctx.etag = await etagOf(chosen.path, chosen.info);
  ctx.set('Cache-Control', cacheControl);
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  // HEAD: the same headers (Content-Length included), no body; Koa ends the response.
  if (ctx.method !== 'HEAD') ctx.body = createReadStream(chosen.path);
}
