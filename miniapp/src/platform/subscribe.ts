// Subscribe-message consent (WeChat only). In a browser there is nothing to ask for, so every
// template comes back 'unsupported' and callers simply skip recording consent.
// The weapp implementation is subscribe.weapp.ts; Taro picks it by file name at build time.

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter' | 'unsupported';

/** Must be called from a tap handler (WeChat refuses otherwise). */
export async function requestSubscribe(templateIds: ReadonlyArray<string>): Promise<Record<string, SubscribeAnswer>> {
  return Object.fromEntries(templateIds.map((id) => [id, 'unsupported' as const]));
}
