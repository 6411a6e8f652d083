// What every request carries in ctx.state (set by middleware/requestContext.ts).
// Declared on koa's DefaultState so handlers get it typed without generics.
import type { Logger } from './log';

declare module 'koa' {
  interface DefaultState {
    /** Echoed in the `x-request-id` response header and in error bodies. */
    requestId: string;
    /** Logger bound to this request's id. */
    log: Logger;
  }
}

export {};
