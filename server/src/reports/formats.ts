// A resolved report in each downloadable format. Text, Markdown and HTML come from the shared
// renderers; Word from reports/docx.ts (cached by content: building a .docx takes ~50–100 ms).
import { renderHtml, renderMarkdown, renderText } from '@zwgk/shared';
import { renderDocx } from './docx';
import { sha256 } from './edition';
import { chineseDate } from './headline';
import { BytesLru, SingleFlight } from './lru';
import type { ResolvedReport } from './view';

export const reportFormats = ['txt', 'md', 'html', 'docx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface FormattedReport {
  body: Buffer;
  contentType: string;
  etag: string;
  filename: string;
}

const contentTypes: Record<ReportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function dateLine(r: ResolvedReport): string | undefined {
  if (!r.edition) return '（草稿，未发布）';
  if (r.edition.kind === 'imported') return undefined;
  return `${chineseDate(r.edition.on)}${r.edition.kind === 'correction' ? '更正' : '发布'}`;
}

const docxCache = new BytesLru<FormattedReport>(30, 16 * 1024 * 1024);
const docxFlights = new SingleFlight<FormattedReport>();

export async function formatReport(r: ResolvedReport, format: ReportFormat): Promise<FormattedReport> {
  const line = dateLine(r);
  const etag = `"${format}-${sha256(`${r.hash}|${line ?? ''}`).slice(0, 32)}"`;
  const filename = `${r.data.report.body ?? r.bodyId}${r.year}年政府信息公开工作年度报告${r.edition ? '' : '（草稿）'}.${format}`;
  const base = { contentType: contentTypes[format], etag, filename };
  switch (format) {
    case 'txt':
      return { ...base, body: Buffer.from(renderText(r.data.report)) };
    case 'md':
      return { ...base, body: Buffer.from(renderMarkdown(r.data.report)) };
    case 'html':
      return { ...base, body: Buffer.from(renderHtml(r.data.report)) };
    case 'docx': {
      const hit = docxCache.get(etag);
      if (hit) return hit;
      return docxFlights.run(etag, async () => {
        const made = { ...base, body: await renderDocx(r.data.report, line ? { dateLine: line } : {}) };
        docxCache.set(etag, made);
        return made;
      });
    }
  }
}
