// One live connection per audience for the whole app — the citizen's (open while any page listens
// and the citizen is signed in) and the staff console's (open while any console page listens) —
// H5: Server-Sent Events; weapp: polling (see platform/live*.ts). Pages subscribe with
// useLiveEvents(handler) or, for data they load, useData's `live` option, and re-read what changed.
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { connectLive } from '../platform/live';
import { currentSession, sessionEvent } from '../session';
import type { LiveAudience, LiveEvent, LiveStatus } from './events';

export type { LiveAudience, LiveEvent, LiveEventType, LiveStatus } from './events';

type Listener = (event: LiveEvent) => void;
type StatusListener = (status: LiveStatus) => void;

interface Hub {
  listeners: Set<Listener>;
  statusListeners: Set<StatusListener>;
  status: LiveStatus;
  close?: () => void;
}

const hubs: Record<LiveAudience, Hub> = {
  citizen: { listeners: new Set(), statusListeners: new Set(), status: 'connecting' },
  staff: { listeners: new Set(), statusListeners: new Set(), status: 'connecting' },
};

// The staff console's pages listen only once a staff member is signed in; the citizen's pages
// listen signed in or not, so the citizen's session decides.
const allowed: Record<LiveAudience, () => boolean> = {
  citizen: () => currentSession().signedIn,
  staff: () => true,
};

function update(audience: LiveAudience): void {
  const hub = hubs[audience];
  const wanted = hub.listeners.size > 0 && allowed[audience]();
  if (wanted && !hub.close) {
    hub.close = connectLive(
      audience,
      (event) => {
        for (const listener of [...hub.listeners]) listener(event);
      },
      (status) => {
        hub.status = status;
        for (const listener of [...hub.statusListeners]) listener(status);
      },
    );
  }
  if (!wanted && hub.close) {
    hub.close();
    hub.close = undefined;
    hub.status = 'connecting';
  }
}

export function subscribeLive(listener: Listener, audience: LiveAudience = 'citizen'): () => void {
  hubs[audience].listeners.add(listener);
  update(audience);
  return () => {
    hubs[audience].listeners.delete(listener);
    update(audience);
  };
}

/** Restarts the citizen's connection (after signing in or out). */
export function restartLive(): void {
  hubs.citizen.close?.();
  hubs.citizen.close = undefined;
  update('citizen');
}

/** Calls `handler` for every live event while the component is mounted (and `enabled`). */
export function useLiveEvents(handler: Listener, audience: LiveAudience = 'citizen', enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => (enabled ? subscribeLive((event) => latest.current(event), audience) : undefined), [audience, enabled]);
}

/** How the audience's connection stands, for a page that shows it. */
export function useLiveStatus(audience: LiveAudience): LiveStatus {
  const [status, setStatus] = useState(hubs[audience].status);
  useEffect(() => {
    const hub = hubs[audience];
    hub.statusListeners.add(setStatus);
    setStatus(hub.status);
    return () => {
      hub.statusListeners.delete(setStatus);
    };
  }, [audience]);
  return status;
}

// A new session needs a new connection (its ticket names the citizen); none without one.
Taro.eventCenter.on(sessionEvent, restartLive);
