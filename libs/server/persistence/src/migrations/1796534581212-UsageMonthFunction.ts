import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A month's partition of usage_records, opened by the worker through this function (issue 12, item 7): the
 * application's database role owns no table and may not create one, so the function runs with its owner's
 * rights (SECURITY DEFINER) and can do exactly one thing, for a period it checks itself. Only the roles granted
 * EXECUTE (the application's, see grantApplicationRole) may call it.
 */
export class UsageMonthFunction1796534581212 implements MigrationInterface {
  name = 'UsageMonthFunction1796534581212';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION open_usage_month(period text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF period IS NULL OR period !~ '^\\d{4}-\\d{2}$' THEN
          RAISE EXCEPTION 'not a period: %', period USING ERRCODE = '22023';
        END IF;
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF usage_records FOR VALUES IN (%L)',
          'usage_records_' || replace(period, '-', '_'), period);
      END $$`);
    await queryRunner.query('REVOKE ALL ON FUNCTION open_usage_month(text) FROM PUBLIC');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION open_usage_month(text)');
  }
}
