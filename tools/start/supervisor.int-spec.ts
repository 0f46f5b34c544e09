import { Supervised } from './supervisor';

const alive = (pid: number | undefined) => {
  try {
    return pid !== undefined && process.kill(pid, 0);
  } catch {
    return false;
  }
};

async function until(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !probe();) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Supervised (how npm start runs the API and the worker)', () => {
  it('starts a SIGKILLed process again with backoff, says so, and stops it for good on stop()', async () => {
    const lines: string[] = [];
    const child = new Supervised({
      name: 'worker',
      command: process.execPath,
      args: ['-e', "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000)"],
      cwd: process.cwd(),
      env: process.env,
      log: (line) => lines.push(line),
      backoffMs: [200, 400],
    }).start();
    try {
      await until(() => alive(child.pid));
      const first = child.pid;
      process.kill(first!, 'SIGKILL');
      await until(() => child.restarts === 1 && alive(child.pid));
      expect(child.pid).not.toBe(first);
      process.kill(child.pid!, 'SIGKILL');
      await until(() => child.restarts === 2 && alive(child.pid));
      expect(lines).toEqual([
        'worker stopped unexpectedly (SIGKILL); restarting in 0.2 s',
        expect.stringMatching(/^worker restarted \(pid \d+, restart 1\)$/),
        'worker stopped unexpectedly (SIGKILL); restarting in 0.4 s',
        expect.stringMatching(/^worker restarted \(pid \d+, restart 2\)$/),
      ]);
    } finally {
      const last = child.pid;
      await child.stop();
      expect(alive(last)).toBe(false);
    }
    await new Promise((r) => setTimeout(r, 600));
    expect(child.restarts).toBe(2);
    expect(lines.at(-1)).toMatch(/^worker stopped \((exit 0|SIGTERM)\)$/);
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const child = new Supervised({
      name: 'api',
      command: process.execPath,
      args: ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"],
      cwd: process.cwd(),
      env: process.env,
      log: () => undefined,
      graceMs: 300,
    }).start();
    await until(() => alive(child.pid));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await child.stop();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(child.restarts).toBe(0);
  });
});
