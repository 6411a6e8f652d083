export * from './templates';
export * from './notice';
