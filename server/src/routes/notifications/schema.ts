import { z } from 'zod';
import { SUBSCRIBE_TEMPLATE_KEYS } from '../../config';

export const notificationView = z.object({
  id: z.string(),
  kind: z.string().describe('通知类型，如 received、correction_requested、new_submission、reply_due_soon、message'),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable().describe('申请编号'),
  title: z.string(),
  body: z.string(),
  createdAt: z.string().describe('ISO 时间'),
  readAt: z.string().nullable(),
  read: z.boolean(),
});

export const notificationList = z.object({
  items: z.array(notificationView).describe('最新的在前'),
  unread: z.number().int(),
});

export const unreadResponse = z.object({ unread: z.number().int() });

export const idParams = z.strictObject({ id: z.string().min(1).max(300) });

export const consentBody = z.strictObject({
  templateKey: z.enum(SUBSCRIBE_TEMPLATE_KEYS, { error: '未知的订阅消息模板' }).describe('status 办理进度 · reply 答复 · correction 补正'),
  accepted: z.boolean({ error: '请说明是否同意接收' }).describe('wx.requestSubscribeMessage 对该模板的结果是否为 accept'),
});

export const consentResponse = z.object({
  templateKey: z.enum(SUBSCRIBE_TEMPLATE_KEYS),
  available: z.number().int().describe('还可发送的订阅消息条数'),
});

export const templatesResponse = z.object({
  templates: z.array(z.object({ key: z.enum(SUBSCRIBE_TEMPLATE_KEYS), templateId: z.string() })).describe('调用 wx.requestSubscribeMessage 时使用的模板 ID'),
});
