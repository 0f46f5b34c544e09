import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1796523524239 implements MigrationInterface {
  name = 'Sessions1796523524239';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 三员分立: the security and audit administrators; only an officer's login is linked to an officer.
    // (TypeORM compares CHECK constraints by name, so these two are written by hand.)
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "users_role_check"');
    await queryRunner.query(
      "ALTER TABLE \"users\" ADD CONSTRAINT \"users_role_check\" CHECK (\"role\" IN ('admin', 'secadmin', 'auditadmin', 'repair_intake', 'officer', 'auditor'))",
    );
    await queryRunner.query('UPDATE "users" SET "officer_id" = NULL WHERE "role" <> \'officer\'');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "users_officer_link_check"');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "users_officer_link_check" CHECK (("role" = \'officer\') = ("officer_id" IS NOT NULL))',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL, "user_id" integer NOT NULL, "refresh_hash" character(64) NOT NULL, "previous_refresh_hash" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "renewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(32), "ip" character varying(64), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "login_failures" ("username" character varying(64) NOT NULL, "client" character varying(64) NOT NULL, "failures" integer NOT NULL, "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_72de0b03e6e43ca73890e0d7b07" PRIMARY KEY ("username", "client"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_02d51d3c6952fbbea35d155019" ON "login_failures" ("last_failed_at") ',
    );
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "failed_logins"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "locked_until"');
    await queryRunner.query('ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "password_changed_at"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "must_change_password"');
    await queryRunner.query('ALTER TABLE "users" ADD "locked_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "users" ADD "failed_logins" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('DROP INDEX "public"."IDX_02d51d3c6952fbbea35d155019"');
    await queryRunner.query('DROP TABLE "login_failures"');
    await queryRunner.query('DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "users_officer_link_check"');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "users_officer_link_check" CHECK ("role" <> \'officer\' OR "officer_id" IS NOT NULL)',
    );
    // The separated administrators have no place in the earlier schema: their logins go with it.
    await queryRunner.query('DELETE FROM "users" WHERE "role" IN (\'secadmin\', \'auditadmin\')');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "users_role_check"');
    await queryRunner.query(
      "ALTER TABLE \"users\" ADD CONSTRAINT \"users_role_check\" CHECK (\"role\" IN ('admin', 'repair_intake', 'officer', 'auditor'))",
    );
  }
}
