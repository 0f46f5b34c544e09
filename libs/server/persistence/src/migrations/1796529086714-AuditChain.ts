import { createHash } from 'node:crypto';
import { AUDIT_GENESIS_HASH, auditRowHash } from '@fleet/domain/audit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 500;

interface RawAuditRow {
  id: number;
  at: Date;
  user_id: number | null;
  username: string | null;
  ip: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  before: unknown;
  after: unknown;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The audit hash chain (issue 12, item 7): every row gets the hash of the row before it and its own, the rows
 * already there chained in id order. The immutability trigger is off only for this backfill, inside the
 * migration's transaction.
 */
export class AuditChain1796529086714 implements MigrationInterface {
  name = 'AuditChain1796529086714';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_log" ADD "prev_hash" character(64)');
    await queryRunner.query('ALTER TABLE "audit_log" ADD "hash" character(64)');
    await queryRunner.query('ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_immutable');
    let prevHash = AUDIT_GENESIS_HASH;
    let afterId = 0;
    for (;;) {
      const rows = (await queryRunner.query(
        'SELECT "id", "at", "user_id", "username", "ip", "action", "resource", "resource_id", "before", "after" FROM "audit_log" WHERE "id" > $1 ORDER BY "id" LIMIT $2',
        [afterId, BATCH],
      )) as RawAuditRow[];
      if (!rows.length) break;
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const raw of rows) {
        const hash = auditRowHash(
          {
            id: raw.id,
            at: raw.at,
            userId: raw.user_id,
            username: raw.username,
            ip: raw.ip,
            action: raw.action,
            resource: raw.resource,
            resourceId: raw.resource_id,
            before: raw.before,
            after: raw.after,
          },
          prevHash,
          sha256Hex,
        );
        values.push(raw.id, prevHash, hash);
        const n = values.length;
        tuples.push(`($${n - 2}::int, $${n - 1}::char(64), $${n}::char(64))`);
        prevHash = hash;
        afterId = raw.id;
      }
      await queryRunner.query(
        `UPDATE "audit_log" AS a SET "prev_hash" = v.prev_hash, "hash" = v.hash FROM (VALUES ${tuples.join(', ')}) AS v(id, prev_hash, hash) WHERE a."id" = v.id`,
        values,
      );
    }
    await queryRunner.query('ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_immutable');
    await queryRunner.query('ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_5eb78e900ec8beb89f6e8e9bb9" ON "audit_log" ("prev_hash") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_5eb78e900ec8beb89f6e8e9bb9"');
    await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "hash"');
    await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "prev_hash"');
  }
}
