// The typed contract of the requests API (server presenters produce these; the mini-program and
// the staff console consume them).
export * from './common';
export * from './requests';
export * from './staff-requests';
export * from './lookup';
export * from './attachments';
export * from './bodies';
export * from './staff-console';
export * from './reports';
