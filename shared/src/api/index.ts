// The contract of the HTTP API: zod schemas of every request body and response, and their types
// inferred from them. The server validates with and documents (/api/openapi.json) these schemas;
// the mini-program and the staff console import the types.
export * from './common';
export * from './client-timeout';
export * from './auth';
export * from './requests';
export * from './staff-requests';
export * from './lookup';
export * from './attachments';
export * from './body-kinds';
export * from './bodies';
export * from './calendar';
export * from './staff-console';
export * from './reports';
export * from './notifications';
export * from './stream';
export * from './health';
export * from './media';
