// `npm run bench:close`: a month of 100,000 SIMs held by 100,000 officers (every device changes hands
// mid-month) and 10,000,000 detail records (2 % of them corrections of an earlier record's key), made
// with SQL generate_series, then closed end to end in this process with the product's code, as the
// worker runs it: the monthly totals counted again from the records (UsageRunner.recountMonth), then
// the close (PeriodsService.close: attribution, overages, statements). In the same run it times one
// hand-written SQL computing the same per-SIM totals (before the product's run and after it), and prints both times, their ratio, this
// process's peak RSS (VmHWM) and a checksum: the issued statements' total against the charges
// recomputed from the records by hand. BENCH_SIMS and BENCH_RECORDS make it smaller (e.g. 10000 and
// 1000000 for a quick run); BENCH_KEEP=1 keeps the database (for EXPLAIN ANALYZE). Uses DATABASE_URL's server (a fresh database of its own, dropped at the end)
// and REDIS_URL (the worker's queues, under a prefix of its own).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { grantApplicationRole, migrate } from '@fleet/server/persistence';
import { Client } from 'pg';
import { createDatabase, dropDatabase, withDatabaseName, withLogin } from '../dev-services';

const SIMS = Number(process.env.BENCH_SIMS ?? 100_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000_000);
const PERIOD = '2026-03';
const root = resolve(__dirname, '../../../..');
const log = (message: string) => console.log(`[bench] ${message}`);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** This process's peak resident set (VmHWM), in MB. */
async function peakRssMb(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** The month's inventory, custody and records, set-based. */
async function generate(db: Client): Promise<void> {
  const perSim = Math.max(1, Math.floor(RECORDS / SIMS));
  await db.query(`INSERT INTO units (name) VALUES ('基准测试分局')`);
  await db.query(
    `INSERT INTO officers (badge_no, name, unit_id)
     SELECT lpad(i::text, 6, '0'), '警员' || i, (SELECT min(id) FROM units) FROM generate_series(1, $1) i`,
    [SIMS],
  );
  await db.query(`INSERT INTO apn_profiles (name, apn) VALUES ('XJGA', 'xjga.xj')`);
  await db.query(
    `INSERT INTO devices (model, imei1, imei2, received_on, warranty_end_on, lease_start_on, lease_end_on)
     SELECT 'HUAWEI Mate60', '86' || lpad(i::text, 13, '0'), '87' || lpad(i::text, 13, '0'),
            '2025-11-20', '2028-11-20', '2025-11-25', '2028-11-25'
       FROM generate_series(1, $1) i`,
    [SIMS],
  );
  await db.query(
    `INSERT INTO sim_cards (iccid, msisdn, apn_profile_id, activated_on, status, device_id, slot)
     SELECT '8986' || lpad(d.id::text, 16, '0'), '1478' || lpad(d.id::text, 7, '0'),
            (SELECT min(id) FROM apn_profiles), '2025-11-25', 'active', d.id, 1
       FROM devices d`,
  );
  await db.query(
    `INSERT INTO sim_installations (sim_id, device_id, slot, start_at)
     SELECT s.id, s.device_id, 1, '2025-11-25 09:00+08' FROM sim_cards s`,
  );
  // Device i: officer i until the 16th, then the next officer.
  await db.query(
    `INSERT INTO assignments (device_id, officer_id, start_at, end_at)
     SELECT d.id, o.id, '2026-02-01 09:00+08'::timestamptz, '2026-03-16 00:00+08'::timestamptz
       FROM devices d JOIN officers o ON o.badge_no = lpad(d.id::text, 6, '0')
     UNION ALL
     SELECT d.id, o.id, '2026-03-16 00:00+08'::timestamptz, NULL::timestamptz
       FROM devices d JOIN officers o ON o.badge_no = lpad((d.id % $1 + 1)::text, 6, '0')`,
    [SIMS],
  );
  await db.query(
    `INSERT INTO usage_imports (file_name, sha256, kind, format, stored_path, size_bytes, period, status, finished_at)
     VALUES ('bench.csv', repeat('b', 64), 'detail', 'csv', 'bench.csv', 0, $1, 'succeeded', '2026-04-01 00:00+08')`,
    [PERIOD],
  );
  const partition = `usage_records_${PERIOD.replace('-', '_')}`;
  await db.query(`CREATE TABLE ${partition} PARTITION OF usage_records FOR VALUES IN ('${PERIOD}')`);
  // Record g: SIM 1 + g % SIMS, its k-th of the month; every 50th repeats the key of the one before
  // (a correction: same key, other values, a later row). Types by the key: 20 % outgoing calls, 20 %
  // incoming, 10 % sent SMS, 10 % received, 20 % APN data, 20 % other data.
  await db.query(
    `INSERT INTO ${partition} (import_id, row_no, sim_id, period, record_type, start_at, direction, counterpart, duration_s, volume_kb, apn)
     SELECT (SELECT min(id) FROM usage_imports), g + 1, 1 + g % $2, $3, t.type,
            '2026-03-01 00:00+08'::timestamptz + (kk * (2678400 / $4) + g % $2 % 60) * interval '1 second',
            t.direction, CASE WHEN t.type <> 'D' THEN '138****' || lpad((kk % 10000)::text, 4, '0') END,
            CASE WHEN t.type = 'V' THEN (h % 9000)::int END,
            CASE WHEN t.type = 'D' THEN h % 1500000 END,
            CASE WHEN t.type = 'D' THEN CASE WHEN kk % 10 < 8 THEN 'xjga.xj' ELSE 'cmnet' END END
       FROM generate_series(0, $1 - 1) g
       CROSS JOIN LATERAL (SELECT g / $2 AS k, (g::bigint * 2654435761) % 4294967296 AS h) x
       CROSS JOIN LATERAL (SELECT CASE WHEN x.k % 50 = 49 THEN x.k - 1 ELSE x.k END AS kk) y
       CROSS JOIN LATERAL (SELECT CASE WHEN y.kk % 10 < 4 THEN 'V' WHEN y.kk % 10 < 6 THEN 'S' ELSE 'D' END AS type,
                                  CASE WHEN y.kk % 10 < 6 THEN CASE WHEN y.kk % 2 = 0 THEN 'O' ELSE 'I' END END AS direction) t`,
    [RECORDS, SIMS, PERIOD, perSim],
  );
  // As autovacuum leaves a loaded month: hint bits set, statistics taken. Otherwise the first pass over
  // the new rows (the product's totals) pays for setting every row's hint bits and the hand-written
  // query, run later, does not.
  await db.query(`VACUUM (ANALYZE)`);
}

/**
 * The per-SIM totals, written by hand (not through counted_usage_records). Each record is joined to its
 * SIM's APN before the de-duplicating sort, as counted_usage_records does since ADR 0017: joined after
 * it, PostgreSQL 15 sorted the 10 M records once in every parallel process. Its key is listed time
 * first, as counted_usage_records' is since CountedUsageTimeOrder (the cheaper sort, same rows).
 */
const HAND_TOTALS = `
  WITH latest AS (
    SELECT DISTINCT ON (r.sim_id, r.start_at, r.record_type, r.direction, r.counterpart)
           r.sim_id, r.record_type, r.direction, r.duration_s, r.volume_kb,
           lower(r.apn) = lower(a.apn) AS on_apn, lower(r.apn) IS DISTINCT FROM lower(a.apn) AS off_apn
      FROM usage_records r JOIN sim_cards s ON s.id = r.sim_id LEFT JOIN apn_profiles a ON a.id = s.apn_profile_id
     WHERE r.period = $1 AND r.import_id IN (SELECT id FROM usage_imports WHERE status = 'succeeded')
     ORDER BY r.sim_id, r.start_at, r.record_type, r.direction, r.counterpart, r.import_id DESC, r.row_no DESC
  )
  SELECT l.sim_id,
         coalesce(sum((l.duration_s + 59) / 60) FILTER (WHERE l.record_type = 'V' AND l.direction = 'O'), 0) voice_min,
         count(*) FILTER (WHERE l.record_type = 'S' AND l.direction = 'O') sms,
         coalesce(sum(l.volume_kb) FILTER (WHERE l.record_type = 'D' AND l.off_apn), 0) national_kb,
         coalesce(sum(l.volume_kb) FILTER (WHERE l.record_type = 'D' AND l.on_apn), 0) apn_kb
    FROM latest l
   GROUP BY l.sim_id`;

/** The month's charges from per-SIM totals (the contract's allowance and the default tariff, §3.5). */
const CHARGES = (totals: string) => `
  SELECT coalesce(sum(greatest(0, voice_min - 1500) * 19
                    + greatest(0, sms - 100) * 10
                    + ceil(greatest(0, national_kb - 20971520) / 1048576.0) * 300
                    + ceil(greatest(0, apn_kb - 52428800) / 1048576.0) * 300), 0)::bigint AS fen
    FROM (${totals}) t`;

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bench_close_${process.pid}`;
  const url = withDatabaseName(serverUrl, name);
  await createDatabase(serverUrl, name);
  const db = new Client({ connectionString: url });
  // Dropping the database on a failure ends this connection too: the failure, not that, is reported.
  db.on('error', () => undefined);
  try {
    await migrate(url);
    // The worker connects as the application's role (APP_DATABASE_URL), as in production.
    const appUrl = withLogin(url, 'bench_close_app', 'bench-app-password-1');
    await grantApplicationRole(url, appUrl);
    await db.connect();
    log(`generating ${SIMS} SIMs, officers and devices, ${RECORDS} detail records for ${PERIOD}`);
    let since = process.hrtime.bigint();
    await generate(db);
    log(`generated in ${seconds(since).toFixed(1)} s`);

    Object.assign(process.env, {
      DATABASE_URL: url,
      APP_DATABASE_URL: appUrl,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      JWT_SECRET: 'bench-secret-that-is-long-enough-0000000',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'bench-password-1',
      DATA_DIR: resolve(root, 'tmp/bench-close'),
      CONSOLE_DIR: '',
      QUEUE_PREFIX: `bench-close-${process.pid}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    });
    // The worker's own modules and services, as the worker runs a close (its processors left out).
    const { BenchWorkerModule, PeriodsService, UsageRunner } = await import('./close-module');
    const worker = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: ['error'] });
    await worker.init();
    // The close's own log line (its compute and write times) is printed.
    worker.useLogger(['error', 'log']);
    // The hand-written totals are timed before the product's run and after it (the machine's load
    // changes within a run); the ratio is against the faster of the two.
    const handTotals = async () => {
      const from = process.hrtime.bigint();
      const { rowCount } = await db.query(HAND_TOTALS, [PERIOD]);
      const took = seconds(from);
      log(`hand-written per-SIM totals (${rowCount} SIMs) in ${took.toFixed(2)} s`);
      return took;
    };
    try {
      const handBefore = await handTotals();
      const rssBefore = await peakRssMb();
      since = process.hrtime.bigint();
      const counted = await worker.get(UsageRunner, { strict: false }).recountMonth(PERIOD);
      const totalsSeconds = seconds(since);
      log(`monthly totals of ${counted} SIMs in ${totalsSeconds.toFixed(2)} s`);
      since = process.hrtime.bigint();
      const closed = await worker
        .get(PeriodsService, { strict: false })
        .close(
          PERIOD,
          { userId: 0, username: 'bench', role: 'admin', officerId: null, ip: null },
          new Date('2026-04-02T09:00:00+08:00'),
        );
      const closeSeconds = seconds(since);
      log(`close in ${closeSeconds.toFixed(2)} s: ${closed.issued.length} statements`);
      const endToEnd = totalsSeconds + closeSeconds;
      const peak = await peakRssMb();

      const handAfter = await handTotals();
      const handSeconds = Math.min(handBefore, handAfter);

      const [{ fen: statementsFen }] = (
        await db.query<{ fen: string }>(
          `SELECT sum(total_fen)::bigint fen FROM statements WHERE period = $1 AND status <> 'superseded'`,
          [PERIOD],
        )
      ).rows;
      const [{ fen: recomputedFen }] = (await db.query<{ fen: string }>(CHARGES(HAND_TOTALS), [PERIOD])).rows;
      const [{ differ }] = (
        await db.query<{ differ: number }>(
          `SELECT count(*)::int differ FROM (${HAND_TOTALS}) h
             FULL JOIN (SELECT * FROM monthly_usage WHERE period = $1) m ON m.sim_id = h.sim_id
            WHERE m.voice_min IS DISTINCT FROM h.voice_min::int OR m.sms IS DISTINCT FROM h.sms::int
               OR m.national_kb IS DISTINCT FROM h.national_kb::bigint OR m.apn_kb IS DISTINCT FROM h.apn_kb::bigint`,
          [PERIOD],
        )
      ).rows;
      const figures = {
        sims: SIMS,
        records: RECORDS,
        totalsSeconds: Number(totalsSeconds.toFixed(2)),
        closeSeconds: Number(closeSeconds.toFixed(2)),
        endToEndSeconds: Number(endToEnd.toFixed(2)),
        handWrittenTotalsSeconds: Number(handSeconds.toFixed(2)),
        handWrittenBeforeAndAfterSeconds: [Number(handBefore.toFixed(2)), Number(handAfter.toFixed(2))],
        ratio: Number((endToEnd / handSeconds).toFixed(2)),
        peakRssMb: peak,
        rssBeforeCloseMb: rssBefore,
        statements: closed.issued.length,
        statementsFen,
        recomputedFen,
        checksumEqual: statementsFen === recomputedFen,
        totalsDifferingFromHand: differ,
      };
      console.log(JSON.stringify(figures, null, 2));
      log(
        `close end to end ${figures.endToEndSeconds} s (target ≤ 30), ${figures.ratio}× the hand-written totals (target ≤ 3), peak RSS ${peak} MB; checksum ${figures.checksumEqual ? 'equal' : 'DIFFERENT'}`,
      );
      if (!figures.checksumEqual || differ) process.exitCode = 1;
    } finally {
      await worker.close();
    }
  } finally {
    await db.end().catch(() => undefined);
    if (process.env.BENCH_KEEP) log(`kept database ${name} (BENCH_KEEP): drop it when done`);
    else await dropDatabase(serverUrl, name);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
