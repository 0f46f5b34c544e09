// A backup of the product: every table's rows (COPY in text form, gzip), the month partitions, the
// sequences and the migrations they fit, with the stored files (carrier usage files, roster uploads,
// repair photos). It needs no pg_dump, so it works with any PostgreSQL the product runs on (embedded 17,
// Debian's 15, compose's 16), and it restores into an empty database of any of them.
import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { migrate, MIGRATION_NAMES } from '@fleet/server/persistence';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { quoteIdentifier } from '../dev-services/database-admin';

export const BACKUP_FORMAT = 1;

/** Tables a backup leaves out: the schema's own bookkeeping and the database's identity. */
const SKIPPED = new Set(['migrations', 'installation']);

/** The folders of stored files, relative to DATA_DIR (repair photos may live elsewhere). */
export const FILE_FOLDERS = ['usage', 'imports'] as const;

export interface BackupManifest {
  format: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
  partitions: { name: string; parent: string; bound: string }[];
  sequences: { name: string; value: string; called: boolean }[];
  files: number;
}

export interface FileLocations {
  dataDir: string;
  repairPhotoDir: string;
}

const tableFile = (dir: string, table: string) => join(dir, 'db', `${table}.tsv.gz`);

/** Tables in an order in which each comes after the tables it refers to (there are no cycles). */
async function tablesInOrder(db: Client): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const { rows: refs } = await db.query<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
      WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const names = tables.map((t) => t.name).filter((t) => !SKIPPED.has(t));
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const ref of refs.filter((r) => r.child === table && names.includes(r.parent)))
      visit(ref.parent, [...path, table]);
    ordered.push(table);
  };
  names.forEach((t) => visit(t, []));
  return ordered;
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

/** Writes a backup of the database at `url` and of the stored files into `dir` (a new folder). */
export async function backup(url: string, files: FileLocations, dir: string): Promise<BackupManifest> {
  await mkdir(join(dir, 'db'), { recursive: true });
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    // One snapshot for every table, so the backup is consistent while the product keeps running.
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: applied } = await db.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id`);
    const tables: BackupManifest['tables'] = [];
    for (const name of await tablesInOrder(db)) {
      const { rows: columns } = await db.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0
            AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
        [name],
      );
      const list = columns.map((c) => quoteIdentifier(c.name)).join(', ');
      const source = db.query(copyTo(`COPY (SELECT ${list} FROM ${quoteIdentifier(name)}) TO STDOUT`));
      await pipeline(source, createGzip(), createWriteStream(tableFile(dir, name)));
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${quoteIdentifier(name)}`,
      );
      tables.push({ name, columns: columns.map((c) => c.name), rows: rows[0].n });
    }
    const { rows: partitions } = await db.query<BackupManifest['partitions'][number]>(
      `SELECT c.relname AS name, p.relname AS parent, pg_get_expr(c.relpartbound, c.oid) AS bound
         FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent
        WHERE c.relispartition ORDER BY 1`,
    );
    const { rows: sequences } = await db.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    await db.query('COMMIT');

    await cp(join(files.dataDir, 'usage'), join(dir, 'files', 'usage'), { recursive: true }).catch(
      () => undefined,
    );
    await cp(join(files.dataDir, 'imports'), join(dir, 'files', 'imports'), { recursive: true }).catch(
      () => undefined,
    );
    await cp(files.repairPhotoDir, join(dir, 'files', 'repair-photos'), { recursive: true }).catch(
      () => undefined,
    );
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: applied.map((m) => m.name),
      tables,
      partitions,
      sequences: sequences.map((s) => ({ name: s.name, value: s.value ?? '1', called: s.value !== null })),
      files: await countFiles(join(dir, 'files')),
    };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await db.end();
  }
}

/**
 * Restores a backup into the database at `url`, which must hold no data (a fresh database, or one
 * emptied with `replace`): the backup's migrations, its rows, partitions and sequences in one
 * transaction, then any newer migrations of the product; the stored files go back where they belong.
 */
export async function restore(
  url: string,
  files: FileLocations,
  dir: string,
  options: { replace?: boolean } = {},
): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`unknown backup format ${manifest.format}`);
  const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length)
    throw new Error(`the backup is of a newer version of the product (migrations ${unknown.join(', ')})`);

  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (rows[0].n > 0) {
      if (!options.replace)
        throw new Error(
          'the database is not empty: restore into a new database, or pass --replace to empty it',
        );
      await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    }
    await migrate(url, manifest.migrations);

    await db.query('BEGIN');
    // Rows the migrations themselves write (the contract's default billing rules) come from the backup.
    await db.query(`TRUNCATE ${manifest.tables.map((t) => quoteIdentifier(t.name)).join(', ')}`);
    for (const p of manifest.partitions)
      await db.query(
        `CREATE TABLE ${quoteIdentifier(p.name)} PARTITION OF ${quoteIdentifier(p.parent)} ${p.bound}`,
      );
    for (const table of manifest.tables) {
      const list = table.columns.map(quoteIdentifier).join(', ');
      const sink = db.query(copyFrom(`COPY ${quoteIdentifier(table.name)} (${list}) FROM STDIN`));
      await pipeline(createReadStream(tableFile(dir, table.name)), createGunzip(), sink);
    }
    for (const s of manifest.sequences)
      await db.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        quoteIdentifier(s.name),
        s.value,
        s.called,
      ]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
  await migrate(url);

  const copyBack = async (from: string, to: string) => {
    if (await stat(from).catch(() => null)) await cp(from, to, { recursive: true });
  };
  for (const folder of FILE_FOLDERS) await copyBack(join(dir, 'files', folder), join(files.dataDir, folder));
  await copyBack(join(dir, 'files', 'repair-photos'), files.repairPhotoDir);
  return manifest;
}
