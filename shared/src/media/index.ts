// New-media channels and proactive disclosure: categories, the account registry, the review before publishing.
export * from './categories';
export * from './accounts';
export * from './review';
export * from './counts';
