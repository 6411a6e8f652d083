// Opening an attachment inside WeChat: download it with the token, then preview an image or
// open a document with the system viewer.
import Taro from '@tarojs/taro';
import type { AttachmentView } from '@zwgk/shared';
import { loadTokens } from '../api/storage';
import { absoluteUrl } from '../api/urls';

export async function openAttachment(attachment: AttachmentView): Promise<void> {
  const tokens = loadTokens('citizen');
  const { tempFilePath, statusCode } = await Taro.downloadFile({
    url: absoluteUrl(attachment.url),
    header: tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {},
  });
  if (statusCode !== 200) throw new Error(`附件下载失败（${statusCode}）`);
  if (attachment.contentType.startsWith('image/')) {
    await Taro.previewImage({ urls: [tempFilePath], current: tempFilePath });
    return;
  }
  const fileType = attachment.name.split('.').pop()?.toLowerCase() as 'pdf' | 'docx' | 'xlsx' | undefined;
  await Taro.openDocument({ filePath: tempFilePath, showMenu: true, ...(fileType ? { fileType } : {}) });
}
