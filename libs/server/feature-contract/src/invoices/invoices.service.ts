import { Injectable } from '@nestjs/common';
import { invoiceCheck } from '@fleet/domain/contract';
import type { InvoiceDto } from '@fleet/shared/contracts';
import type { InvoiceEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  type ListQuery,
  ListResult,
  type ListSpec,
  findList,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { LedgerStore, termsOf } from '../shared/ledger.store';
import { SlaCreditsService } from '../sla-credits/sla-credits.service';
import { InvoiceStore } from './invoice.store';
import type { InvoiceBody, InvoiceUpdateBody } from './invoice.dto';

export const INVOICE_LIST: ListSpec = {
  resource: 'invoices',
  sortable: ['id', 'invoiceNo', 'issuedOn', 'fromPeriod', 'amountFen'],
  defaultSort: ['issuedOn', 'DESC'],
  filters: { contractId: { property: 'contractId', type: 'int' } },
  search: ['invoiceNo'],
};

/**
 * The carrier's invoices (clauses 4.4, 4.9), each shown with its tax (6/106, half up) and how far it is
 * from what the contract expects for its months (SIMs × fee × months − SLA credits).
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly store: LedgerStore,
    private readonly invoices: InvoiceStore,
    private readonly credits: SlaCreditsService,
    private readonly audit: AuditService,
  ) {}

  private async dto(row: InvoiceEntity): Promise<InvoiceDto> {
    const contract = await this.store.contract(row.contractId);
    const creditsFen = await this.credits.totalOver(row.contractId, row.fromPeriod, row.toPeriod);
    const { id, contractId, invoiceNo, issuedOn, fromPeriod, toPeriod, amountFen, note } = row;
    return {
      id,
      contractId,
      invoiceNo,
      issuedOn,
      fromPeriod,
      toPeriod,
      amountFen,
      note,
      creditsFen,
      ...invoiceCheck({ amountFen, fromPeriod, toPeriod, creditsFen, terms: termsOf(contract) }),
    };
  }

  async list(query: ListQuery): Promise<ListResult<InvoiceDto>> {
    const builder = this.invoices.query();
    const page = await findList('invoices', builder, query, INVOICE_LIST.search);
    const items: InvoiceDto[] = [];
    for (const row of page.items) items.push(await this.dto(row));
    return new ListResult('invoices', items, page.offset, page.total);
  }

  async get(id: number): Promise<InvoiceDto> {
    return this.dto(await this.load(this.invoices.manager, id));
  }

  async create(body: InvoiceBody, actor: Actor): Promise<InvoiceDto> {
    const saved = await this.invoices.transaction(async (manager) => {
      const contract = await this.store.contract(body.contractId, manager);
      const entity = this.invoices.build(manager, {
        ...body,
        contractId: contract.id,
        note: body.note ?? null,
      });
      await this.check(manager, entity);
      const row = await this.invoices.save(manager, entity);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'invoices',
        resourceId: row.id,
        after: row,
      });
      return row;
    });
    return this.dto(saved);
  }

  async update(id: number, body: InvoiceUpdateBody, actor: Actor): Promise<InvoiceDto> {
    const saved = await this.invoices.transaction(async (manager) => {
      const existing = await this.load(manager, id, true);
      const before = { ...existing };
      const { id: _id, contractId: _contract, ...values } = body;
      const merged = Object.assign(existing, values);
      await this.check(manager, merged);
      const row = await this.invoices.save(manager, merged);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'invoices',
        resourceId: id,
        before,
        after: row,
      });
      return row;
    });
    return this.dto(saved);
  }

  private async load(manager: EntityManager, id: number, forUpdate = false): Promise<InvoiceEntity> {
    const found = await this.invoices.find(manager, id, forUpdate);
    if (!found) throw ApiException.notFound('invoices', id);
    return found;
  }

  private async check(manager: EntityManager, invoice: InvoiceEntity): Promise<void> {
    if (invoice.toPeriod < invoice.fromPeriod) {
      throw ApiException.badRequest([
        {
          field: 'toPeriod',
          reason: { zh: '结束月份不能早于起始月份', en: 'must not be before the first month' },
        },
      ]);
    }
    const other = await this.invoices.byNumber(manager, invoice.contractId, invoice.invoiceNo);
    if (other && other.id !== invoice.id) {
      throw ApiException.conflict(
        {
          zh: `发票号码 ${invoice.invoiceNo} 已登记（编号 ${other.id}）`,
          en: `Invoice ${invoice.invoiceNo} is already recorded (id ${other.id})`,
        },
        'invoiceNo',
      );
    }
  }
}
