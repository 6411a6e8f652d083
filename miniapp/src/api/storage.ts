import Taro from '@tarojs/taro';

// Device storage for what must survive closing the app: sign-in tokens, drafts of requests
// being filed (a draft is never lost to a closed app or a failed submit), settings.
// Values are JSON; every key is namespaced so other code sharing the storage cannot collide.

const prefix = 'zwgk:';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Who the tokens belong to: the citizen app and the staff console keep separate sessions. */
  audience: 'citizen' | 'staff';
}

function read<T>(key: string): T | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(prefix + key);
    if (typeof raw !== 'string' || raw === '') return undefined;
    return JSON.parse(raw) as T;
  } catch {
    // Corrupt or unreadable entry: behave as if absent rather than crash a page.
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  Taro.setStorageSync(prefix + key, JSON.stringify(value));
}

function remove(key: string): void {
  Taro.removeStorageSync(prefix + key);
}

export const storage = { read, write, remove };

// Tokens ---------------------------------------------------------------------------------

export function loadTokens(audience: StoredTokens['audience']): StoredTokens | undefined {
  return read<StoredTokens>(`tokens.${audience}`);
}

export function saveTokens(tokens: StoredTokens): void {
  write(`tokens.${tokens.audience}`, tokens);
}

export function clearTokens(audience: StoredTokens['audience']): void {
  remove(`tokens.${audience}`);
}

// Drafts ---------------------------------------------------------------------------------

export interface Draft<T> {
  value: T;
  /** ISO instant of the last save, to show "草稿已保存 HH:mm" and to expire stale drafts. */
  savedAt: string;
}

/** Saves a draft under a name such as 'filing'. Call on every change; it is cheap. */
export function saveDraft<T>(name: string, value: T, now: Date = new Date()): void {
  write(`draft.${name}`, { value, savedAt: now.toISOString() } satisfies Draft<T>);
}

export function loadDraft<T>(name: string): Draft<T> | undefined {
  return read<Draft<T>>(`draft.${name}`);
}

export function clearDraft(name: string): void {
  remove(`draft.${name}`);
}
