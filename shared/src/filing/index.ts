export * from './options';
export * from './schema';
export * from './errors';
export * from './hints';
