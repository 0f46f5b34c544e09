// Database-level administration for dev and test tooling: per-run test databases on a shared server.
import { Client } from 'pg';

/** Double-quotes an identifier for SQL, so any name (quotes, spaces, capitals) is taken literally. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0')) {
    throw new Error(`Invalid PostgreSQL identifier: ${JSON.stringify(name)}`);
  }
  // PostgreSQL silently truncates longer names, so create and drop could end up naming different things.
  if (Buffer.byteLength(name, 'utf8') > 63) {
    throw new Error(`PostgreSQL identifier longer than 63 bytes: ${JSON.stringify(name)}`);
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The same server and credentials, another database. Names are limited to URL-unreserved characters
 * because pg (decodeURI) and TypeORM (no decoding at all) read the path of a connection URL differently.
 */
export function withDatabaseName(url: string, name: string): string {
  if (!/^[A-Za-z0-9._~-]+$/.test(name)) {
    throw new Error(
      `Database name ${JSON.stringify(name)} cannot be put in a connection URL: use letters, digits, _ . ~ -`,
    );
  }
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The same server and database, another login: the application's role and its password. */
export function withLogin(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

function databaseOf(url: string): string {
  return decodeURI(new URL(url).pathname.slice(1));
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * CREATE DATABASE on the server of `serverUrl`, optionally copied from `template`. Fails if it exists.
 * Copying needs the template to have no other sessions, so a session still closing is waited for briefly.
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const sql = `CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ''}`;
  await withClient(serverUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        // 55006 object_in_use: "source database is being accessed by other users".
        if ((error as { code?: string }).code !== '55006' || attempt >= 25) throw error;
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  });
}

/** Drops a database if it exists, disconnecting its sessions first. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  // A session cannot drop the database it is connected to, so work from the maintenance database then.
  const adminUrl = databaseOf(serverUrl) === name ? withDatabaseName(serverUrl, 'postgres') : serverUrl;
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ version: string }>(
      `SELECT current_setting('server_version_num') AS version`,
    );
    const modern = Number(rows[0].version) >= 130000;
    if (!modern) {
      // Before WITH (FORCE) (PostgreSQL 13), new sessions must be refused by hand or one may sneak in.
      await client
        .query(`ALTER DATABASE ${quoteIdentifier(name)} ALLOW_CONNECTIONS false`)
        .catch(() => undefined);
    }
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}${modern ? ' WITH (FORCE)' : ''}`);
  });
}

/** Drops a login role if it exists; the databases that grant it anything must be gone first. */
export async function dropRole(serverUrl: string, role: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP ROLE IF EXISTS ${quoteIdentifier(role)}`));
}
