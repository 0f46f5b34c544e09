import { type ChildProcess, spawn } from 'node:child_process';

export interface SupervisedOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
  /** A process that ran this long before it stopped is restarted at once, its backoff forgotten. */
  healthyAfterMs?: number;
  /** Waits before the 1st, 2nd, … restart in a row; the last one repeats. */
  backoffMs?: number[];
  /** How long a stop waits for a graceful exit (SIGTERM) before SIGKILL. */
  graceMs?: number;
}

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * One child process kept running: when it exits without being asked to (a crash, an OOM kill, a
 * SIGKILL), it is started again after a backoff that grows while it keeps failing, and the restart is
 * said in the log. `stop()` ends it gracefully (SIGTERM, then SIGKILL after the grace period).
 */
export class Supervised {
  private child: ChildProcess | null = null;
  private stopping = false;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  /** How many times it was started again after stopping by itself. */
  restarts = 0;

  constructor(private readonly options: SupervisedOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): this {
    const { name, command, args, cwd, env, log } = this.options;
    const startedAt = Date.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    this.child = child;
    child.on('exit', (code, signal) => {
      const how = signal ?? `exit ${code}`;
      if (this.stopping) {
        log(`${name} stopped (${how})`);
        return;
      }
      if (Date.now() - startedAt >= (this.options.healthyAfterMs ?? 30_000)) this.failures = 0;
      const backoff = this.options.backoffMs ?? BACKOFF_MS;
      const wait = backoff[Math.min(this.failures, backoff.length - 1)];
      this.failures += 1;
      log(`${name} stopped unexpectedly (${how}); restarting in ${wait / 1000} s`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (this.stopping) return;
        this.restarts += 1;
        this.start();
        log(`${name} restarted (pid ${this.child?.pid}, restart ${this.restarts})`);
      }, wait);
    });
    return this;
  }

  /** Stops it for good: SIGTERM (jobs finish or are released), SIGKILL after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), this.options.graceMs ?? 10_000).unref();
    });
  }
}
