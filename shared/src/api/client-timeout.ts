// Apart from the schemas (common.ts): the app's main package reads this constant at run time, and
// importing it must not bring the response schemas along (webpack keeps a whole module it uses).

/**
 * How long the app waits for an answer before it gives up (and, for a submission, retries with the
 * same Idempotency-Key). The server's promise is an answer within it, also during an outage.
 */
export const CLIENT_TIMEOUT_MS = 15_000;
