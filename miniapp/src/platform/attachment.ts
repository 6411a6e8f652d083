// Opening an attachment of the conversation in the browser. Downloads are authorised like the
// request itself (Bearer token), so a plain link cannot work: the file is fetched with the
// token and handed to the browser as a blob. The weapp implementation is attachment.weapp.ts.
import type { AttachmentView } from '@zwgk/shared';
import { loadTokens } from '../api/storage';
import { absoluteUrl } from '../api/urls';

export async function openAttachment(attachment: AttachmentView): Promise<void> {
  const tokens = loadTokens('citizen');
  const response = await fetch(absoluteUrl(attachment.url), { headers: tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {} });
  if (!response.ok) throw new Error(`附件下载失败（${response.status}）`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
