import { readFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { QUEUE_NAMESPACE, WORKER_HEARTBEAT_KEY } from '@fleet/server/queue';
import IORedis from 'ioredis';
import { startTestServer } from '../../../tools/test/test-server';
import { LIVENESS_FILE } from './liveness';
import { WorkerModule } from './worker.module';

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('worker', () => {
  it('runs its scheduled jobs on real Redis, and the API health sees it alive', async () => {
    const server = await startTestServer();
    const redis = new IORedis(process.env.REDIS_URL!);
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    try {
      await worker.init();
      const prefix = worker.get<string>(QUEUE_NAMESPACE);
      // The API and the worker of one database agree on its namespace.
      expect(server.app.get<string>(QUEUE_NAMESPACE)).toBe(prefix);
      const beat = await waitFor(() => redis.get(`${prefix}:${WORKER_HEARTBEAT_KEY}`), 10_000);
      expect(beat).not.toBeNull();
      expect(Date.now() - Date.parse(beat!)).toBeLessThan(10_000);

      const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as {
        status: string;
        worker: { alive: boolean };
      };
      expect(health).toMatchObject({ status: 'ok', worker: { alive: true } });
      // The process's own liveness, which docker/compose.yml's health check reads.
      const alive = Date.parse(await readFile(LIVENESS_FILE, 'utf8'));
      expect(Date.now() - alive).toBeLessThan(15_000);
    } finally {
      await worker.close();
      await redis.quit();
      await server.stop();
    }
  }, 60_000);
});
