import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepairTickets1795568512605 implements MigrationInterface {
  name = 'RepairTickets1795568512605';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "repair_tickets" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "ticket_no" character varying(20) NOT NULL, "device_id" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'received\', "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_by_officer_id" integer, "holder_officer_id" integer, "fault" character varying(1000) NOT NULL, "accessories" jsonb NOT NULL DEFAULT \'[]\', "condition" character varying(500), "notes" character varying(1000), "damaged_at" TIMESTAMP WITH TIME ZONE, "cause" character varying(16), "diagnosis" character varying(1000), "warranty_end_on" date NOT NULL, "in_warranty" boolean NOT NULL, "liability" character varying(8), "liable_officer_id" integer, "liability_reason" character varying(1000), "liability_reason_en" character varying(1000), "liability_overridden" boolean NOT NULL DEFAULT false, "quote_fen" integer, "cost_fen" integer, "vendor" character varying(100), "tracking_note" character varying(500), "replacement_device_id" integer, "loaner_device_id" integer, "loaner_out_at" TIMESTAMP WITH TIME ZONE, "loaner_back_at" TIMESTAMP WITH TIME ZONE, "loaner_sim_ids" jsonb NOT NULL DEFAULT \'[]\', "closed_at" TIMESTAMP WITH TIME ZONE, "charge_period" character(7), "cancel_reason" character varying(500), "created_by_user_id" integer, CONSTRAINT "repair_tickets_closed_check" CHECK ("status" <> \'closed\' OR ("closed_at" IS NOT NULL AND "charge_period" IS NOT NULL AND "cost_fen" IS NOT NULL)), CONSTRAINT "repair_tickets_money_check" CHECK (("quote_fen" IS NULL OR "quote_fen" >= 0) AND ("cost_fen" IS NULL OR "cost_fen" >= 0)), CONSTRAINT "repair_tickets_liable_officer_check" CHECK ("liability" <> \'officer\' OR "liable_officer_id" IS NOT NULL), CONSTRAINT "repair_tickets_liability_check" CHECK ("liability" IS NULL OR "liability" IN (\'carrier\', \'bureau\', \'officer\')), CONSTRAINT "repair_tickets_cause_check" CHECK ("cause" IS NULL OR "cause" IN (\'quality\', \'drop\', \'screen\', \'water\', \'crush\', \'loss\', \'force_majeure\', \'unknown\')), CONSTRAINT "repair_tickets_status_check" CHECK ("status" IN (\'received\', \'diagnosed\', \'sent_out\', \'returned\', \'replaced\', \'beyond_repair\', \'closed\', \'cancelled\')), CONSTRAINT "PK_99778866f2f44047622c16fd94b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a7215823c0c91668b48e0b196d" ON "repair_tickets" ("ticket_no") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c2717d213c5cb25e8382e13067" ON "repair_tickets" ("device_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_37f94fbfe5aa6373e0b10eeb8c" ON "repair_tickets" ("status") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_c5c8c78c044dbcbb2d7e1e5d26" ON "repair_tickets" ("reported_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a83358e566d4046f717dc39ae8" ON "repair_tickets" ("holder_officer_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9efcf52721c4e9b4709ae4cd55" ON "repair_tickets" ("liable_officer_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a90ea7492ee5fe47218f2757b5" ON "repair_tickets" ("charge_period") ',
    );
    await queryRunner.query(
      "CREATE UNIQUE INDEX \"repair_tickets_open_per_device\" ON \"repair_tickets\" (\"device_id\") WHERE \"status\" IN ('received', 'diagnosed', 'sent_out', 'returned', 'replaced', 'beyond_repair')",
    );
    await queryRunner.query(
      "CREATE TABLE \"repair_ticket_events\" (\"id\" SERIAL NOT NULL, \"ticket_id\" integer NOT NULL, \"from_status\" character varying(16), \"to_status\" character varying(16) NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"user_id\" integer, \"note\" character varying(1000), CONSTRAINT \"repair_ticket_events_from_check\" CHECK (\"from_status\" IS NULL OR \"from_status\" IN ('received', 'diagnosed', 'sent_out', 'returned', 'replaced', 'beyond_repair', 'closed', 'cancelled')), CONSTRAINT \"repair_ticket_events_to_check\" CHECK (\"to_status\" IN ('received', 'diagnosed', 'sent_out', 'returned', 'replaced', 'beyond_repair', 'closed', 'cancelled')), CONSTRAINT \"PK_44cd8e3ac05f4bf78cb490a86c3\" PRIMARY KEY (\"id\"))",
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_64800aff9f6e727cff5b36b2dd" ON "repair_ticket_events" ("ticket_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "repair_photos" ("id" SERIAL NOT NULL, "ticket_id" integer NOT NULL, "file_name" character varying(255) NOT NULL, "stored_path" character varying(255) NOT NULL, "content_type" character varying(32) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_user_id" integer, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "repair_photos_type_check" CHECK ("content_type" IN (\'image/jpeg\', \'image/png\', \'image/webp\')), CONSTRAINT "PK_9f3b7df8e48e2a6310fdca9c00f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bad736daacecfa6f87dbec7c37" ON "repair_photos" ("ticket_id") ',
    );
    await queryRunner.query('ALTER TABLE "statement_lines" ADD "repair_ticket_id" integer');
    await queryRunner.query(
      'CREATE INDEX "IDX_c2ada502ea655330db9fc501ef" ON "statement_lines" ("repair_ticket_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_repair_check" CHECK (("category" = \'repair\') = ("repair_ticket_id" IS NOT NULL))',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "FK_c2717d213c5cb25e8382e130678" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "FK_858e18e178e307b74de5de7c235" FOREIGN KEY ("reported_by_officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "FK_a83358e566d4046f717dc39ae86" FOREIGN KEY ("holder_officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "FK_9efcf52721c4e9b4709ae4cd55f" FOREIGN KEY ("liable_officer_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "FK_ab5e8a7783a60c90e0beaf6110a" FOREIGN KEY ("replacement_device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_tickets" ADD CONSTRAINT "FK_ef85343e2a7e7e888ac34235981" FOREIGN KEY ("loaner_device_id") REFERENCES "devices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_ticket_events" ADD CONSTRAINT "FK_64800aff9f6e727cff5b36b2ddf" FOREIGN KEY ("ticket_id") REFERENCES "repair_tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "repair_photos" ADD CONSTRAINT "FK_bad736daacecfa6f87dbec7c376" FOREIGN KEY ("ticket_id") REFERENCES "repair_tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "statement_lines" ADD CONSTRAINT "FK_c2ada502ea655330db9fc501ef8" FOREIGN KEY ("repair_ticket_id") REFERENCES "repair_tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "statement_lines" DROP CONSTRAINT "FK_c2ada502ea655330db9fc501ef8"');
    await queryRunner.query('ALTER TABLE "repair_photos" DROP CONSTRAINT "FK_bad736daacecfa6f87dbec7c376"');
    await queryRunner.query(
      'ALTER TABLE "repair_ticket_events" DROP CONSTRAINT "FK_64800aff9f6e727cff5b36b2ddf"',
    );
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP CONSTRAINT "FK_ef85343e2a7e7e888ac34235981"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP CONSTRAINT "FK_ab5e8a7783a60c90e0beaf6110a"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP CONSTRAINT "FK_9efcf52721c4e9b4709ae4cd55f"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP CONSTRAINT "FK_a83358e566d4046f717dc39ae86"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP CONSTRAINT "FK_858e18e178e307b74de5de7c235"');
    await queryRunner.query('ALTER TABLE "repair_tickets" DROP CONSTRAINT "FK_c2717d213c5cb25e8382e130678"');
    await queryRunner.query('ALTER TABLE "statement_lines" DROP CONSTRAINT "statement_lines_repair_check"');
    await queryRunner.query('DROP INDEX "public"."IDX_c2ada502ea655330db9fc501ef"');
    await queryRunner.query('ALTER TABLE "statement_lines" DROP COLUMN "repair_ticket_id"');
    await queryRunner.query('DROP INDEX "public"."IDX_bad736daacecfa6f87dbec7c37"');
    await queryRunner.query('DROP TABLE "repair_photos"');
    await queryRunner.query('DROP INDEX "public"."IDX_64800aff9f6e727cff5b36b2dd"');
    await queryRunner.query('DROP TABLE "repair_ticket_events"');
    await queryRunner.query('DROP INDEX "public"."repair_tickets_open_per_device"');
    await queryRunner.query('DROP INDEX "public"."IDX_a90ea7492ee5fe47218f2757b5"');
    await queryRunner.query('DROP INDEX "public"."IDX_9efcf52721c4e9b4709ae4cd55"');
    await queryRunner.query('DROP INDEX "public"."IDX_a83358e566d4046f717dc39ae8"');
    await queryRunner.query('DROP INDEX "public"."IDX_c5c8c78c044dbcbb2d7e1e5d26"');
    await queryRunner.query('DROP INDEX "public"."IDX_37f94fbfe5aa6373e0b10eeb8c"');
    await queryRunner.query('DROP INDEX "public"."IDX_c2717d213c5cb25e8382e13067"');
    await queryRunner.query('DROP INDEX "public"."IDX_a7215823c0c91668b48e0b196d"');
    await queryRunner.query('DROP TABLE "repair_tickets"');
  }
}
