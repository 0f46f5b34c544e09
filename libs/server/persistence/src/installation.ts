import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The id of the database this process works on, made on its first start and kept in `installation`.
 * A database that is a copy of another (a restored backup, a staging clone, a test template's copy)
 * has another oid or cluster, so its fingerprint no longer matches and it gets an id of its own. Safe
 * when the API and the worker start at the same moment: both end up with the same id.
 */
export async function resolveInstallation(dataSource: DataSource): Promise<string> {
  const fingerprint = await fingerprintOf(dataSource);
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO installation (singleton, id, fingerprint) VALUES (true, $1, $2) ON CONFLICT (singleton) DO NOTHING`,
      [randomUUID(), fingerprint],
    );
    const [row] = await manager.query<
      {
        id: string;
        fingerprint: string;
      }[]
    >(`SELECT id, fingerprint FROM installation FOR UPDATE`);
    if (row.fingerprint === fingerprint) return row.id;
    const id = randomUUID();
    await manager.query(`UPDATE installation SET id = $1, fingerprint = $2`, [id, fingerprint]);
    return id;
  });
}

async function fingerprintOf(dataSource: DataSource): Promise<string> {
  const [database] = await dataSource.query<{ oid: string; datname: string }[]>(
    `SELECT oid::text AS oid, datname FROM pg_database WHERE datname = current_database()`,
  );
  // The cluster's identifier tells two servers' databases of the same oid apart; reading it may
  // need a privilege the application's role lacks, and then the oid and name must do.
  const cluster = await dataSource
    .query(`SELECT system_identifier::text AS id FROM pg_control_system()`)
    .then((rows: { id: string }[]) => rows[0]?.id ?? '-')
    .catch(() => '-');
  return `${cluster}:${database.oid}:${database.datname}`.slice(0, 200);
}
