// Fault switches shared by every simulator. A rule makes the next N calls of a
// path misbehave; busy mode makes every call answer with the platform's
// "system busy" error until switched off. Rules are plain JSON so a test can
// set them over HTTP (POST /__sim/faults) when the simulator runs in another
// process.

export type FaultKind =
  /** answer with the platform's own error body (WeChat errcode, Weibo error_code, webhook HTTP status) */
  | 'errcode'
  /** answer with a bare HTTP status (default 503) and a non-JSON body */
  | 'http'
  /** never answer; the socket stays open until the client gives up (or the simulator closes) */
  | 'hang'
  /** answer normally after delayMs */
  | 'delay'
  /** destroy the socket without answering (connection reset) */
  | 'reset';

export interface FaultRule {
  /** exact request path ('/cgi-bin/token'); '*' or absent matches every platform path */
  path?: string;
  kind: FaultKind;
  /** how many calls the rule applies to; 'always' until cleared. Default 1. */
  times?: number | 'always';
  errcode?: number;
  errmsg?: string;
  /** HTTP status for kind 'http' (default 503) */
  status?: number;
  /** for kind 'delay' */
  delayMs?: number;
  /** sent as a Retry-After header (seconds) with 'http' and 'errcode' faults */
  retryAfterSeconds?: number;
  /**
   * 'before' (default): the request is not processed at all.
   * 'after': the request IS processed (state changes, e.g. a post is recorded)
   * and only the answer is lost or broken — the case that causes duplicates.
   */
  phase?: 'before' | 'after';
}

export interface ActiveFault extends FaultRule {
  id: string;
  remaining: number | 'always';
  hits: number;
}

export interface BusyMode {
  on: boolean;
  /** overrides the platform's default busy error code */
  errcode?: number;
}

let nextId = 1;

export class FaultController {
  private rules: ActiveFault[] = [];
  busy: BusyMode = { on: false };

  add(rule: FaultRule): string {
    validateRule(rule);
    const id = `f${nextId++}`;
    const times = rule.times ?? 1;
    this.rules.push({ ...rule, id, remaining: times, hits: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  /** Removes every rule and switches busy mode off. */
  clear(): void {
    this.rules = [];
    this.busy = { on: false };
  }

  setBusy(on: boolean, errcode?: number): void {
    this.busy = errcode === undefined ? { on } : { on, errcode };
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Consumes one use of the first rule matching the path, if any. */
  take(path: string): ActiveFault | undefined {
    const rule = this.rules.find((r) => (r.path === undefined || r.path === '*' || r.path === path) && r.remaining !== 0);
    if (!rule) return undefined;
    rule.hits += 1;
    if (rule.remaining !== 'always') {
      rule.remaining -= 1;
      if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return { ...rule };
  }
}

const KINDS: FaultKind[] = ['errcode', 'http', 'hang', 'delay', 'reset'];

function validateRule(rule: FaultRule): void {
  if (!rule || typeof rule !== 'object') throw new Error('fault rule must be an object');
  if (!KINDS.includes(rule.kind)) throw new Error(`fault kind must be one of ${KINDS.join(', ')}`);
  if (rule.kind === 'errcode' && typeof rule.errcode !== 'number') throw new Error("fault kind 'errcode' needs a numeric errcode");
  if (rule.kind === 'delay' && !(typeof rule.delayMs === 'number' && rule.delayMs >= 0)) throw new Error("fault kind 'delay' needs delayMs");
  const times = rule.times ?? 1;
  if (times !== 'always' && !(Number.isInteger(times) && times > 0)) throw new Error("times must be a positive integer or 'always'");
  if (rule.phase !== undefined && rule.phase !== 'before' && rule.phase !== 'after') throw new Error("phase must be 'before' or 'after'");
}
