// Attachments in a browser (H5): a file input to choose, FormData to upload
// (POST /api/staff/requests/:id/attachments, one `file` part and an optional `text` part; the
// server checks the type from the content). The weapp implementation is files.weapp.ts.
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, type AttachmentUploadResponse } from '@zwgk/shared';
import { ApiError } from '../../api/client';
import { toApiError } from '../../api/errors';
import { loadTokens } from '../../api/storage';


export interface PickedFile {
  name: string;
  size: number;
  /** Platform handle: a File (H5) or a temp file path (weapp). */
  handle: unknown;
}

export const attachmentRule = ATTACHMENT_TYPES_TEXT;

export function tooLarge(file: PickedFile): boolean {
  return file.size > ATTACHMENT_MAX_BYTES;
}

export function pickFiles(): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).map((f) => ({ name: f.name, size: f.size, handle: f }));
      input.remove();
      resolve(files);
    });
    document.body.appendChild(input);
    input.click();
  });
}

export async function uploadAttachment(requestId: string, file: PickedFile, text: string): Promise<AttachmentUploadResponse> {
  const form = new FormData();
  form.append('file', file.handle as File, file.name);
  if (text) form.append('text', text);
  const tokens = loadTokens('staff');
  let response: Response;
  try {
    response = await fetch(`${API_BASE_URL}/staff/requests/${encodeURIComponent(requestId)}/attachments`, {
      method: 'POST',
      body: form,
      headers: tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {},
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，附件未上传');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body);
  return body as AttachmentUploadResponse;
}
