import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" SERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" integer, "username" character varying(64), "action" character varying(32) NOT NULL, "resource" character varying(64) NOT NULL, "resource_id" character varying(64), "before" jsonb, "after" jsonb, "ip" character varying(64), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_cb11bd5b662431ea0ac455a27d" ON "audit_log" ("user_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_69ef70ef5de9ec80d32b225c62" ON "audit_log" ("resource", "resource_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "units" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "parent_id" integer, CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_fe22b887520f7715d6f454140f" ON "units" ("parent_id", "name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "officers" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "badge_no" character varying(32) NOT NULL, "name" character varying(50) NOT NULL, "unit_id" integer NOT NULL, "mobile" character varying(11), "status" character varying(16) NOT NULL DEFAULT \'active\', CONSTRAINT "officers_status_check" CHECK ("status" IN (\'active\', \'transferred\', \'retired\')), CONSTRAINT "PK_51b2f6e36c3acee541c66bf4047" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_3c8cc15e0a4c4462e6fa186f50" ON "officers" ("badge_no") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_e0f84ac59f6138659494e34722" ON "officers" ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_cfaef7e36f30571da9a3613350" ON "officers" ("unit_id") ');
    await queryRunner.query(
      'CREATE TABLE "users" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "username" character varying(64) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" character varying(16) NOT NULL, "officer_id" integer, "disabled" boolean NOT NULL DEFAULT false, "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_49ccf047210bf88b5b9ccc5dd3" UNIQUE ("officer_id"), CONSTRAINT "users_officer_link_check" CHECK ("role" <> \'officer\' OR "officer_id" IS NOT NULL), CONSTRAINT "users_role_check" CHECK ("role" IN (\'admin\', \'repair_intake\', \'officer\', \'auditor\')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users" ("username") ');
    await queryRunner.query(
      'ALTER TABLE "units" ADD CONSTRAINT "FK_e0d04b0849a3cde857ececa8adb" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "officers" ADD CONSTRAINT "FK_cfaef7e36f30571da9a36133502" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_49ccf047210bf88b5b9ccc5dd34" FOREIGN KEY ("officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Audit rows are history: refuse UPDATE and DELETE whatever the caller.
    await queryRunner.query(
      "CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log rows cannot be changed or deleted'; END $$",
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_immutable()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_immutable ON "audit_log"');
    await queryRunner.query('DROP FUNCTION audit_log_immutable()');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_49ccf047210bf88b5b9ccc5dd34"');
    await queryRunner.query('ALTER TABLE "officers" DROP CONSTRAINT "FK_cfaef7e36f30571da9a36133502"');
    await queryRunner.query('ALTER TABLE "units" DROP CONSTRAINT "FK_e0d04b0849a3cde857ececa8adb"');
    await queryRunner.query('DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP INDEX "public"."IDX_cfaef7e36f30571da9a3613350"');
    await queryRunner.query('DROP INDEX "public"."IDX_e0f84ac59f6138659494e34722"');
    await queryRunner.query('DROP INDEX "public"."IDX_3c8cc15e0a4c4462e6fa186f50"');
    await queryRunner.query('DROP TABLE "officers"');
    await queryRunner.query('DROP INDEX "public"."IDX_fe22b887520f7715d6f454140f"');
    await queryRunner.query('DROP TABLE "units"');
    await queryRunner.query('DROP INDEX "public"."IDX_69ef70ef5de9ec80d32b225c62"');
    await queryRunner.query('DROP INDEX "public"."IDX_cb11bd5b662431ea0ac455a27d"');
    await queryRunner.query('DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"');
    await queryRunner.query('DROP TABLE "audit_log"');
  }
}
