import { Module } from '@nestjs/common';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { registerFieldNames } from '@fleet/server/platform';
import { ContractsController, ExposureController } from './contracts/contracts.controller';
import { ContractStore } from './contracts/contract.store';
import { ContractsService } from './contracts/contracts.service';
import { ExposureService } from './contracts/exposure.service';
import { InstallmentsController } from './installments/installments.controller';
import { InstallmentStore } from './installments/installment.store';
import { InstallmentsService } from './installments/installments.service';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoiceStore } from './invoices/invoice.store';
import { InvoicesService } from './invoices/invoices.service';
import { OutagesController } from './outages/outages.controller';
import { OutageStore } from './outages/outage.store';
import { OutagesService } from './outages/outages.service';
import { LedgerExports } from './ledger.exports';
import { LedgerStore } from './shared/ledger.store';
import { SlaCreditsController } from './sla-credits/sla-credits.controller';
import { SlaCreditsService } from './sla-credits/sla-credits.service';

registerFieldNames({
  bureau: { zh: '甲方', en: 'bureau' },
  carrier: { zh: '乙方', en: 'carrier' },
  signedOn: { zh: '签订日期', en: 'signed on' },
  startsOn: { zh: '起始日期', en: 'starts on' },
  termMonths: { zh: '期限（月）', en: 'term (months)' },
  simCount: { zh: '号卡数', en: 'SIM count' },
  monthlyFeeFen: { zh: '月费', en: 'monthly fee' },
  installmentFen: { zh: '每期金额', en: 'installment' },
  installmentCount: { zh: '期数', en: 'installments' },
  firstDueOn: { zh: '首期付款日', en: 'first due date' },
  installmentIntervalMonths: { zh: '付款间隔（月）', en: 'interval (months)' },
  lateRateBp: { zh: '4.8条日违约金率', en: 'clause 4.8 daily rate' },
  lateDailyFen: { zh: '6.4条每日违约金', en: 'clause 6.4 daily amount' },
  terminationDays: { zh: '解约逾期天数', en: 'days to termination right' },
  terminationClaimBp: { zh: '解约索赔比例', en: 'termination claim rate' },
  vatRateBp: { zh: '增值税率', en: 'VAT rate' },
  slaDayHours: { zh: '单次中断时长阈值', en: 'outage hours per day' },
  slaMonthHours: { zh: '月累计中断阈值', en: 'outage hours per month' },
  changeNoticeDays: { zh: '变更通知期', en: 'change notice days' },
  terminationNoticeDays: { zh: '解约通知期', en: 'termination notice days' },
  paidOn: { zh: '付款日期', en: 'paid on' },
  amountFen: { zh: '金额', en: 'amount' },
  reference: { zh: '凭证号', en: 'reference' },
  startAt: { zh: '开始时间', en: 'start' },
  endAt: { zh: '结束时间', en: 'end' },
  scope: { zh: '影响范围', en: 'scope' },
  simIds: { zh: '号卡', en: 'SIMs' },
  contractId: { zh: '合同', en: 'contract' },
  invoiceNo: { zh: '发票号码', en: 'invoice number' },
  issuedOn: { zh: '开票日期', en: 'issued on' },
  fromPeriod: { zh: '起始月份', en: 'first month' },
  toPeriod: { zh: '结束月份', en: 'last month' },
  asOf: { zh: '截止日期', en: 'as of' },
  period: { zh: '月份', en: 'month' },
});

/** The contract ledger (issue 13): the contract, installments and payments, exposure, outages, SLA credits, invoices. */
@Module({
  controllers: [
    ContractsController,
    ExposureController,
    InstallmentsController,
    OutagesController,
    SlaCreditsController,
    InvoicesController,
  ],
  providers: [
    LedgerStore,
    ContractStore,
    InstallmentStore,
    OutageStore,
    InvoiceStore,
    // Inventory's SIM cards, read for the SLA credits and the outages' SIMs.
    InventoryLookupReader,
    ContractsService,
    ExposureService,
    InstallmentsService,
    OutagesService,
    SlaCreditsService,
    InvoicesService,
    LedgerExports,
  ],
  exports: [SlaCreditsService],
})
export class ContractModule {}
