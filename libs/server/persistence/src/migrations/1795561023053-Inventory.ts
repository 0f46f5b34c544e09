import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1795561023053 implements MigrationInterface {
  name = 'Inventory1795561023053';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Exclusion constraints on custody intervals compare an integer id with '=' inside a GiST index.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(
      'CREATE TABLE "alerts" ("id" SERIAL NOT NULL, "as_of" date NOT NULL, "kind" character varying(32) NOT NULL, "resource" character varying(32) NOT NULL, "resource_id" integer NOT NULL, "due_on" date, "days_left" integer, "details" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b5209ac7f49f696e3e7787f390" ON "alerts" ("as_of") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0d75b543ede68f857fedc60709" ON "alerts" ("as_of", "kind", "resource", "resource_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "apn_profiles" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "name" character varying(64) NOT NULL, "apn" character varying(100) NOT NULL, "description" character varying(200), CONSTRAINT "PK_e8eae1d141e9c9efc654a396ca6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_db8f3bd841d22e4224a109f27e" ON "apn_profiles" ("name") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_656db0aa561ea77fc028d50bc3" ON "apn_profiles" ("apn") ',
    );
    await queryRunner.query(
      'CREATE TABLE "bulk_imports" ("id" SERIAL NOT NULL, "kind" character varying(16) NOT NULL, "file_name" character varying(255) NOT NULL, "sha256" character(64) NOT NULL, "format" character varying(8) NOT NULL, "encoding" character varying(16), "stored_path" character varying(500) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'queued\', "rows_total" integer NOT NULL DEFAULT \'0\', "rows_done" integer NOT NULL DEFAULT \'0\', "rows_created" integer NOT NULL DEFAULT \'0\', "rows_updated" integer NOT NULL DEFAULT \'0\', "rows_unchanged" integer NOT NULL DEFAULT \'0\', "rows_rejected" integer NOT NULL DEFAULT \'0\', "error" jsonb, "created_by_user_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "bulk_imports_status_check" CHECK ("status" IN (\'queued\', \'running\', \'succeeded\', \'failed\')), CONSTRAINT "bulk_imports_kind_check" CHECK ("kind" IN (\'devices\', \'sim_cards\', \'officers\', \'units\')), CONSTRAINT "PK_315f37bb12f9f11d0bb1ddee5ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_0b3ade11e39bc02d35e7803fa8" ON "bulk_imports" ("sha256") ');
    await queryRunner.query('CREATE INDEX "IDX_c9c5a6d94f083b5a1a444a1b87" ON "bulk_imports" ("status") ');
    await queryRunner.query(
      'CREATE TABLE "bulk_import_rejections" ("id" SERIAL NOT NULL, "import_id" integer NOT NULL, "row_no" integer NOT NULL, "column" character varying(64), "reason_zh" character varying(500) NOT NULL, "reason_en" character varying(500) NOT NULL, "raw" jsonb NOT NULL, CONSTRAINT "PK_744a8692be5b15f28bc98982ed2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e43dbecd91c769e6d36be8f3a1" ON "bulk_import_rejections" ("import_id", "row_no") ',
    );
    await queryRunner.query(
      'CREATE TABLE "devices" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "model" character varying(100) NOT NULL, "imei1" character(15) NOT NULL, "imei2" character(15), "serial_number" character varying(64), "dual_system" boolean NOT NULL DEFAULT true, "received_on" date NOT NULL, "lease_start_on" date, "lease_end_on" date, "warranty_end_on" date NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'in_stock\', "ownership" character varying(16) NOT NULL DEFAULT \'leased\', "current_officer_id" integer, "unit_id" integer, "notes" character varying(500), CONSTRAINT "devices_imeis_differ_check" CHECK ("imei2" IS NULL OR "imei2" <> "imei1"), CONSTRAINT "devices_ownership_check" CHECK ("ownership" IN (\'leased\', \'bureau\')), CONSTRAINT "devices_status_check" CHECK ("status" IN (\'in_stock\', \'assigned\', \'in_repair\', \'lost\', \'retired\')), CONSTRAINT "PK_b1514758245c12daf43486dd1f0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_3d3bb04f77be324b82213beb07" ON "devices" ("imei1") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_dd94acf29ed89244c7eacf5d3a" ON "devices" ("imei2") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f146125a827355ae67094ff3bd" ON "devices" ("serial_number") WHERE "serial_number" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0ce63b96b751159371a65ccd6f" ON "devices" ("warranty_end_on") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_c37da3607f7214c3dda1803d09" ON "devices" ("status") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_b2eee15258bfecb94b60949283" ON "devices" ("current_officer_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_89ba6adaf6d05dc1d0165d04d9" ON "devices" ("unit_id") ');
    await queryRunner.query(
      'CREATE TABLE "plans" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "name" character varying(64) NOT NULL, "monthly_fee_fen" integer NOT NULL, "voice_min" integer NOT NULL, "national_kb" bigint NOT NULL, "apn_kb" bigint NOT NULL, "sms" integer NOT NULL, "term_months" integer NOT NULL, CONSTRAINT "plans_amounts_check" CHECK ("monthly_fee_fen" >= 0 AND "voice_min" >= 0 AND "national_kb" >= 0 AND "apn_kb" >= 0 AND "sms" >= 0 AND "term_months" > 0), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_253d25dae4c94ee913bc5ec485" ON "plans" ("name") ');
    await queryRunner.query(
      'CREATE TABLE "sim_cards" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "iccid" character varying(20) NOT NULL, "msisdn" character(11) NOT NULL, "apn_profile_id" integer, "plan_id" integer, "activated_on" date, "plan_ends_on" date, "real_name_registered_on" date, "status" character varying(16) NOT NULL DEFAULT \'inactive\', "device_id" integer, "slot" smallint, CONSTRAINT "sim_cards_slot_check" CHECK ("slot" IS NULL OR "slot" IN (1, 2)), CONSTRAINT "sim_cards_status_check" CHECK ("status" IN (\'inactive\', \'active\', \'suspended\', \'terminated\')), CONSTRAINT "PK_1c5376c7737592f2a7258be3d9d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_fdf12c3b57b4ad3f24b3630895" ON "sim_cards" ("iccid") ');
    await queryRunner.query('CREATE INDEX "IDX_48ff701cb4f995e61808fd13af" ON "sim_cards" ("msisdn") ');
    await queryRunner.query('CREATE INDEX "IDX_5e4fc0157385bc3090cb1e823d" ON "sim_cards" ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_48a88887996769fcc8489291ac" ON "sim_cards" ("device_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sim_cards_msisdn_live_unique" ON "sim_cards" ("msisdn") WHERE "status" <> \'terminated\'',
    );
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" SERIAL NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE, "started_by_user_id" integer, "ended_by_user_id" integer, "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by_user_id" integer, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "device_id" integer NOT NULL, "officer_id" integer NOT NULL, "condition" character varying(500), "accessories" jsonb NOT NULL DEFAULT \'[]\', "return_condition" character varying(500), "accepted_at" TIMESTAMP WITH TIME ZONE, "allow_multiple" boolean NOT NULL DEFAULT false, CONSTRAINT "assignments_period_check" CHECK ("end_at" IS NULL OR "end_at" > "start_at"), CONSTRAINT "assignments_device_no_overlap" EXCLUDE USING gist ("device_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("voided_at" IS NULL), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e30b257f2194626b5816b29890" ON "assignments" ("device_id") ');
    await queryRunner.query('CREATE INDEX "IDX_b34c2e721341c61110b43c11b8" ON "assignments" ("officer_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignments_open_per_device" ON "assignments" ("device_id") WHERE "end_at" IS NULL AND "voided_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "sim_installations" ("id" SERIAL NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE, "started_by_user_id" integer, "ended_by_user_id" integer, "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by_user_id" integer, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sim_id" integer NOT NULL, "device_id" integer NOT NULL, "slot" smallint NOT NULL, CONSTRAINT "sim_installations_slot_check" CHECK ("slot" IN (1, 2)), CONSTRAINT "sim_installations_period_check" CHECK ("end_at" IS NULL OR "end_at" > "start_at"), CONSTRAINT "sim_installations_slot_no_overlap" EXCLUDE USING gist ("device_id" WITH =, "slot" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("voided_at" IS NULL), CONSTRAINT "sim_installations_sim_no_overlap" EXCLUDE USING gist ("sim_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("voided_at" IS NULL), CONSTRAINT "PK_a82b5fe2ccaebb68c0c7515f424" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_eccf425e0a785361c53802d213" ON "sim_installations" ("sim_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ce2cf85191b7f01f890659ebe7" ON "sim_installations" ("device_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sim_installations_open_per_slot" ON "sim_installations" ("device_id", "slot") WHERE "end_at" IS NULL AND "voided_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sim_installations_open_per_sim" ON "sim_installations" ("sim_id") WHERE "end_at" IS NULL AND "voided_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "lease_end_checks" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "device_id" integer NOT NULL, "condition" character varying(500), "workspace_wiped_at" TIMESTAMP WITH TIME ZONE, "registered_as_asset_at" TIMESTAMP WITH TIME ZONE, "asset_no" character varying(64), "transferred_at" TIMESTAMP WITH TIME ZONE, "transferred_by_user_id" integer, CONSTRAINT "PK_a1ceb659c4b5075dadce6cf5435" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_59d8b8481de2781aaf3c42deab" ON "lease_end_checks" ("device_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "lost_reports" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "device_id" integer NOT NULL, "kind" character varying(8) NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_by_officer_id" integer, "police_case_no" character varying(64), "circumstances" character varying(1000), "confirmed_at" TIMESTAMP WITH TIME ZONE, "sim_suspend_requested_at" TIMESTAMP WITH TIME ZONE, "sim_suspend_requested_by_user_id" integer, "wipe_requested_at" TIMESTAMP WITH TIME ZONE, "wipe_requested_by_user_id" integer, "found_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "lost_reports_kind_check" CHECK ("kind" IN (\'lost\', \'stolen\')), CONSTRAINT "PK_6779ed54fbf193fee57f73527a4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_49412e52066d53f08d5ff20f9e" ON "lost_reports" ("device_id") ');
    await queryRunner.query(
      'CREATE TABLE "stocktakes" ("id" SERIAL NOT NULL, "unit_id" integer, "status" character varying(8) NOT NULL DEFAULT \'open\', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_by_user_id" integer, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_user_id" integer, "expected_device_ids" jsonb NOT NULL DEFAULT \'[]\', "result" jsonb, "notes" character varying(1000), CONSTRAINT "stocktakes_status_check" CHECK ("status" IN (\'open\', \'closed\')), CONSTRAINT "PK_06743abbde0490196ad25408080" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "stocktake_scans" ("id" SERIAL NOT NULL, "stocktake_id" integer NOT NULL, "imei" character(15) NOT NULL, "device_id" integer, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "scanned_by_user_id" integer, CONSTRAINT "PK_5e39c6f661a424a0bf4dcdf3eb6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_e7ce8dac19621d5f550a968857" ON "stocktake_scans" ("stocktake_id", "imei") ',
    );
    await queryRunner.query(
      'ALTER TABLE "bulk_import_rejections" ADD CONSTRAINT "FK_161ea43ad8937c619c91eb0c649" FOREIGN KEY ("import_id") REFERENCES "bulk_imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "devices" ADD CONSTRAINT "FK_b2eee15258bfecb94b609492831" FOREIGN KEY ("current_officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "devices" ADD CONSTRAINT "FK_89ba6adaf6d05dc1d0165d04d9d" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_cards" ADD CONSTRAINT "FK_67f817b490da70b7402cd6e8740" FOREIGN KEY ("apn_profile_id") REFERENCES "apn_profiles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_cards" ADD CONSTRAINT "FK_3a7f74559c31150db88d00677a4" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_cards" ADD CONSTRAINT "FK_48a88887996769fcc8489291ac5" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "FK_e30b257f2194626b5816b29890f" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "FK_b34c2e721341c61110b43c11b85" FOREIGN KEY ("officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_installations" ADD CONSTRAINT "FK_eccf425e0a785361c53802d2133" FOREIGN KEY ("sim_id") REFERENCES "sim_cards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_installations" ADD CONSTRAINT "FK_ce2cf85191b7f01f890659ebe77" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "lease_end_checks" ADD CONSTRAINT "FK_59d8b8481de2781aaf3c42deabb" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "lost_reports" ADD CONSTRAINT "FK_49412e52066d53f08d5ff20f9e1" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "lost_reports" ADD CONSTRAINT "FK_6679200e6248eb022a64db0cfe5" FOREIGN KEY ("reported_by_officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stocktakes" ADD CONSTRAINT "FK_82220ad41b95866f7d7f27e2a33" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stocktake_scans" ADD CONSTRAINT "FK_fbe1f20d1cde7b1fbe53ae716aa" FOREIGN KEY ("stocktake_id") REFERENCES "stocktakes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stocktake_scans" ADD CONSTRAINT "FK_441e42689cb0e06d463a3031adb" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stocktake_scans" DROP CONSTRAINT "FK_441e42689cb0e06d463a3031adb"');
    await queryRunner.query('ALTER TABLE "stocktake_scans" DROP CONSTRAINT "FK_fbe1f20d1cde7b1fbe53ae716aa"');
    await queryRunner.query('ALTER TABLE "stocktakes" DROP CONSTRAINT "FK_82220ad41b95866f7d7f27e2a33"');
    await queryRunner.query('ALTER TABLE "lost_reports" DROP CONSTRAINT "FK_6679200e6248eb022a64db0cfe5"');
    await queryRunner.query('ALTER TABLE "lost_reports" DROP CONSTRAINT "FK_49412e52066d53f08d5ff20f9e1"');
    await queryRunner.query(
      'ALTER TABLE "lease_end_checks" DROP CONSTRAINT "FK_59d8b8481de2781aaf3c42deabb"',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_installations" DROP CONSTRAINT "FK_ce2cf85191b7f01f890659ebe77"',
    );
    await queryRunner.query(
      'ALTER TABLE "sim_installations" DROP CONSTRAINT "FK_eccf425e0a785361c53802d2133"',
    );
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "FK_b34c2e721341c61110b43c11b85"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "FK_e30b257f2194626b5816b29890f"');
    await queryRunner.query('ALTER TABLE "sim_cards" DROP CONSTRAINT "FK_48a88887996769fcc8489291ac5"');
    await queryRunner.query('ALTER TABLE "sim_cards" DROP CONSTRAINT "FK_3a7f74559c31150db88d00677a4"');
    await queryRunner.query('ALTER TABLE "sim_cards" DROP CONSTRAINT "FK_67f817b490da70b7402cd6e8740"');
    await queryRunner.query('ALTER TABLE "devices" DROP CONSTRAINT "FK_89ba6adaf6d05dc1d0165d04d9d"');
    await queryRunner.query('ALTER TABLE "devices" DROP CONSTRAINT "FK_b2eee15258bfecb94b609492831"');
    await queryRunner.query(
      'ALTER TABLE "bulk_import_rejections" DROP CONSTRAINT "FK_161ea43ad8937c619c91eb0c649"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_e7ce8dac19621d5f550a968857"');
    await queryRunner.query('DROP TABLE "stocktake_scans"');
    await queryRunner.query('DROP TABLE "stocktakes"');
    await queryRunner.query('DROP INDEX "public"."IDX_49412e52066d53f08d5ff20f9e"');
    await queryRunner.query('DROP TABLE "lost_reports"');
    await queryRunner.query('DROP INDEX "public"."IDX_59d8b8481de2781aaf3c42deab"');
    await queryRunner.query('DROP TABLE "lease_end_checks"');
    await queryRunner.query('DROP INDEX "public"."sim_installations_open_per_sim"');
    await queryRunner.query('DROP INDEX "public"."sim_installations_open_per_slot"');
    await queryRunner.query('DROP INDEX "public"."IDX_ce2cf85191b7f01f890659ebe7"');
    await queryRunner.query('DROP INDEX "public"."IDX_eccf425e0a785361c53802d213"');
    await queryRunner.query('DROP TABLE "sim_installations"');
    await queryRunner.query('DROP INDEX "public"."assignments_open_per_device"');
    await queryRunner.query('DROP INDEX "public"."IDX_b34c2e721341c61110b43c11b8"');
    await queryRunner.query('DROP INDEX "public"."IDX_e30b257f2194626b5816b29890"');
    await queryRunner.query('DROP TABLE "assignments"');
    await queryRunner.query('DROP INDEX "public"."sim_cards_msisdn_live_unique"');
    await queryRunner.query('DROP INDEX "public"."IDX_48a88887996769fcc8489291ac"');
    await queryRunner.query('DROP INDEX "public"."IDX_5e4fc0157385bc3090cb1e823d"');
    await queryRunner.query('DROP INDEX "public"."IDX_48ff701cb4f995e61808fd13af"');
    await queryRunner.query('DROP INDEX "public"."IDX_fdf12c3b57b4ad3f24b3630895"');
    await queryRunner.query('DROP TABLE "sim_cards"');
    await queryRunner.query('DROP INDEX "public"."IDX_253d25dae4c94ee913bc5ec485"');
    await queryRunner.query('DROP TABLE "plans"');
    await queryRunner.query('DROP INDEX "public"."IDX_89ba6adaf6d05dc1d0165d04d9"');
    await queryRunner.query('DROP INDEX "public"."IDX_b2eee15258bfecb94b60949283"');
    await queryRunner.query('DROP INDEX "public"."IDX_c37da3607f7214c3dda1803d09"');
    await queryRunner.query('DROP INDEX "public"."IDX_0ce63b96b751159371a65ccd6f"');
    await queryRunner.query('DROP INDEX "public"."IDX_f146125a827355ae67094ff3bd"');
    await queryRunner.query('DROP INDEX "public"."IDX_dd94acf29ed89244c7eacf5d3a"');
    await queryRunner.query('DROP INDEX "public"."IDX_3d3bb04f77be324b82213beb07"');
    await queryRunner.query('DROP TABLE "devices"');
    await queryRunner.query('DROP INDEX "public"."IDX_e43dbecd91c769e6d36be8f3a1"');
    await queryRunner.query('DROP TABLE "bulk_import_rejections"');
    await queryRunner.query('DROP INDEX "public"."IDX_c9c5a6d94f083b5a1a444a1b87"');
    await queryRunner.query('DROP INDEX "public"."IDX_0b3ade11e39bc02d35e7803fa8"');
    await queryRunner.query('DROP TABLE "bulk_imports"');
    await queryRunner.query('DROP INDEX "public"."IDX_656db0aa561ea77fc028d50bc3"');
    await queryRunner.query('DROP INDEX "public"."IDX_db8f3bd841d22e4224a109f27e"');
    await queryRunner.query('DROP TABLE "apn_profiles"');
    await queryRunner.query('DROP INDEX "public"."IDX_0d75b543ede68f857fedc60709"');
    await queryRunner.query('DROP INDEX "public"."IDX_b5209ac7f49f696e3e7787f390"');
    await queryRunner.query('DROP TABLE "alerts"');
    await queryRunner.query('DROP EXTENSION IF EXISTS btree_gist');
  }
}
