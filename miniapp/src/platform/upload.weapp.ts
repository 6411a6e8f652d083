// Attaching a file inside WeChat: a file from a chat (chooseMessageFile covers images and
// documents), checked before uploading, then Taro.uploadFile with the citizen's token.
import Taro from '@tarojs/taro';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, attachmentTypes } from '@zwgk/shared';
import { ApiError } from '../api/client';
import { toApiError } from '../api/errors';
import { loadTokens } from '../api/storage';
import { absoluteUrl } from '../api/urls';

export async function pickAndUpload(requestId: string): Promise<boolean> {
  let file: { path: string; name: string; size: number } | undefined;
  try {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: attachmentTypes.map((t) => t.ext) });
    file = chosen.tempFiles[0];
  } catch {
    return false; // cancelled
  }
  if (!file) return false;
  const ext = file.name.split('.').pop()?.toLowerCase();
  if (!attachmentTypes.some((t) => t.ext === ext || (ext === 'jpeg' && t.ext === 'jpg'))) throw new ApiError(415, 'ATTACHMENT_TYPE', ATTACHMENT_TYPES_TEXT);
  if (file.size > ATTACHMENT_MAX_BYTES) throw new ApiError(413, 'ATTACHMENT_TOO_LARGE', '文件过大，单个文件不超过10MB');
  const tokens = loadTokens('citizen');
  let result: { statusCode: number; data: string };
  try {
    result = await Taro.uploadFile({
      url: absoluteUrl(`/api/requests/${encodeURIComponent(requestId)}/attachments`),
      filePath: file.path,
      name: 'file',
      header: tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {},
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (result.statusCode >= 200 && result.statusCode < 300) return true;
  let body: unknown;
  try {
    body = JSON.parse(result.data);
  } catch {
    body = undefined;
  }
  throw toApiError(result.statusCode, body);
}
