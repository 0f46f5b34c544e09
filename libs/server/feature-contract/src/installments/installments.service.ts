import { Injectable } from '@nestjs/common';
import { installmentState } from '@fleet/domain/contract';
import { chinaDateOf } from '@fleet/domain/inventory';
import type { InstallmentDto, PaymentDto } from '@fleet/shared/contracts';
import type { InstallmentEntity, InstallmentPaymentEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import { listInMemory } from '../shared/in-memory-list';
import { type LedgerInstallment, LedgerStore } from '../shared/ledger.store';
import { InstallmentStore } from './installment.store';
import type { PaymentBody, ReversalBody } from './payment.dto';

export const INSTALLMENT_LIST: ListSpec = {
  resource: 'installments',
  sortable: ['id', 'seq', 'dueOn', 'amountFen', 'paidFen', 'balanceFen', 'paidOn', 'status'],
  defaultSort: ['seq', 'ASC'],
  filters: {
    contractId: { property: 'contractId', type: 'int' },
    status: { property: 'status', type: 'string' },
  },
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

function paymentDto(p: InstallmentPaymentEntity): PaymentDto {
  return {
    id: p.id,
    installmentId: p.installmentId,
    paidOn: p.paidOn,
    amountFen: p.amountFen,
    reference: p.reference,
    recordedAt: p.recordedAt.toISOString(),
    reversedAt: p.reversedAt?.toISOString() ?? null,
    reversalReason: p.reversalReason,
  };
}

/**
 * Installments with what is paid on them as of today, and their payments: recorded by an admin, never
 * more than the balance, never edited or deleted; a wrong one is reversed with a written reason.
 */
@Injectable()
export class InstallmentsService {
  constructor(
    private readonly store: LedgerStore,
    private readonly installments: InstallmentStore,
    private readonly audit: AuditService,
  ) {}

  private dto(i: LedgerInstallment, today: string): InstallmentDto {
    const { id, contractId, seq, dueOn, amountFen } = i;
    return { id, contractId, seq, dueOn, amountFen, ...installmentState(i, i.payments, today) };
  }

  async list(query: ListQuery, now: Date): Promise<ListResult<InstallmentDto>> {
    const today = chinaDateOf(now);
    const rows = (await this.store.installments(null)).map((i) => this.dto(i, today));
    return listInMemory('installments', rows, query);
  }

  async get(id: number, now: Date): Promise<InstallmentDto> {
    const found = (await this.store.installments(null)).find((i) => i.id === id);
    if (!found) throw ApiException.notFound('installments', id);
    return this.dto(found, chinaDateOf(now));
  }

  async payments(id: number): Promise<PaymentDto[]> {
    await this.installment(id);
    return (await this.installments.payments(id)).map(paymentDto);
  }

  async pay(id: number, body: PaymentBody, actor: Actor, now: Date): Promise<PaymentDto> {
    const today = chinaDateOf(now);
    if (body.paidOn > today) {
      throw ApiException.badRequest([
        {
          field: 'paidOn',
          reason: {
            zh: `付款日期 ${body.paidOn} 晚于今天 ${today}`,
            en: `paid on ${body.paidOn} is after today ${today}`,
          },
        },
      ]);
    }
    return this.installments.transaction(async (manager) => {
      // The row lock makes two payments of the same installment take turns, so the balance check holds.
      const installment = await this.installments.lockInstallment(manager, id);
      if (!installment) throw ApiException.notFound('installments', id);
      const counted = await this.installments.countedPayments(manager, id);
      const balance = installment.amountFen - counted.reduce((s, p) => s + p.amountFen, 0);
      if (body.amountFen > balance) {
        throw ApiException.conflict(
          {
            zh: `付款金额 ${yuan(body.amountFen)} 元超过第 ${installment.seq} 期未付余额 ${yuan(balance)} 元`,
            en: `the payment of ${yuan(body.amountFen)} CNY exceeds the balance of installment ${installment.seq}, ${yuan(balance)} CNY`,
          },
          'amountFen',
        );
      }
      const saved = await this.installments.addPayment(manager, {
        ...body,
        installmentId: id,
        recordedByUserId: actor.userId,
      });
      const after = paymentDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'payments',
        resourceId: saved.id,
        after,
      });
      return after;
    });
  }

  async reverse(
    id: number,
    paymentId: number,
    body: ReversalBody,
    actor: Actor,
    now: Date,
  ): Promise<PaymentDto> {
    return this.installments.transaction(async (manager) => {
      const payment = await this.installments.lockPayment(manager, paymentId, id);
      if (!payment) throw ApiException.notFound('payments', paymentId);
      if (payment.reversedAt) {
        throw ApiException.conflict({
          zh: `该付款已于 ${chinaDateOf(payment.reversedAt)} 冲销`,
          en: `the payment was already reversed on ${chinaDateOf(payment.reversedAt)}`,
        });
      }
      const before = paymentDto(payment);
      payment.reversedAt = now;
      payment.reversalReason = body.reason;
      payment.reversedByUserId = actor.userId;
      const after = paymentDto(await this.installments.savePayment(manager, payment));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'payments',
        resourceId: paymentId,
        before,
        after,
      });
      return after;
    });
  }

  private async installment(id: number): Promise<InstallmentEntity> {
    const found = await this.installments.installment(id);
    if (!found) throw ApiException.notFound('installments', id);
    return found;
  }
}
