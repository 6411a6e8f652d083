import Taro from '@tarojs/taro';
import type { SubscribeAnswer } from './subscribe';

export type { SubscribeAnswer } from './subscribe';

/** Must be called from a tap handler (WeChat refuses otherwise). */
export async function requestSubscribe(templateIds: ReadonlyArray<string>): Promise<Record<string, SubscribeAnswer>> {
  if (templateIds.length === 0) return {};
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: [...templateIds], entityIds: [] })) as unknown as Record<string, string>;
    return Object.fromEntries(
      templateIds.map((id) => {
        const answer = result[id];
        return [id, answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter' ? answer : 'reject'];
      }),
    );
  } catch {
    // The user closed the sheet or the templates are not configured: treat as refused.
    return Object.fromEntries(templateIds.map((id) => [id, 'reject' as const]));
  }
}
