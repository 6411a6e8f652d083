// Attachment limits, shared so the app can refuse a file before uploading it. The server checks
// the type from the file's content (magic bytes), never from its name.

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Per request, to keep one document (FerretDB) and one conversation reasonable. */
export const ATTACHMENTS_PER_REQUEST = 50;

export const attachmentTypes = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF 文档' },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPEG 图片' },
  { ext: 'png', mime: 'image/png', label: 'PNG 图片' },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格' },
  { ext: 'txt', mime: 'text/plain', label: '文本文件' },
] as const;

export type AttachmentMime = (typeof attachmentTypes)[number]['mime'];

export const ATTACHMENT_TYPES_TEXT = '支持 PDF、JPG、PNG、Word（docx）、Excel（xlsx）和 TXT 文件，单个不超过 10MB';
