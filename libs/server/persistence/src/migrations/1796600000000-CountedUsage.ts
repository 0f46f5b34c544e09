import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records that count (domain.md §3.4), defined once for the monthly totals (feature-usage, which
 * owns it) and the attribution to holders at month close (feature-billing): a month's detail records
 * of succeeded imports only, one per key (number, type, start, direction, counterpart), the latest
 * import's and within it the latest row's; each classified into its category with the amount it adds
 * (outgoing calls rounded up to whole minutes, a 0 s call is 0; sent messages; data in KB, on the SIM's
 * APN profile's APN as 'apn', otherwise 'national'); received calls and messages count 0. The domain's
 * `recordsThatCount` / `monthUsageOf` say the same, and a property test holds the three equal.
 *
 * A SQL function PostgreSQL inlines (LANGUAGE sql, STABLE, one SELECT, not strict): the caller's month
 * becomes a condition on the partition key, so only that month's partition is read. `p_sim_ids` NULL
 * is every SIM.
 */
export class CountedUsage1796600000000 implements MigrationInterface {
  name = 'CountedUsage1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "counted_usage_records"("p_period" bpchar, "p_sim_ids" integer[])
      RETURNS TABLE ("sim_id" integer, "start_at" timestamptz, "category" text, "amount" bigint)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT c.sim_id, c.start_at,
               CASE c.record_type WHEN 'V' THEN 'voice' WHEN 'S' THEN 'sms'
                 ELSE CASE WHEN lower(btrim(c.apn)) = lower(btrim(ap.apn)) THEN 'apn' ELSE 'national' END
               END,
               CASE c.record_type
                 WHEN 'V' THEN CASE WHEN c.direction = 'O' THEN (coalesce(c.duration_s, 0) + 59) / 60 ELSE 0 END
                 WHEN 'S' THEN CASE WHEN c.direction = 'O' THEN 1 ELSE 0 END
                 ELSE coalesce(c.volume_kb, 0)
               END::bigint
          FROM (
            SELECT DISTINCT ON (r.sim_id, r.record_type, r.start_at, r.direction, r.counterpart)
                   r.sim_id, r.record_type, r.start_at, r.direction, r.duration_s, r.volume_kb, r.apn
              FROM usage_records r
             WHERE r.period = p_period
               AND (p_sim_ids IS NULL OR r.sim_id = ANY (p_sim_ids))
               AND r.import_id IN (SELECT i.id FROM usage_imports i WHERE i.status = 'succeeded')
             ORDER BY r.sim_id, r.record_type, r.start_at, r.direction, r.counterpart, r.import_id DESC, r.row_no DESC
          ) c
          JOIN sim_cards s ON s.id = c.sim_id
          LEFT JOIN apn_profiles ap ON ap.id = s.apn_profile_id
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "counted_usage_records"(bpchar, integer[])`);
  }
}
