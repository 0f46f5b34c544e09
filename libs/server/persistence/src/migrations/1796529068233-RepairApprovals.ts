import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepairApprovals1796529068233 implements MigrationInterface {
  name = 'RepairApprovals1796529068233';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "repair_tickets" ADD "approval_status" character varying(8)');
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD "approval_causes" jsonb NOT NULL DEFAULT \'[]\'',
    );
    await queryRunner.query('ALTER TABLE "repair_tickets" ADD "approval_requested_by_user_id" integer');
    await queryRunner.query('ALTER TABLE "repair_tickets" ADD "approval_decided_by_user_id" integer');
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD "approval_decided_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "repair_tickets" ADD "approval_reason" character varying(500)');
    await queryRunner.query(
      'CREATE INDEX "IDX_9d41863c1f314d9f51adae6d61" ON "repair_tickets" ("approval_status") ',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "repair_tickets_approval_status_check" CHECK ("approval_status" IS NULL OR "approval_status" IN (\'pending\', \'approved\', \'rejected\'))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" DROP CONSTRAINT "repair_tickets_approval_status_check"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_9d41863c1f314d9f51adae6d61"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP COLUMN "approval_reason"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP COLUMN "approval_decided_at"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP COLUMN "approval_decided_by_user_id"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP COLUMN "approval_requested_by_user_id"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP COLUMN "approval_causes"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP COLUMN "approval_status"');
  }
}
