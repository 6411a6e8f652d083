// Serialises async work per key inside this process: `run('req:42', fn)` waits for any earlier
// `run('req:42', …)` to finish. FerretDB applies an update of one document as
// read-modify-write, so two concurrent updates of the same request could lose one; queueing
// them here makes each write see the previous one. Across processes the conditional update on
// `{_id, version}` (atomic on MongoDB) is what keeps correctness; this only avoids needless
// conflicts and lost updates within one instance.

export interface KeyedMutexOptions {
  /**
   * Called when a task is queued and again when its turn comes, before it runs; may throw to
   * refuse the task (e.g. the database is known to be unreachable, so running work that needs it
   * only adds waiting).
   */
  gate?: () => void;
}

export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly options: KeyedMutexOptions = {}) {}

  /** Runs `fn` after every earlier task of `key` has settled; resolves/rejects with `fn`'s result. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    // Refused already: no point queueing behind work that may itself be waiting for the database.
    this.options.gate?.();
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    try {
      await previous;
      this.options.gate?.();
      return await fn();
    } finally {
      release();
      // Last in the queue: forget the key so the map does not grow with every request ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with queued or running work (for tests and diagnostics). */
  get size(): number {
    return this.tails.size;
  }
}
