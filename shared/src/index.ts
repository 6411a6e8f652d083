// Public surface of the domain package: both the server and the mini-program import from here.
export * from './outcomes';
export * from './applicants';
export * from './report';
export * from './calendar';
export * from './clock';
export * from './lifecycle';
export * from './api';
export * from './media';
export * from './fees';
export * from './identity';
export * from './filing';
export * from './notices';
