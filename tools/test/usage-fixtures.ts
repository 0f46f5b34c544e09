import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addUsage, type DetailRecord, usageOf, type UsageTotals, ZERO_USAGE } from '@fleet/domain/billing';
import Papa from 'papaparse';
import type { Client } from 'pg';

/** The synthetic carrier files and rosters in ../shared/samples (tests may read them). */
export const SAMPLES = resolve(__dirname, '../../../shared/samples');
export const sample = (name: string): Buffer => readFileSync(resolve(SAMPLES, name));
export const SIM_APN = 'xjga.xj';

/** A sample's rows as objects by their (Chinese) headers. */
export function rowsOf(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Totals per number, computed here from the file with the domain's per-record rule (not the SQL). */
export function expectedDetailTotals(rows: Record<string, string>[]): Map<string, UsageTotals> {
  const totals = new Map<string, UsageTotals>();
  const type = { 语音: 'voice', 短信: 'sms', 数据: 'data' } as const;
  const direction: Record<string, 'out' | 'in'> = { 主叫: 'out', 发送: 'out', 被叫: 'in', 接收: 'in' };
  for (const r of rows) {
    const record: DetailRecord = {
      type: type[r['记录类型'] as keyof typeof type],
      direction: direction[r['方向']] ?? null,
      durationS: r['时长秒'] ? Number(r['时长秒']) : null,
      volumeKb: r['流量KB'] ? Number(r['流量KB']) : null,
      apn: r['APN'] || null,
    };
    totals.set(r['手机号码'], addUsage(totals.get(r['手机号码']) ?? ZERO_USAGE, usageOf(record, SIM_APN)));
  }
  return totals;
}

/** The sample SIMs (sims.csv) and their APN profile, written directly, for tests about usage. */
export async function insertSampleSims(db: Client): Promise<void> {
  const { id: apnId } = (
    await db.query(`INSERT INTO apn_profiles (name, apn) VALUES ('XJGA', $1) RETURNING id`, [SIM_APN])
  ).rows[0] as { id: number };
  for (const r of rowsOf(sample('sims.csv').toString('utf8'))) {
    await db.query(
      `INSERT INTO sim_cards (iccid, msisdn, apn_profile_id, activated_on, status) VALUES ($1, $2, $3, $4, 'active')`,
      [r['ICCID'], r['手机号码'], apnId, r['开通日期']],
    );
  }
}
