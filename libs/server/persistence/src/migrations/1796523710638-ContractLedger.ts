import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractLedger1796523710638 implements MigrationInterface {
  name = 'ContractLedger1796523710638';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "contracts" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "name" character varying(100) NOT NULL, "bureau" character varying(200) NOT NULL, "carrier" character varying(200) NOT NULL, "signed_on" date NOT NULL, "starts_on" date NOT NULL, "term_months" integer NOT NULL, "sim_count" integer NOT NULL, "monthly_fee_fen" integer NOT NULL, "installment_fen" integer NOT NULL, "installment_count" integer NOT NULL, "first_due_on" date NOT NULL, "installment_interval_months" integer NOT NULL, "late_rate_bp" integer NOT NULL, "late_daily_fen" integer NOT NULL, "termination_days" integer NOT NULL, "termination_claim_bp" integer NOT NULL, "vat_rate_bp" integer NOT NULL, "sla_day_hours" integer NOT NULL, "sla_month_hours" integer NOT NULL, "change_notice_days" integer NOT NULL, "termination_notice_days" integer NOT NULL, CONSTRAINT "contracts_figures_check" CHECK ("term_months" > 0 AND "sim_count" > 0 AND "monthly_fee_fen" >= 0 AND "installment_fen" >= 0 AND "installment_count" > 0 AND "installment_interval_months" > 0 AND "late_rate_bp" >= 0 AND "late_daily_fen" >= 0 AND "termination_days" > 0 AND "termination_claim_bp" >= 0 AND "vat_rate_bp" >= 0 AND "sla_day_hours" > 0 AND "sla_month_hours" > 0 AND "change_notice_days" >= 0 AND "termination_notice_days" >= 0), CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_4c5fd33d0a8e1ff7c4886d1655" ON "contracts" ("name") ');
    await queryRunner.query(
      'CREATE TABLE "installments" ("id" SERIAL NOT NULL, "contract_id" integer NOT NULL, "seq" integer NOT NULL, "due_on" date NOT NULL, "amount_fen" integer NOT NULL, CONSTRAINT "installments_amount_check" CHECK ("amount_fen" > 0 AND "seq" > 0), CONSTRAINT "PK_c74e44aa06bdebef2af0a93da1b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_78aae10b7c56a62a1d3523e350" ON "installments" ("contract_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9c7201cc2625032e9fd30dea91" ON "installments" ("contract_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE TABLE "installment_payments" ("id" SERIAL NOT NULL, "installment_id" integer NOT NULL, "paid_on" date NOT NULL, "amount_fen" integer NOT NULL, "reference" character varying(100) NOT NULL, "recorded_by_user_id" integer, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reversed_at" TIMESTAMP WITH TIME ZONE, "reversal_reason" character varying(500), "reversed_by_user_id" integer, CONSTRAINT "installment_payments_reversal_check" CHECK (("reversed_at" IS NULL) = ("reversal_reason" IS NULL)), CONSTRAINT "installment_payments_amount_check" CHECK ("amount_fen" > 0), CONSTRAINT "PK_067d1ad6172df1562048fb773be" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c4409df6e1d10b19e71fa5fe13" ON "installment_payments" ("installment_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "outages" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "contract_id" integer NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cause" character varying(16) NOT NULL, "scope" character varying(8) NOT NULL, "sim_ids" jsonb NOT NULL DEFAULT \'[]\', "note" character varying(1000), "created_by_user_id" integer, "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by_user_id" integer, CONSTRAINT "outages_void_check" CHECK (("voided_at" IS NULL) = ("void_reason" IS NULL)), CONSTRAINT "outages_scope_check" CHECK ("scope" IN (\'all\', \'sims\')), CONSTRAINT "outages_cause_check" CHECK ("cause" IN (\'carrier\', \'force_majeure\', \'bureau\')), CONSTRAINT "outages_period_check" CHECK ("end_at" > "start_at"), CONSTRAINT "PK_22c370149a2eac0cbfc01ddd78b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ba1b90e9a06fa6a747f9a26f5f" ON "outages" ("contract_id") ');
    await queryRunner.query('CREATE INDEX "IDX_719787371d64ee44d9fd8a995d" ON "outages" ("start_at") ');
    await queryRunner.query(
      'CREATE TABLE "invoices" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "contract_id" integer NOT NULL, "invoice_no" character varying(40) NOT NULL, "issued_on" date NOT NULL, "from_period" character(7) NOT NULL, "to_period" character(7) NOT NULL, "amount_fen" integer NOT NULL, "note" character varying(500), CONSTRAINT "invoices_period_check" CHECK ("to_period" >= "from_period"), CONSTRAINT "invoices_amount_check" CHECK ("amount_fen" >= 0), CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_2a1393659dc4aa043ed203c888" ON "invoices" ("contract_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_9feb0b65181c7f19c4967f049b" ON "invoices" ("contract_id", "invoice_no") ',
    );
    await queryRunner.query(
      'ALTER TABLE "installments" ADD CONSTRAINT "FK_78aae10b7c56a62a1d3523e3507" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "installment_payments" ADD CONSTRAINT "FK_c4409df6e1d10b19e71fa5fe131" FOREIGN KEY ("installment_id") REFERENCES "installments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outages" ADD CONSTRAINT "FK_ba1b90e9a06fa6a747f9a26f5f8" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_2a1393659dc4aa043ed203c8886" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_2a1393659dc4aa043ed203c8886"');
    await queryRunner.query('ALTER TABLE "outages" DROP CONSTRAINT "FK_ba1b90e9a06fa6a747f9a26f5f8"');
    await queryRunner.query(
      'ALTER TABLE "installment_payments" DROP CONSTRAINT "FK_c4409df6e1d10b19e71fa5fe131"',
    );
    await queryRunner.query('ALTER TABLE "installments" DROP CONSTRAINT "FK_78aae10b7c56a62a1d3523e3507"');
    await queryRunner.query('DROP INDEX "public"."IDX_9feb0b65181c7f19c4967f049b"');
    await queryRunner.query('DROP INDEX "public"."IDX_2a1393659dc4aa043ed203c888"');
    await queryRunner.query('DROP TABLE "invoices"');
    await queryRunner.query('DROP INDEX "public"."IDX_719787371d64ee44d9fd8a995d"');
    await queryRunner.query('DROP INDEX "public"."IDX_ba1b90e9a06fa6a747f9a26f5f"');
    await queryRunner.query('DROP TABLE "outages"');
    await queryRunner.query('DROP INDEX "public"."IDX_c4409df6e1d10b19e71fa5fe13"');
    await queryRunner.query('DROP TABLE "installment_payments"');
    await queryRunner.query('DROP INDEX "public"."IDX_9c7201cc2625032e9fd30dea91"');
    await queryRunner.query('DROP INDEX "public"."IDX_78aae10b7c56a62a1d3523e350"');
    await queryRunner.query('DROP TABLE "installments"');
    await queryRunner.query('DROP INDEX "public"."IDX_4c5fd33d0a8e1ff7c4886d1655"');
    await queryRunner.query('DROP TABLE "contracts"');
  }
}
