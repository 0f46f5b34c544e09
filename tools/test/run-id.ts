/** Names of this test run's databases and Redis keys, so concurrent runs never collide. */
export const TEST_DB_PREFIX = 'fleet_test_';

export function newRunId(): string {
  return `${Date.now().toString(36)}${process.pid.toString(36)}`;
}
