import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CountedUsage1796600000000 } from './1796600000000-CountedUsage';

/**
 * The records that count (domain.md §3.4): the same definition as CountedUsage1796600000000, written so
 * PostgreSQL sorts a month's records once (ADR 0017). The old body de-duplicated first and then joined
 * each SIM and its APN profile; with 10 M records the planner made that join's SIM side parallel and
 * ran the whole sort of the records again in every process (EXPLAIN: the 10 M-row sort with loops=2).
 * Here each record is joined to its SIM (a hash join on the SIMs) and classified before the sort, so
 * parallel workers each sort a part and one merge follows. Same rows: the join is one-to-one on a
 * foreign key, and DISTINCT ON keeps, in the same order (latest import, then latest row), the first
 * row of each key, whose category and amount are that row's.
 */
export class CountedUsageJoinFirst1796800000001 implements MigrationInterface {
  name = 'CountedUsageJoinFirst1796800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "counted_usage_records"("p_period" bpchar, "p_sim_ids" integer[])
      RETURNS TABLE ("sim_id" integer, "start_at" timestamptz, "category" text, "amount" bigint)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT DISTINCT ON (r.sim_id, r.record_type, r.start_at, r.direction, r.counterpart)
               r.sim_id, r.start_at,
               CASE r.record_type WHEN 'V' THEN 'voice' WHEN 'S' THEN 'sms'
                 ELSE CASE WHEN lower(btrim(r.apn)) = lower(btrim(ap.apn)) THEN 'apn' ELSE 'national' END
               END,
               CASE r.record_type
                 WHEN 'V' THEN CASE WHEN r.direction = 'O' THEN (coalesce(r.duration_s, 0) + 59) / 60 ELSE 0 END
                 WHEN 'S' THEN CASE WHEN r.direction = 'O' THEN 1 ELSE 0 END
                 ELSE coalesce(r.volume_kb, 0)
               END::bigint
          FROM usage_records r
          JOIN sim_cards s ON s.id = r.sim_id
          LEFT JOIN apn_profiles ap ON ap.id = s.apn_profile_id
         WHERE r.period = p_period
           AND (p_sim_ids IS NULL OR r.sim_id = ANY (p_sim_ids))
           AND r.import_id IN (SELECT i.id FROM usage_imports i WHERE i.status = 'succeeded')
         ORDER BY r.sim_id, r.record_type, r.start_at, r.direction, r.counterpart, r.import_id DESC, r.row_no DESC
      $$`);
  }

  /** Back to the first definition, as its own migration wrote it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await new CountedUsage1796600000000().down(queryRunner);
    await new CountedUsage1796600000000().up(queryRunner);
  }
}
