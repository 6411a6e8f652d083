// The duplicate-key error (11000), and upserts that survive losing a race.
//
// An upsert is not atomic on the embedded FerretDB: two upserts of one new `_id` at once (two
// requests in one process, or two instances) both try the insert and one is refused with 11000 —
// nearly every time (measured: 29 of 30 pairs). MongoDB can refuse the same race too. The loser's
// document exists by then, so the same upsert again is a plain update.

export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** A bulk insert (`ordered: false`) whose only failures are duplicates: everything new went in. */
export function isOnlyDuplicates(err: unknown): boolean {
  const errors = (err as { writeErrors?: unknown[] }).writeErrors ?? [];
  return isDuplicateKeyError(err) || (errors.length > 0 && errors.every(isDuplicateKeyError));
}

/** Runs an upsert; if it lost the insert to another writer, runs it once more (now an update). */
export async function upsertRacing<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return upsert();
  }
}

/** For `.catch`: a refused duplicate insert means another writer stored it first, which is all we wanted. */
export function ignoreDuplicate(err: unknown): void {
  if (!isDuplicateKeyError(err)) throw err;
}
