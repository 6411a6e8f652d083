// One live connection for the whole app, open while any page listens and the citizen is signed
// in (H5: Server-Sent Events; weapp: polling — see platform/live*.ts). Pages subscribe with
// useLiveEvents(handler) and re-read what changed.
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { connectLive } from '../platform/live';
import { currentSession, sessionEvent } from '../session';
import type { LiveEvent } from './events';

export type { LiveEvent, LiveEventType } from './events';

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
let close: (() => void) | undefined;

function emit(event: LiveEvent): void {
  for (const listener of [...listeners]) listener(event);
}

function update(): void {
  const wanted = listeners.size > 0 && currentSession().signedIn;
  if (wanted && !close) close = connectLive(emit);
  if (!wanted && close) {
    close();
    close = undefined;
  }
}

export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  update();
  return () => {
    listeners.delete(listener);
    update();
  };
}

/** Restarts the connection (after signing in or out). */
export function restartLive(): void {
  close?.();
  close = undefined;
  update();
}

/** Calls `handler` for every live event while the component is mounted. */
export function useLiveEvents(handler: Listener): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribeLive((event) => latest.current(event)), []);
}

// A new session needs a new connection (its ticket names the citizen); none without one.
Taro.eventCenter.on(sessionEvent, restartLive);
