import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Usage1795563470699 implements MigrationInterface {
  name = 'Usage1795563470699';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "billing_rules" ("id" SERIAL NOT NULL, "effective_from" character(7) NOT NULL, "voice_fen_per_min" integer NOT NULL, "sms_fen_per_message" integer NOT NULL, "national_fen_per_started_gb" integer NOT NULL, "apn_fen_per_started_gb" integer NOT NULL, "voice_payer" character varying(8) NOT NULL, "sms_payer" character varying(8) NOT NULL, "national_payer" character varying(8) NOT NULL, "apn_payer" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "billing_rules_prices_check" CHECK ("voice_fen_per_min" >= 0 AND "sms_fen_per_message" >= 0 AND "national_fen_per_started_gb" >= 0 AND "apn_fen_per_started_gb" >= 0), CONSTRAINT "billing_rules_payers_check" CHECK ("voice_payer" IN (\'officer\', \'bureau\') AND "sms_payer" IN (\'officer\', \'bureau\') AND "national_payer" IN (\'officer\', \'bureau\') AND "apn_payer" IN (\'officer\', \'bureau\')), CONSTRAINT "PK_a5ff5261e3c093c133364746695" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f7192ba47f8e2b54e7f21cd97f" ON "billing_rules" ("effective_from") ',
    );
    await queryRunner.query(
      'CREATE TABLE "billing_periods" ("id" SERIAL NOT NULL, "period" character(7) NOT NULL, "status" character varying(8) NOT NULL DEFAULT \'open\', "version" integer NOT NULL DEFAULT \'0\', "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_user_id" integer, CONSTRAINT "billing_periods_status_check" CHECK ("status" IN (\'open\', \'closed\')), CONSTRAINT "PK_d879023c65fe1ec2e0735f5fa68" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_375fe80a1aab43f1d621f2bb58" ON "billing_periods" ("period") ',
    );
    await queryRunner.query(
      'CREATE TABLE "overages" ("id" SERIAL NOT NULL, "sim_id" integer NOT NULL, "period" character(7) NOT NULL, "version" integer NOT NULL, "category" character varying(8) NOT NULL, "used" bigint NOT NULL, "allowance" bigint NOT NULL, "excess" bigint NOT NULL, "charged_units" integer NOT NULL, "amount_fen" integer NOT NULL, "payer" character varying(8) NOT NULL, CONSTRAINT "overages_payer_check" CHECK ("payer" IN (\'officer\', \'bureau\')), CONSTRAINT "overages_category_check" CHECK ("category" IN (\'voice\', \'sms\', \'national\', \'apn\')), CONSTRAINT "PK_cc7e29f495f7caa3bded0624906" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_1ab01039618c1ffa3a9a5fac99" ON "overages" ("period") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a806dfb63c6e8e67dc210efb04" ON "overages" ("sim_id", "period", "category", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "statements" ("id" SERIAL NOT NULL, "officer_id" integer, "period" character(7) NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'issued\', "total_fen" integer NOT NULL, "previous_total_fen" integer, "supersedes_id" integer, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_at" TIMESTAMP WITH TIME ZONE, "disputed_at" TIMESTAMP WITH TIME ZONE, "dispute_reason" character varying(1000), CONSTRAINT "statements_status_check" CHECK ("status" IN (\'issued\', \'acknowledged\', \'disputed\', \'superseded\')), CONSTRAINT "PK_7f53bcddeb706df7ea7eec10b8d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_cc87714ae3cd654a90e8334e57" ON "statements" ("officer_id") ');
    await queryRunner.query('CREATE INDEX "IDX_73d4beabe920cf4b735461915f" ON "statements" ("period") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6b1f2c00dbbd3ff2a36ffc81cf" ON "statements" ("officer_id", "period", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "statement_lines" ("id" SERIAL NOT NULL, "statement_id" integer NOT NULL, "sim_id" integer, "category" character varying(8) NOT NULL, "used" bigint NOT NULL, "allowance" bigint NOT NULL, "excess" bigint NOT NULL, "amount_fen" integer NOT NULL, "payer" character varying(8) NOT NULL, "basis" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "statement_lines_category_check" CHECK ("category" IN (\'voice\', \'sms\', \'national\', \'apn\', \'repair\')), CONSTRAINT "PK_56ba8ab3b9e455e5a732c60a543" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ec6a3b317cc3678c6749a44354" ON "statement_lines" ("statement_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "usage_imports" ("id" SERIAL NOT NULL, "file_name" character varying(255) NOT NULL, "sha256" character(64) NOT NULL, "kind" character varying(8) NOT NULL, "format" character varying(8) NOT NULL, "encoding" character varying(16), "period" character(7), "stored_path" character varying(500) NOT NULL, "size_bytes" bigint NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'queued\', "rows_total" integer NOT NULL DEFAULT \'0\', "rows_done" integer NOT NULL DEFAULT \'0\', "rows_accepted" integer NOT NULL DEFAULT \'0\', "rows_rejected" integer NOT NULL DEFAULT \'0\', "rows_duplicate" integer NOT NULL DEFAULT \'0\', "error" jsonb, "created_by_user_id" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "usage_imports_status_check" CHECK ("status" IN (\'queued\', \'running\', \'succeeded\', \'failed\')), CONSTRAINT "usage_imports_kind_check" CHECK ("kind" IN (\'summary\', \'detail\')), CONSTRAINT "PK_839f0d40c9345d2c1c82aa9ecc4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1a8ceeab57e28bd03c57d70094" ON "usage_imports" ("sha256") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_c287cc99d56b2a19c48801109d" ON "usage_imports" ("period") ');
    await queryRunner.query('CREATE INDEX "IDX_fdc037d604e991cfddb542b37e" ON "usage_imports" ("status") ');
    await queryRunner.query(
      'CREATE TABLE "usage_import_rejections" ("id" SERIAL NOT NULL, "import_id" integer NOT NULL, "row_no" integer NOT NULL, "column" character varying(64), "reason_zh" character varying(500) NOT NULL, "reason_en" character varying(500) NOT NULL, "raw" jsonb NOT NULL, CONSTRAINT "PK_5b77dee1f66161c19152301abc3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_91402977567cc5ceafb7ca35ed" ON "usage_import_rejections" ("import_id", "row_no") ',
    );
    await queryRunner.query(
      'CREATE TABLE "monthly_usage" ("id" SERIAL NOT NULL, "sim_id" integer NOT NULL, "period" character(7) NOT NULL, "voice_min" integer NOT NULL DEFAULT \'0\', "sms" integer NOT NULL DEFAULT \'0\', "national_kb" bigint NOT NULL DEFAULT \'0\', "apn_kb" bigint NOT NULL DEFAULT \'0\', "source" character varying(8) NOT NULL, "import_id" integer, "carrier_overage_fen" integer, "outside_plan" boolean NOT NULL DEFAULT false, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d72075463bbc930781c792be6e6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_eb6488312f414ee77c3dd11576" ON "monthly_usage" ("period") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9702c88458c5ad636538482b42" ON "monthly_usage" ("sim_id", "period") ',
    );
    await queryRunner.query(
      'ALTER TABLE "overages" ADD CONSTRAINT "FK_991851ada8d7c1edd6bfd62d663" FOREIGN KEY ("sim_id") REFERENCES "sim_cards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "statements" ADD CONSTRAINT "FK_cc87714ae3cd654a90e8334e575" FOREIGN KEY ("officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "statement_lines" ADD CONSTRAINT "FK_ec6a3b317cc3678c6749a443549" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "usage_import_rejections" ADD CONSTRAINT "FK_a7e632223968c3d750a86284df6" FOREIGN KEY ("import_id") REFERENCES "usage_imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "monthly_usage" ADD CONSTRAINT "FK_46097a85ccdf16c38ab6ee869b2" FOREIGN KEY ("sim_id") REFERENCES "sim_cards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Detail records: the one table loaded with COPY, so it is plain SQL rather than an entity. One
    // partition per billing month (created by the loader), no index during the load; dedup by key
    // happens when a month's totals are computed (latest import wins).
    await queryRunner.query(`CREATE TABLE "usage_records" (
      "import_id" integer NOT NULL,
      "row_no" integer NOT NULL,
      "sim_id" integer NOT NULL,
      "period" char(7) NOT NULL,
      "record_type" char(1) NOT NULL CHECK ("record_type" IN ('V', 'S', 'D')),
      "start_at" timestamptz NOT NULL,
      "direction" char(1) CHECK ("direction" IN ('O', 'I')),
      "counterpart" varchar(32),
      "duration_s" integer CHECK ("duration_s" >= 0),
      "volume_kb" bigint CHECK ("volume_kb" >= 0),
      "apn" varchar(100)
    ) PARTITION BY LIST ("period")`);
    // The contract's tariff and payer policy (domain.md §3.5) as the first version; admins edit them.
    await queryRunner.query(`INSERT INTO "billing_rules" ("effective_from", "voice_fen_per_min", "sms_fen_per_message",
      "national_fen_per_started_gb", "apn_fen_per_started_gb", "voice_payer", "sms_payer", "national_payer", "apn_payer")
      VALUES ('2025-11', 19, 10, 300, 300, 'officer', 'officer', 'officer', 'bureau')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "usage_records"`);
    await queryRunner.query('ALTER TABLE "monthly_usage" DROP CONSTRAINT "FK_46097a85ccdf16c38ab6ee869b2"');
    await queryRunner.query(
      'ALTER TABLE "usage_import_rejections" DROP CONSTRAINT "FK_a7e632223968c3d750a86284df6"',
    );
    await queryRunner.query('ALTER TABLE "statement_lines" DROP CONSTRAINT "FK_ec6a3b317cc3678c6749a443549"');
    await queryRunner.query('ALTER TABLE "statements" DROP CONSTRAINT "FK_cc87714ae3cd654a90e8334e575"');
    await queryRunner.query('ALTER TABLE "overages" DROP CONSTRAINT "FK_991851ada8d7c1edd6bfd62d663"');
    await queryRunner.query('DROP INDEX "public"."IDX_9702c88458c5ad636538482b42"');
    await queryRunner.query('DROP INDEX "public"."IDX_eb6488312f414ee77c3dd11576"');
    await queryRunner.query('DROP TABLE "monthly_usage"');
    await queryRunner.query('DROP INDEX "public"."IDX_91402977567cc5ceafb7ca35ed"');
    await queryRunner.query('DROP TABLE "usage_import_rejections"');
    await queryRunner.query('DROP INDEX "public"."IDX_fdc037d604e991cfddb542b37e"');
    await queryRunner.query('DROP INDEX "public"."IDX_c287cc99d56b2a19c48801109d"');
    await queryRunner.query('DROP INDEX "public"."IDX_1a8ceeab57e28bd03c57d70094"');
    await queryRunner.query('DROP TABLE "usage_imports"');
    await queryRunner.query('DROP INDEX "public"."IDX_ec6a3b317cc3678c6749a44354"');
    await queryRunner.query('DROP TABLE "statement_lines"');
    await queryRunner.query('DROP INDEX "public"."IDX_6b1f2c00dbbd3ff2a36ffc81cf"');
    await queryRunner.query('DROP INDEX "public"."IDX_73d4beabe920cf4b735461915f"');
    await queryRunner.query('DROP INDEX "public"."IDX_cc87714ae3cd654a90e8334e57"');
    await queryRunner.query('DROP TABLE "statements"');
    await queryRunner.query('DROP INDEX "public"."IDX_a806dfb63c6e8e67dc210efb04"');
    await queryRunner.query('DROP INDEX "public"."IDX_1ab01039618c1ffa3a9a5fac99"');
    await queryRunner.query('DROP TABLE "overages"');
    await queryRunner.query('DROP INDEX "public"."IDX_375fe80a1aab43f1d621f2bb58"');
    await queryRunner.query('DROP TABLE "billing_periods"');
    await queryRunner.query('DROP INDEX "public"."IDX_f7192ba47f8e2b54e7f21cd97f"');
    await queryRunner.query('DROP TABLE "billing_rules"');
  }
}
