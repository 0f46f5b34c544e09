import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsThatSurvive1796523612365 implements MigrationInterface {
  name = 'JobsThatSurvive1796523612365';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "installation" ("singleton" boolean NOT NULL DEFAULT true, "id" uuid NOT NULL, "fingerprint" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "installation_singleton_check" CHECK ("singleton"), CONSTRAINT "PK_573d1dd9f210243e9aed26d9440" PRIMARY KEY ("singleton"))',
    );
    await queryRunner.query('ALTER TABLE "bulk_imports" ADD "lease_token" uuid');
    await queryRunner.query('ALTER TABLE "bulk_imports" ADD "lease_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "usage_imports" ADD "lease_token" uuid');
    await queryRunner.query('ALTER TABLE "usage_imports" ADD "lease_until" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "usage_imports" DROP COLUMN "lease_until"');
    await queryRunner.query('ALTER TABLE "usage_imports" DROP COLUMN "lease_token"');
    await queryRunner.query('ALTER TABLE "bulk_imports" DROP COLUMN "lease_until"');
    await queryRunner.query('ALTER TABLE "bulk_imports" DROP COLUMN "lease_token"');
    await queryRunner.query('DROP TABLE "installation"');
  }
}
