import { JobName } from '@fleet/server/queue';
import { checkHandlerCoverage } from './job-handlers';

describe('checkHandlerCoverage', () => {
  it('accepts one handler per job', () => {
    expect(() => checkHandlerCoverage(Object.values(JobName))).not.toThrow();
  });

  it('refuses to start with a job that has no handler', () => {
    expect(() => checkHandlerCoverage([])).toThrow(/no handler for job\(s\): system\.worker-heartbeat/);
  });

  it('refuses to start with a job that has two handlers', () => {
    expect(() => checkHandlerCoverage([JobName.WorkerHeartbeat, JobName.WorkerHeartbeat])).toThrow(
      /more than one handler/,
    );
  });
});
