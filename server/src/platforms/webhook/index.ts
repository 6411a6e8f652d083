export { sendWebhook, type WebhookDeliveryInput, type WebhookResult } from './client';
export { signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from './sign';
