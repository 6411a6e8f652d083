// A small node:http server that every simulator is built on: routing, body
// reading, fault injection and the /__sim control endpoints. Platform handlers
// are functions from a request to a response value, so a fault with phase
// 'after' can let the platform do its work and then lose the answer.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultController, type ActiveFault, type FaultRule } from './faults';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json<T = unknown>(): T | undefined;
  /** The body parsed as multipart/form-data or urlencoded form (WHATWG FormData). */
  formData(): Promise<FormData>;
}

export interface SimResponse {
  status?: number;
  /** serialised as JSON unless it is a string */
  body: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface SimServerSpec {
  name: string;
  host?: string;
  port?: number;
  /** platform routes, keyed 'METHOD /path' */
  routes: Record<string, Handler>;
  /** extra control routes, keyed 'METHOD /__sim/...' */
  controls?: Record<string, Handler>;
  /** the platform's own error body for an errcode (used by faults and busy mode) */
  errorResponse(code: number, message: string | undefined, req: SimRequest): SimResponse;
  /** errcode used by busy mode unless the switch names another one */
  busyCode: number;
  /** the state document served by GET /__sim/state */
  getState(): unknown;
  /** empties the recorded state (POST /__sim/reset) */
  reset(): void;
  /** counts calls per platform path; owned by the simulator's state */
  countCall(path: string): void;
}

export interface RunningServer {
  url: string;
  port: number;
  faults: FaultController;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

export async function startSimServer(spec: SimServerSpec): Promise<RunningServer> {
  const faults = new FaultController();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const controls: Record<string, Handler> = { ...coreControls(spec, faults), ...(spec.controls ?? {}) };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { error: String(err) } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const rawBody = await readBody(req);
    const simReq = makeRequest(req, url, rawBody);
    const key = `${simReq.method} ${simReq.path}`;

    if (simReq.path.startsWith('/__sim/')) {
      const control = controls[key] ?? removeFaultControl(faults, simReq);
      if (!control) return send(res, { status: 404, body: { error: `no control ${key}` } });
      try {
        return send(res, await control(simReq));
      } catch (err) {
        return send(res, { status: 400, body: { error: err instanceof Error ? err.message : String(err) } });
      }
    }

    spec.countCall(simReq.path);
    if (faults.busy.on) return send(res, spec.errorResponse(faults.busy.errcode ?? spec.busyCode, 'system busy (simulated)', simReq));

    const fault = faults.take(simReq.path);
    if (fault && (fault.phase ?? 'before') === 'before') {
      if (fault.kind === 'delay') await sleep(fault.delayMs ?? 0);
      else return applyFault(fault, simReq, res);
    }

    const route = spec.routes[key];
    const answer = route ? await route(simReq) : { status: 404, body: { error: `not found: ${key}` } };
    if (closed) return;

    if (fault && fault.phase === 'after') {
      if (fault.kind === 'delay') await sleep(fault.delayMs ?? 0);
      else return applyFault(fault, simReq, res);
    }
    send(res, answer);
  }

  function applyFault(fault: ActiveFault, req: SimRequest, res: ServerResponse): void {
    const retryAfter: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    switch (fault.kind) {
      case 'hang':
        return; // the socket stays open until the client aborts or close() runs
      case 'reset':
        res.socket?.destroy();
        return;
      case 'http':
        return send(res, { status: fault.status ?? 503, body: `simulated HTTP ${fault.status ?? 503}`, headers: retryAfter });
      case 'errcode': {
        const answer = spec.errorResponse(fault.errcode ?? spec.busyCode, fault.errmsg, req);
        return send(res, { ...answer, headers: { ...(answer.headers ?? {}), ...retryAfter } });
      }
      case 'delay':
        return;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(spec.port ?? 0, spec.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${spec.host ?? '127.0.0.1'}:${port}`,
    port,
    faults,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await done;
    },
  };
}

function coreControls(spec: SimServerSpec, faults: FaultController): Record<string, Handler> {
  return {
    'GET /__sim/health': () => ({ body: { ok: true, name: spec.name } }),
    'GET /__sim/state': () => ({ body: spec.getState() }),
    'POST /__sim/reset': () => {
      spec.reset();
      faults.clear();
      return { body: { ok: true } };
    },
    'GET /__sim/faults': () => ({ body: { busy: faults.busy, rules: faults.list() } }),
    // Body: a rule, an array of rules, or {busy: boolean, errcode?}.
    'POST /__sim/faults': (req) => {
      const body = req.json<FaultRule | FaultRule[] | { busy: boolean; errcode?: number }>();
      if (body === undefined) throw new Error('body must be JSON');
      if (!Array.isArray(body) && 'busy' in body) {
        faults.setBusy(Boolean(body.busy), body.errcode);
        return { body: { busy: faults.busy } };
      }
      const rules = Array.isArray(body) ? body : [body as FaultRule];
      return { body: { ids: rules.map((r) => faults.add(r)) } };
    },
    'DELETE /__sim/faults': () => {
      faults.clear();
      return { body: { ok: true } };
    },
  };
}

/** DELETE /__sim/faults/<id> removes one rule. */
function removeFaultControl(faults: FaultController, req: SimRequest): Handler | undefined {
  const m = /^\/__sim\/faults\/([\w-]+)$/.exec(req.path);
  const id = m?.[1];
  if (req.method !== 'DELETE' || id === undefined) return undefined;
  return () => ({ body: { removed: faults.remove(id) } });
}

function makeRequest(req: IncomingMessage, url: URL, rawBody: Buffer): SimRequest {
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    json<T>(): T | undefined {
      if (rawBody.length === 0) return undefined;
      try {
        return JSON.parse(rawBody.toString('utf8')) as T;
      } catch {
        return undefined;
      }
    },
    async formData(): Promise<FormData> {
      const contentType = req.headers['content-type'] ?? '';
      // undici's Response parses both multipart/form-data and urlencoded bodies.
      return new Response(rawBody, { headers: { 'content-type': contentType } }).formData();
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: SimResponse): void {
  if (res.destroyed || res.headersSent) return;
  const isText = typeof answer.body === 'string';
  const payload = isText ? (answer.body as string) : JSON.stringify(answer.body);
  res.writeHead(answer.status ?? 200, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...(answer.headers ?? {}),
  });
  res.end(payload);
}
