// Loading a page's data, once for every page: the first load and reloads (retry, pull-down, the
// page shown again, a live event about this data) all go through one sequence, so only the answer
// of the latest load is ever shown — an older one arriving late (a slow first page after a new
// filter, say) cannot overwrite it.
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api/client';
import { useLiveEvents, type LiveAudience, type LiveEvent } from '../live';
import { useShowAgain } from './use-show-again';

/** Why a load runs: 'start' on mount and when the dependencies change, 'pull' on pull-down, 'again' otherwise. */
export type LoadReason = 'start' | 'pull' | 'again';

export interface LoadContext<T> {
  reason: LoadReason;
  /** What is shown now (e.g. how many rows of a list, to reload as many). */
  current: T | undefined;
}

export interface UseDataOptions {
  /** False while the data cannot be had (signed out, a role without access): nothing loads. */
  enabled?: boolean;
  /** Reload when a live event says this data changed. */
  live?: (event: LiveEvent) => boolean;
  /** Whose live connection to listen to. */
  audience?: LiveAudience;
  /** Reload when the page shows again (default true). Off where the page holds unsaved edits of the data. */
  showAgain?: boolean;
  /** Reload on the page's pull-down (default true; the page config decides whether it can be pulled). */
  pullDown?: boolean;
  /** Forget the previous dependencies' data while the new ones load (another year's report, not this one's). */
  clearOnChange?: boolean;
  /** The message for a failure that is not the server's (the API client's errors carry their own Chinese message). */
  fallback?: string;
}

export interface DataState<T> {
  data: T | undefined;
  /** The failure of the latest load, in Chinese, ready to show; undefined once a load succeeds. */
  error: string | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  /** Puts the answer of an action in place of the data (it is the newer truth until the next load). */
  set: (next: T | undefined | ((current: T | undefined) => T | undefined)) => void;
  /** Adds to the data (a list's next page); dropped if a load starts meanwhile, as that load's answer is newer. */
  extend: (work: (current: T) => Promise<T>) => Promise<void>;
}

/** A burst of live events (a change and its notification) causes one reload. */
export const LIVE_DELAY_MS = 300;
const defaultFallback = '加载失败，请稍后重试';

export function errorMessage(error: unknown, fallback = defaultFallback): string {
  return error instanceof ApiError ? error.message : fallback;
}

export function useData<T>(loader: (context: LoadContext<T>) => Promise<T>, deps: DependencyList, options: UseDataOptions = {}): DataState<T> {
  const { enabled = true, live, audience = 'citizen', showAgain = true, pullDown = true, clearOnChange = false, fallback = defaultFallback } = options;
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(enabled);
  // Read by loads that outlive the render which started them.
  const latest = useRef({ loader, fallback, enabled });
  latest.current = { loader, fallback, enabled };
  const current = useRef<T>();
  const seq = useRef(0);

  const set = useCallback<DataState<T>['set']>((next) => {
    current.current = typeof next === 'function' ? (next as (c: T | undefined) => T | undefined)(current.current) : next;
    setData(current.current);
  }, []);

  const run = useCallback(
    async (reason: LoadReason) => {
      if (!latest.current.enabled) return;
      const mine = ++seq.current;
      setLoading(true);
      try {
        const value = await latest.current.loader({ reason, current: current.current });
        if (mine !== seq.current) return;
        set(value);
        setError(undefined);
      } catch (e) {
        if (mine === seq.current) setError(errorMessage(e, latest.current.fallback));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [set],
  );

  const reload = useCallback(() => run('again'), [run]);

  const extend = useCallback<DataState<T>['extend']>(
    async (work) => {
      const shown = current.current;
      if (shown === undefined) return;
      const mine = seq.current;
      try {
        const next = await work(shown);
        if (mine !== seq.current) return;
        set(next);
        setError(undefined);
      } catch (e) {
        if (mine === seq.current) setError(errorMessage(e, latest.current.fallback));
      }
    },
    [set],
  );

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    if (clearOnChange) {
      set(undefined);
      setError(undefined);
    }
    void run('start');
    // The caller's dependencies, not the loader's identity (a new closure every render), decide when to load anew.
  }, [enabled, run, ...deps]);

  useShowAgain(() => {
    if (showAgain) void run('again');
  });

  usePullDownRefresh(() => {
    if (pullDown) void run('pull').finally(() => void Taro.stopPullDownRefresh());
  });

  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvents(
    (event) => {
      if (!live?.(event)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run('again'), LIVE_DELAY_MS);
    },
    audience,
    enabled && live !== undefined,
  );

  return { data, error, loading, reload, set, extend };
}
