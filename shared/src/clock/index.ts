export * from './periods';
export * from './clock';
export * from './legal-clock';
