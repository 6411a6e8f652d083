// Test-only: a named point where a fault drill can kill the process as if the machine died there
// (tests/drills/outbox.test.ts). `ZWGK_TEST_CRASH_AFTER=<point>` makes the process SIGKILL
// itself when it reaches that point; `<point>` is the full name (`commit:event`) or its first part
// (`commit` = every commit point). Read at each call so a drill can start servers with and
// without it. Ignored unless NODE_ENV=test, so a stray variable cannot take production down.
//
// Points: `decided:<write>` (the change is decided, not written yet) and
// `commit:<write>` (the write and its outbox entry are stored, nothing performed yet), <write> = filing | event | message.

export type CrashPoint = `${'decided' | 'commit'}:${'filing' | 'event' | 'message'}`;

export function crashPoint(point: CrashPoint): void {
  const wanted = process.env.ZWGK_TEST_CRASH_AFTER;
  if (!wanted || process.env.NODE_ENV !== 'test') return;
  if (wanted !== point && wanted !== point.split(':')[0]) return;
  // SIGKILL, not exit(): no handler runs, nothing is flushed — the closest thing to pulling the plug.
  process.kill(process.pid, 'SIGKILL');
  // The signal is delivered asynchronously: make sure no more JavaScript runs meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}
