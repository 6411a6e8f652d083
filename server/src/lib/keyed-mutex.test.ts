import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedMutex', () => {
  it('runs tasks of one key one after another, in order', async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => m.run('k', task(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(maxRunning).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(m.size).toBe(0);
  });

  it('runs different keys concurrently', async () => {
    const m = new KeyedMutex();
    let running = 0;
    let maxRunning = 0;
    const task = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick();
      running--;
    };
    await Promise.all([m.run('a', task), m.run('b', task)]);
    expect(maxRunning).toBe(2);
  });

  it('a failing task does not block the next one, and its error reaches its caller', async () => {
    const m = new KeyedMutex();
    const failing = m.run('k', async () => {
      throw new Error('boom');
    });
    const next = m.run('k', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    expect(m.size).toBe(0);
  });

  it('a lost read-modify-write is prevented: 50 concurrent increments of a shared value all count', async () => {
    const m = new KeyedMutex();
    let value = 0;
    await Promise.all(
      Array.from({ length: 50 }, () =>
        m.run('counter', async () => {
          const read = value;
          await tick();
          value = read + 1;
        }),
      ),
    );
    expect(value).toBe(50);
  });

  it('a gate can refuse a task when its turn comes; the queue goes on', async () => {
    let open = true;
    const m = new KeyedMutex({
      gate: () => {
        if (!open) throw new Error('closed');
      },
    });
    const first = m.run('k', async () => {
      await tick();
      open = false;
      return 'first';
    });
    const second = m.run('k', async () => 'second');
    await expect(first).resolves.toBe('first');
    await expect(second).rejects.toThrow('closed');
    open = true;
    await expect(m.run('k', async () => 'third')).resolves.toBe('third');
    expect(m.size).toBe(0);
  });

  it('a closed gate refuses a task at once, without queueing it behind running work', async () => {
    let open = true;
    const m = new KeyedMutex({
      gate: () => {
        if (!open) throw new Error('closed');
      },
    });
    let finishFirst!: () => void;
    const first = m.run('k', () => new Promise<string>((r) => (finishFirst = () => r('first'))));
    await tick();
    open = false;
    let outcome: string | undefined;
    void m.run('k', async () => 'second').then(
      (v) => (outcome = v),
      (err: Error) => (outcome = err.message),
    );
    await tick();
    expect(outcome).toBe('closed'); // while the first task still runs
    finishFirst();
    await expect(first).resolves.toBe('first');
  });
});
