// Bytes of a report file → text. Reports are saved from Word or web pages as UTF-8 (with
// or without BOM), UTF-16, or GBK/GB18030 on Chinese Windows machines; all are accepted.
// Node-only (TextDecoder with full ICU); not exported to the mini-program.

import { ReportReadError } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeReportBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const head = Array.from(bytes.subarray(0, 8));
  const startsWith = (...b: number[]) => b.every((x, i) => head[i] === x);
  if (startsWith(0x25, 0x50, 0x44, 0x46) || startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ReportReadError('binary', '这是 PDF 或 Word 文件，不是文本；请先把报告另存为纯文本（UTF-8）');
  }
  if (startsWith(0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = startsWith(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new ReportReadError('binary', '文件含有二进制数据，不是文本');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
    } catch {
      throw new ReportReadError('encoding', '文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本');
    }
  }
}
