import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who held each SIM in a month (ADR 0017), owned by custody (feature-inventory's `HolderSpansReader`) and
 * used by billing's attribution inside its own statement: for every SIM, the spans of the month during
 * which an officer held the device the SIM was installed in (a live installation's range intersected with
 * a live assignment's and with the month, UTC+8), with the assignment's start (`assigned_at`, the holder's
 * "since"). A moment in no span is nobody's (the bureau's). About two rows a SIM: a record is matched to
 * its holder by a hash join on `sim_id` and a containment test, not by range-joining two tables.
 *
 * Inlined by PostgreSQL (LANGUAGE sql, STABLE, one SELECT); `OFFSET 0` keeps it a subquery of its own, so
 * each span is computed once, not again for every record tested against it. The month's bounds are China Standard Time's,
 * as `periodBounds` says (Asia/Shanghai has had no daylight saving since 1991).
 */
export class HolderSpans1796800000000 implements MigrationInterface {
  name = 'HolderSpans1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "holder_spans"("p_period" bpchar)
      RETURNS TABLE ("sim_id" integer, "officer_id" integer, "span" tstzrange, "assigned_at" timestamptz)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT i.sim_id, a.officer_id, x.span, a.start_at
          FROM sim_installations i
          JOIN assignments a ON a.device_id = i.device_id AND a.voided_at IS NULL
          CROSS JOIN LATERAL (
            SELECT tstzrange(i.start_at, i.end_at) * tstzrange(a.start_at, a.end_at)
                   * tstzrange((p_period || '-01')::timestamp AT TIME ZONE 'Asia/Shanghai',
                               ((p_period || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Shanghai')
                   AS span
          ) x
         WHERE i.voided_at IS NULL AND NOT isempty(x.span)
        OFFSET 0
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "holder_spans"(bpchar)`);
  }
}
