// Attachments in the WeChat mini-program: files from a chat (wx.chooseMessageFile) uploaded with
// wx.uploadFile. Same interface as files.ts.
import Taro from '@tarojs/taro';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, type AttachmentUploadResponse } from '@zwgk/shared';
import { ApiError } from '../../api/client';
import { toApiError } from '../../api/errors';
import { loadTokens } from '../../api/storage';
import type { PickedFile } from './files';

export type { PickedFile } from './files';

export const attachmentRule = ATTACHMENT_TYPES_TEXT;

export function tooLarge(file: PickedFile): boolean {
  return file.size > ATTACHMENT_MAX_BYTES;
}

export async function pickFiles(): Promise<PickedFile[]> {
  try {
    const res = await Taro.chooseMessageFile({ count: 9, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'txt'] });
    return res.tempFiles.map((f) => ({ name: f.name, size: f.size, handle: f.path }));
  } catch {
    return []; // the person closed the chooser
  }
}

export async function uploadAttachment(requestId: string, file: PickedFile, text: string): Promise<AttachmentUploadResponse> {
  const tokens = loadTokens('staff');
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({
      url: `${API_BASE_URL}/staff/requests/${encodeURIComponent(requestId)}/attachments`,
      filePath: String(file.handle),
      name: 'file',
      formData: text ? { text } : {},
      header: tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {},
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，附件未上传');
  }
  let body: unknown;
  try {
    body = JSON.parse(res.data);
  } catch {
    body = undefined;
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw toApiError(res.statusCode, body);
  return body as AttachmentUploadResponse;
}
