// zod 4 probes `new Function("")` when an object schema is created (to decide on its JIT fast
// path). The server's Content-Security-Policy forbids eval, so in a browser that probe is reported
// as a CSP violation even though zod catches the throw (and WeChat forbids eval outright). With
// `jitless` zod skips the probe. zod reads its configuration from this global, so setting it here,
// before any page module creates a schema (shared/src/lifecycle/events.ts, filing), needs no zod
// import in the main package.
// Guarded: an old WeChat client without globalThis must still start the app.
const g = (typeof globalThis === 'undefined' ? undefined : globalThis) as { __zod_globalConfig?: Record<string, unknown> } | undefined;
if (g) g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };

export {};
