// In-app notifications and WeChat subscribe-message consent (/api/notifications…).
import { z } from 'zod';

/** The subscribe-message templates the app asks consent for (server config maps them to template ids). */
export const SUBSCRIBE_TEMPLATE_KEYS = ['status', 'reply', 'correction'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

const templateKey = z.enum(SUBSCRIBE_TEMPLATE_KEYS, { error: '未知的订阅消息模板' });

export const notificationViewSchema = z.object({
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
export type NotificationView = z.infer<typeof notificationViewSchema>;

/** GET /api/notifications */
export const notificationListSchema = z.object({
  items: z.array(notificationViewSchema).describe('最新的在前'),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** POST /api/notifications/:id/read and /api/notifications/read-all */
export const unreadResponseSchema = z.object({ unread: z.number().int() });
export type UnreadResponse = z.infer<typeof unreadResponseSchema>;

/** POST /api/notifications/consent — what wx.requestSubscribeMessage answered for one template. */
export const consentBodySchema = z.strictObject({
  templateKey: templateKey.describe('status 办理进度 · reply 答复 · correction 补正'),
  accepted: z.boolean({ error: '请说明是否同意接收' }).describe('wx.requestSubscribeMessage 对该模板的结果是否为 accept'),
});
export type ConsentBody = z.input<typeof consentBodySchema>;

export const consentResponseSchema = z.object({
  templateKey: z.enum(SUBSCRIBE_TEMPLATE_KEYS),
  available: z.number().int().describe('还可发送的订阅消息条数'),
});
export type ConsentResponse = z.infer<typeof consentResponseSchema>;

/** GET /api/notifications/templates */
export const templatesResponseSchema = z.object({
  templates: z.array(z.object({ key: z.enum(SUBSCRIBE_TEMPLATE_KEYS), templateId: z.string() })).describe('调用 wx.requestSubscribeMessage 时使用的模板 ID'),
});
export type TemplatesResponse = z.infer<typeof templatesResponseSchema>;
