// Pictures for the platforms: the item's cover (WeChat thumb, Weibo pic) and the images in
// its body (WeChat only shows images uploaded with media/uploadimg). Sources are data: URLs
// or http(s) URLs; without a cover a plain generated PNG is used (WeChat requires a thumb).
import { crc32, deflateSync } from 'node:zlib';
import { PlatformError } from '../../platforms';

export interface ImageBytes {
  data: Uint8Array;
  filename: string;
  contentType: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

export async function loadImage(src: string, timeoutMs: number): Promise<ImageBytes> {
  const data = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(src);
  if (data) {
    const bytes = data[2] ? Buffer.from(data[3]!, 'base64') : Buffer.from(decodeURIComponent(data[3]!), 'utf8');
    return { data: bytes, contentType: data[1]!, filename: `image.${extension(data[1]!)}` };
  }
  let res: Response;
  try {
    res = await fetch(src, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new PlatformError({ platform: 'webhook', code: 'NETWORK', kind: 'network', transient: true, message: `图片 ${src} 下载失败`, cause: err });
  }
  if (!res.ok) throw new PlatformError({ platform: 'webhook', code: `HTTP_${res.status}`, kind: 'invalid_request', transient: res.status >= 500, message: `图片 ${src} 下载失败（HTTP ${res.status}）` });
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_BYTES) throw new PlatformError({ platform: 'webhook', code: 'TOO_LARGE', kind: 'invalid_request', transient: false, message: `图片 ${src} 超过 10MB` });
  const type = res.headers.get('content-type')?.split(';')[0] ?? 'image/jpeg';
  return { data: buf, contentType: type, filename: `image.${extension(type)}` };
}

function extension(type: string): string {
  return type === 'image/png' ? 'png' : type === 'image/gif' ? 'gif' : 'jpg';
}

let cover: ImageBytes | undefined;

/** A 360×153 (the 2.35:1 WeChat cover ratio) PNG in the site's blue, made once. */
export function defaultCover(): ImageBytes {
  cover ??= { data: solidPng(360, 153, [0x1f, 0x5f, 0xa8]), filename: 'cover.png', contentType: 'image/png' };
  return cover;
}

function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}
