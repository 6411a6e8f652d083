// Controls a simulator running in another process through its /__sim
// endpoints — what crash tests use while the server process is killed and
// restarted around it.
import type { FaultRule } from './core/faults';

export interface RemoteSimulator {
  url: string;
  state<T = Record<string, unknown>>(): Promise<T>;
  addFault(rule: FaultRule | FaultRule[]): Promise<string[]>;
  removeFault(id: string): Promise<void>;
  setBusy(on: boolean, errcode?: number): Promise<void>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
  /** any platform-specific control, e.g. post('/__sim/wechat/tokens', {action: 'expire'}) */
  post<T = unknown>(path: string, body: unknown): Promise<T>;
}

/** `url` is the simulator's base URL (for the webhook receiver its delivery URL works too). */
export function remoteSimulator(url: string): RemoteSimulator {
  const origin = new URL(url).origin;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
      signal: AbortSignal.timeout(5000),
    });
    const json = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`simulator control ${method} ${path} failed: ${json.error ?? res.status}`);
    return json;
  };
  return {
    url,
    state: <T>() => call<T>('GET', '/__sim/state'),
    addFault: async (rule) => (await call<{ ids: string[] }>('POST', '/__sim/faults', rule)).ids,
    removeFault: async (id) => void (await call('DELETE', `/__sim/faults/${encodeURIComponent(id)}`)),
    setBusy: async (on, errcode) => void (await call('POST', '/__sim/faults', errcode === undefined ? { busy: on } : { busy: on, errcode })),
    clearFaults: async () => void (await call('DELETE', '/__sim/faults')),
    reset: async () => void (await call('POST', '/__sim/reset')),
    post: (path, body) => call('POST', path, body),
  };
}
