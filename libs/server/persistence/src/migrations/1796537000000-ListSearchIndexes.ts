import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram indexes for the lists' `q` (a case-insensitive substring search, ILIKE '%…%', over the columns
 * each ListSpec names): without them every search read the whole table twice (page and total), ≈ 0.5 s
 * at 100,000 devices. The fixed-width columns (char) are indexed as text, as findList searches them.
 * The entities name these indexes with `synchronize: false`: the ORM cannot describe them.
 */
const INDEXES: [table: string, name: string, expression: string][] = [
  ['devices', 'devices_search_imei1_trgm', '(("imei1")::text)'],
  ['devices', 'devices_search_imei2_trgm', '(("imei2")::text)'],
  ['devices', 'devices_search_serial_number_trgm', '"serial_number"'],
  ['devices', 'devices_search_model_trgm', '"model"'],
  ['officers', 'officers_search_name_trgm', '"name"'],
  ['officers', 'officers_search_badge_no_trgm', '"badge_no"'],
  ['officers', 'officers_search_mobile_trgm', '"mobile"'],
  ['sim_cards', 'sim_cards_search_iccid_trgm', '"iccid"'],
  ['sim_cards', 'sim_cards_search_msisdn_trgm', '(("msisdn")::text)'],
];

export class ListSearchIndexes1796537000000 implements MigrationInterface {
  name = 'ListSearchIndexes1796537000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    for (const [table, name, expression] of INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" USING gin (${expression} gin_trgm_ops)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [, name] of INDEXES) await queryRunner.query(`DROP INDEX "public"."${name}"`);
  }
}
