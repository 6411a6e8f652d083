// Attaching a file to the conversation from a browser: a file picker, the type and size checked
// before uploading (attachments.ts of @zwgk/shared; the server checks the content again), and
// a multipart POST with the citizen's token. The weapp implementation is upload.weapp.ts.
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, attachmentTypes } from '@zwgk/shared';
import { ApiError } from '../api/client';
import { toApiError } from '../api/errors';
import { loadTokens } from '../api/storage';
import { absoluteUrl } from '../api/urls';

function pick(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = attachmentTypes.map((t) => `.${t.ext},${t.mime}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the citizen choose a file and posts it to the request's thread; false when cancelled. */
export async function pickAndUpload(requestId: string): Promise<boolean> {
  const file = await pick();
  if (!file) return false;
  const ext = file.name.split('.').pop()?.toLowerCase();
  if (!attachmentTypes.some((t) => t.ext === ext || (ext === 'jpeg' && t.ext === 'jpg'))) throw new ApiError(415, 'ATTACHMENT_TYPE', ATTACHMENT_TYPES_TEXT);
  if (file.size > ATTACHMENT_MAX_BYTES) throw new ApiError(413, 'ATTACHMENT_TOO_LARGE', '文件过大，单个文件不超过10MB');
  const form = new FormData();
  form.append('file', file, file.name);
  const tokens = loadTokens('citizen');
  const response = await fetch(absoluteUrl(`/api/requests/${encodeURIComponent(requestId)}/attachments`), {
    method: 'POST',
    headers: tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {},
    body: form,
  }).catch(() => undefined);
  if (!response) throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return true;
}
