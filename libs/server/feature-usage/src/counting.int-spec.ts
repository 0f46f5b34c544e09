import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  monthUsageOf,
  periodBounds,
  type StoredDetailRecord,
  type UsageTotals,
  ZERO_USAGE,
} from '@fleet/domain/billing';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../../../apps/worker/src/worker.module';
import { UsageChargesService } from '../../feature-billing/src/periods/usage-charges.service';
import { startTestServer, type TestServer } from '../../../../tools/test/test-server';
import { UsageRunner } from './usage-runner';

/**
 * The counting rule once (§3.4): random detail files (repeats, corrections, both APNs, boundary
 * seconds, several imports, records of imports that did not succeed) give the same usage per SIM in
 * the domain's `monthUsageOf`, in the monthly totals the import computes (UsageRunner, fast path and
 * SQL) and in the attribution the month's close splits charges by (UsageChargesService.charges). Each
 * property run is one month holding CASES_PER_RUN cases, each case its own SIMs, checked against
 * PostgreSQL in a few round trips.
 */
const RUNS = 4;
const CASES_PER_RUN = 250;
const SIMS_PER_CASE = 3;
const FILE_IMPORTS = 3;
const SIM_APNS = ['xjga.xj', 'police.zw', null] as const;
const RECORD_APNS = ['xjga.xj', 'XJGA.XJ', ' xjga.xj', 'police.zw', 'cmnet', null] as const;

type Type = 'voice' | 'sms' | 'data';
interface Event {
  sim: number;
  type: Type;
  /** Seconds after the month's first moment, as a fraction of the month (boundaries picked apart). */
  at: number | 'first' | 'last' | 'lastMinute';
  direction: 'out' | 'in';
  counterpart: number;
}
interface Value {
  durationS: number;
  volumeKb: number;
  apn: (typeof RECORD_APNS)[number];
}
interface Appearance {
  event: number;
  value: Value;
  /** Written so the fast reader declines the line (quoted number, English words): the general reader takes it. */
  general: boolean;
}
interface Case {
  events: Event[];
  /** The case's appearances in each file import, in file order (an import may be empty for a case). */
  imports: Appearance[][];
  /** Records of an import that is still running (between imports 1 and 2) and of one that failed (last). */
  running: Appearance[];
  failed: Appearance[];
}

const valueArb: fc.Arbitrary<Value> = fc.record({
  durationS: fc.oneof(fc.constantFrom(0, 1, 59, 60, 61, 119, 120, 3_599, 3_600, 3_601), fc.nat(20_000)),
  volumeKb: fc.oneof(fc.constantFrom(0, 1, 1_023, 1_024, 1_048_576), fc.nat(5_000_000)),
  apn: fc.constantFrom(...RECORD_APNS),
});
const caseArb: fc.Arbitrary<Case> = fc
  .array(
    fc.record({
      sim: fc.nat(SIMS_PER_CASE - 1),
      type: fc.constantFrom<Type>('voice', 'sms', 'data'),
      at: fc.oneof(
        fc.constantFrom('first' as const, 'last' as const, 'lastMinute' as const),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
      ),
      direction: fc.constantFrom('out' as const, 'in' as const),
      counterpart: fc.nat(2),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .chain((events) => {
    const appearance = fc.record({
      event: fc.nat(events.length - 1),
      value: valueArb,
      general: fc.boolean(),
    });
    const file = fc.array(appearance, { maxLength: 10 });
    return fc.record({
      events: fc.constant(events),
      imports: fc.tuple(file, file, file),
      running: file,
      failed: file,
    });
  });

/** Minutes, messages, national KB, APN KB. */
const figures = (t: UsageTotals) => `${t.voiceMin} min, ${t.sms} SMS, ${t.nationalKb} KB, ${t.apnKb} KB APN`;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const msisdnOf = (caseNo: number, sim: number) => `1479${pad(caseNo * SIMS_PER_CASE + sim, 7)}`;

describe('the records that count (§3.4), once', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let db: Client;
  let dataDir: string;
  let runNo = 0;
  const apnOf = new Map<string, string | null>();

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    dataDir = worker.get<AppConfig>(APP_CONFIG).dataDir;
    await mkdir(join(dataDir, 'counting'), { recursive: true });
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const profiles = new Map<string, number>();
    for (const apn of SIM_APNS.filter((a) => a !== null)) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO apn_profiles (name, apn) VALUES ($1, $1) RETURNING id`,
        [apn],
      );
      profiles.set(apn, rows[0].id);
    }
    const msisdns: string[] = [];
    const apnIds: (number | null)[] = [];
    for (let c = 0; c < CASES_PER_RUN; c += 1)
      for (let s = 0; s < SIMS_PER_CASE; s += 1) {
        const apn = SIM_APNS[(c + s) % SIM_APNS.length];
        msisdns.push(msisdnOf(c, s));
        apnIds.push(apn ? profiles.get(apn)! : null);
        apnOf.set(msisdnOf(c, s), apn);
      }
    await db.query(
      `INSERT INTO sim_cards (iccid, msisdn, apn_profile_id, activated_on, status)
       SELECT '8986' || lpad(n::text, 16, '0'), m, a, '2025-11-25', 'active'
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY u(m, a, n)`,
      [msisdns, apnIds],
    );
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await server?.stop();
  });

  /** A month's moment as the carrier writes it (China Standard Time) and as an instant. */
  function momentOf(period: string, at: Event['at']): { text: string; instant: Date } {
    const { start, end } = periodBounds(period);
    const seconds = (end.getTime() - start.getTime()) / 1000;
    const offset =
      at === 'first'
        ? 0
        : at === 'last'
          ? seconds - 1
          : at === 'lastMinute'
            ? seconds - 60
            : Math.floor(at * seconds);
    const instant = new Date(start.getTime() + offset * 1000);
    const local = new Date(instant.getTime() + 8 * 3_600_000);
    const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
    return { text, instant };
  }

  interface Row extends Omit<StoredDetailRecord, 'importId' | 'importSucceeded'> {
    line: string;
  }

  /** One appearance of a case's event as a stored record and as a CSV line. */
  function rowOf(period: string, caseNo: number, c: Case, a: Appearance, rowNo: number): Row {
    const e = c.events[a.event];
    const msisdn = msisdnOf(caseNo, e.sim);
    const { text, instant } = momentOf(period, e.at);
    const words = a.general
      ? { voice: 'voice', sms: 'sms', data: 'data', out: 'MO', in: 'MT' }
      : {
          voice: '语音',
          sms: '短信',
          data: '数据',
          out: e.type === 'voice' ? '主叫' : '发送',
          in: e.type === 'voice' ? '被叫' : '接收',
        };
    const counterpart = e.type === 'data' ? null : `138****000${e.counterpart}`;
    const direction = e.type === 'data' ? null : e.direction;
    const durationS = e.type === 'voice' ? a.value.durationS : null;
    const volumeKb = e.type === 'data' ? a.value.volumeKb : null;
    const apn = e.type === 'data' ? a.value.apn : null;
    const number = a.general ? `"${msisdn}"` : msisdn;
    const line = [
      number,
      words[e.type],
      text,
      direction ? words[direction] : '',
      counterpart ?? '',
      durationS ?? '',
      volumeKb ?? '',
      // The fast reader takes only plain APNs; one with a space goes the general way (and is trimmed).
      apn ?? '',
    ].join(',');
    return {
      msisdn,
      type: e.type,
      startAt: instant,
      direction,
      counterpart,
      durationS,
      volumeKb,
      apn: apn?.trim() || null,
      rowNo,
      line,
    };
  }

  /** A file import of every case's appearances, run by the worker's UsageRunner. */
  async function importFile(name: string, rows: Row[]): Promise<number> {
    const path = join('counting', `${name}.csv`);
    await writeFile(
      join(dataDir, path),
      ['手机号码,记录类型,开始时间,方向,对方号码,时长秒,流量KB,APN', ...rows.map((r) => r.line)].join('\n'),
    );
    const { rows: inserted } = await db.query<{ id: number }>(
      `INSERT INTO usage_imports (file_name, sha256, kind, format, encoding, stored_path, size_bytes)
       VALUES ($1::text, md5($1::text) || md5($1::text), 'detail', 'csv', 'utf-8', $2, 1) RETURNING id`,
      [name, path],
    );
    const done = await worker.get(UsageRunner).run(inserted[0].id, { lastAttempt: true });
    expect(done).toMatchObject({ status: 'succeeded', rowsRejected: 0, rowsAccepted: rows.length });
    return done.id;
  }

  /** Records stored by an import that has not succeeded (as a loader working in chunks leaves them). */
  async function unfinishedImport(
    period: string,
    name: string,
    status: string,
    rows: Row[],
  ): Promise<number> {
    const { rows: inserted } = await db.query<{ id: number }>(
      `INSERT INTO usage_imports (file_name, sha256, kind, format, encoding, stored_path, size_bytes, period, status,
              lease_token, lease_until)
       VALUES ($1::text, md5($1::text) || md5($1::text), 'detail', 'csv', 'utf-8', $1::text, 1, $2, $3,
              gen_random_uuid(), now() + interval '1 day') RETURNING id`,
      [name, period, status],
    );
    const id = inserted[0].id;
    await db.query(
      `INSERT INTO usage_records (import_id, row_no, sim_id, period, record_type, start_at, direction, counterpart, duration_s, volume_kb, apn)
       SELECT $1, u.row_no, s.id, $2, u.t, u.at, u.d, u.cp, u.dur, u.kb, u.apn
         FROM unnest($3::int[], $4::text[], $5::char(1)[], $6::timestamptz[], $7::char(1)[], $8::text[], $9::int[], $10::bigint[], $11::text[])
              u(row_no, msisdn, t, at, d, cp, dur, kb, apn)
         JOIN sim_cards s ON s.msisdn = u.msisdn`,
      [
        id,
        period,
        rows.map((r) => r.rowNo),
        rows.map((r) => r.msisdn),
        rows.map((r) => ({ voice: 'V', sms: 'S', data: 'D' })[r.type]),
        rows.map((r) => r.startAt),
        rows.map((r) => (r.direction ? { out: 'O', in: 'I' }[r.direction] : null)),
        rows.map((r) => r.counterpart),
        rows.map((r) => r.durationS),
        rows.map((r) => r.volumeKb),
        rows.map((r) => r.apn),
      ],
    );
    return id;
  }

  /** Usage per number and category as the close attributes it to holders (summed over holders). */
  async function attributed(period: string): Promise<Map<string, UsageTotals>> {
    const charges = worker.get(UsageChargesService, { strict: false });
    const dataSource = worker.get(DataSource);
    const { sims } = await charges.overages(period, dataSource.manager);
    const msisdnOfId = new Map(sims.map((s) => [s.usage.simId, s.usage.msisdn]));
    const field = { voice: 'voiceMin', sms: 'sms', national: 'nationalKb', apn: 'apnKb' } as const;
    const totals = new Map<string, UsageTotals>();
    for (const charge of await charges.charges(dataSource.manager, period, sims)) {
      if (charge.basisKind !== 'usage') continue;
      const msisdn = msisdnOfId.get(charge.simId)!;
      const t = { ...(totals.get(msisdn) ?? ZERO_USAGE) };
      t[field[charge.overage.category]] += charge.bases.reduce((sum, b) => sum + b.weight, 0);
      totals.set(msisdn, t);
    }
    return totals;
  }

  async function monthlyTotals(period: string): Promise<Map<string, UsageTotals>> {
    const { rows } = await db.query<{ msisdn: string } & UsageTotals>(
      `SELECT s.msisdn, m.voice_min "voiceMin", m.sms, m.national_kb::float8 "nationalKb", m.apn_kb::float8 "apnKb"
         FROM monthly_usage m JOIN sim_cards s ON s.id = m.sim_id WHERE m.period = $1`,
      [period],
    );
    return new Map(rows.map(({ msisdn, ...t }) => [msisdn, t]));
  }

  it(`agrees in the domain, the monthly totals and the attribution (${RUNS * CASES_PER_RUN} generated cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { minLength: CASES_PER_RUN, maxLength: CASES_PER_RUN }),
        async (cases) => {
          runNo += 1;
          const period = `2026-${pad(runNo)}`;
          const stored: StoredDetailRecord[] = [];
          const rowsOf = (appearances: (c: Case) => Appearance[]) => {
            const rows: Row[] = [];
            cases.forEach((c, caseNo) => {
              for (const a of appearances(c)) rows.push(rowOf(period, caseNo, c, a, rows.length + 2));
            });
            return rows;
          };
          const keep = (importId: number, importSucceeded: boolean, rows: Row[]) =>
            stored.push(...rows.map(({ line: _line, ...r }) => ({ ...r, importId, importSucceeded })));
          for (let k = 0; k < FILE_IMPORTS; k += 1) {
            const rows = rowsOf((c) => c.imports[k]);
            if (!rows.length) continue;
            keep(await importFile(`counting-${period}-${k}`, rows), true, rows);
            if (k === 0) {
              const running = rowsOf((c) => c.running);
              keep(await unfinishedImport(period, `running-${period}`, 'running', running), false, running);
            }
          }
          const failed = rowsOf((c) => c.failed);
          keep(await unfinishedImport(period, `failed-${period}`, 'failed', failed), false, failed);

          const domain = monthUsageOf(stored, (msisdn) => apnOf.get(msisdn) ?? null);
          const [totals, attribution] = await Promise.all([monthlyTotals(period), attributed(period)]);
          const differences: string[] = [];
          cases.forEach((c, caseNo) => {
            for (let s = 0; s < SIMS_PER_CASE; s += 1) {
              const msisdn = msisdnOf(caseNo, s);
              const expected = domain.get(msisdn) ?? ZERO_USAGE;
              const byTotals = totals.get(msisdn) ?? ZERO_USAGE;
              const byAttribution = attribution.get(msisdn) ?? ZERO_USAGE;
              if (figures(byTotals) !== figures(expected) || figures(byAttribution) !== figures(expected))
                differences.push(
                  `case ${caseNo} SIM ${msisdn} (APN ${apnOf.get(msisdn)}): domain ${figures(expected)}, totals ${figures(byTotals)}, attribution ${figures(byAttribution)}; case ${JSON.stringify(c)}`,
                );
            }
          });
          expect(differences.slice(0, 3)).toEqual([]);
        },
      ),
      {
        numRuns: RUNS,
        endOnFailure: true,
        // The seed and the first differences, not the thousand cases.
        reporter: (run) => {
          if (run.failed) throw new Error(`seed ${run.seed}: ${String(run.errorInstance)}`.slice(0, 4_000));
        },
      },
    );
  }, 120_000);
});
