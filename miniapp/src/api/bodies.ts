// The body directory for the filing and report pages: fetched once per app run, and kept on
// the device so the first question can be asked even when the network is gone.
import type { BodyDirectoryEntry } from '@zwgk/shared';
import { useCallback, useEffect, useState } from 'react';
import { bodiesApi } from './citizen';
import { ApiError } from './client';
import { storage } from './storage';

const cacheKey = 'cache.bodies';
let inMemory: BodyDirectoryEntry[] | undefined;

export async function loadBodies(): Promise<BodyDirectoryEntry[]> {
  if (inMemory) return inMemory;
  try {
    const { items } = await bodiesApi.directory();
    inMemory = items;
    storage.write(cacheKey, items);
    return items;
  } catch (error) {
    const cached = storage.read<BodyDirectoryEntry[]>(cacheKey);
    if (cached && cached.length > 0) return cached;
    throw error;
  }
}

export interface BodiesState {
  bodies: BodyDirectoryEntry[];
  error: string | undefined;
  reload: () => void;
}

export function useBodies(): BodiesState {
  const [bodies, setBodies] = useState<BodyDirectoryEntry[]>(() => inMemory ?? storage.read<BodyDirectoryEntry[]>(cacheKey) ?? []);
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    setError(undefined);
    loadBodies()
      .then(setBodies)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '机关目录加载失败，请稍后重试'));
  }, []);
  useEffect(reload, [reload]);
  return { bodies, error, reload };
}

/** Tests. */
export function forgetBodies(): void {
  inMemory = undefined;
}
