import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CountedUsageJoinFirst1796800000001 } from './1796800000001-CountedUsageJoinFirst';

/**
 * The records that count (domain.md §3.4), the same rows as CountedUsageJoinFirst1796800000001 with the
 * DISTINCT ON key listed as (sim, start, type, direction, counterpart) instead of (sim, type, start, …).
 * A key's columns may be listed in any order: the same rows fall together, and within a key the latest
 * import, then the latest row, still comes first, so the same row of each key is kept. The sort is
 * cheaper: a record's start almost always differs from its neighbours', so comparing two records
 * usually stops at the second column, where the type (a bpchar, compared through the collation) came
 * second before (ADR 0017, docs/benchmarks.md "Month close").
 */
export class CountedUsageTimeOrder1796800000002 implements MigrationInterface {
  name = 'CountedUsageTimeOrder1796800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "counted_usage_records"("p_period" bpchar, "p_sim_ids" integer[])
      RETURNS TABLE ("sim_id" integer, "start_at" timestamptz, "category" text, "amount" bigint)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT DISTINCT ON (r.sim_id, r.start_at, r.record_type, r.direction, r.counterpart)
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
         ORDER BY r.sim_id, r.start_at, r.record_type, r.direction, r.counterpart, r.import_id DESC, r.row_no DESC
      $$`);
  }

  /** Back to the previous body, as its own migration wrote it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await new CountedUsageJoinFirst1796800000001().up(queryRunner);
  }
}
