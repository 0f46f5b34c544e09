import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A large detail file is loaded in chunks that any worker can take (ADR 15): each a byte range of the
 * file cut at record boundaries, with the number of its first record (so its records' row numbers are
 * the file's), its own status, lease (as FileRunColumns) and counters. A chunk's records, rejections and
 * status commit together, with its totals per SIM (sim id → voice min, SMS, national KB, APN KB; its
 * records' keys wait in a file next to the upload for the import's sieve); the import's records count
 * only once the import itself has succeeded.
 */
export class UsageImportChunks1796700000001 implements MigrationInterface {
  name = 'UsageImportChunks1796700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "usage_import_chunks" (
      "id" SERIAL PRIMARY KEY,
      "import_id" integer NOT NULL REFERENCES "usage_imports"("id") ON DELETE CASCADE,
      "chunk_no" integer NOT NULL,
      "byte_from" bigint NOT NULL,
      "byte_to" bigint NOT NULL,
      "first_row" integer NOT NULL,
      "status" character varying(16) NOT NULL DEFAULT 'queued',
      "rows_done" integer NOT NULL DEFAULT 0,
      "rows_accepted" integer NOT NULL DEFAULT 0,
      "rows_rejected" integer NOT NULL DEFAULT 0,
      "attempts" integer NOT NULL DEFAULT 0,
      "totals" jsonb,
      "lease_token" uuid,
      "lease_until" timestamptz,
      CONSTRAINT "UQ_usage_import_chunks_import_chunk" UNIQUE ("import_id", "chunk_no"),
      CONSTRAINT "CHK_usage_import_chunks_range" CHECK ("byte_from" < "byte_to"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "usage_import_chunks"`);
  }
}
