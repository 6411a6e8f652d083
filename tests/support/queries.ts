// What a piece of server code asks the database: on the embedded FerretDB only `{_id: …}` filters
// are indexed, so tests of the hot paths assert the shape of the filters they send.
import mongoose from 'mongoose';

/** The filters of every find sent to the `requests` collection while `fn` runs (in this process). */
export async function requestQueries(fn: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const seen: Array<Record<string, unknown>> = [];
  mongoose.set('debug', (collection: string, method: string, query: unknown) => {
    if (collection === 'requests' && /^find/.test(method)) seen.push(query as Record<string, unknown>);
  });
  try {
    await fn();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

/**
 * Every database call made through mongoose while `fn` runs (in this process), as
 * `collection.method`: what a path costs in round trips. Background work of the same process
 * counts too, so measure on a server without a job runner (JOBS_ENABLED=0).
 */
export async function databaseCalls(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  mongoose.set('debug', (collection: string, method: string) => void seen.push(`${collection}.${method}`));
  try {
    await fn();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}
