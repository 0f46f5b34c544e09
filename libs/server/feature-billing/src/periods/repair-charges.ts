import type { StatementLineDraft } from '@fleet/domain/billing';
import { REPAIR_CAUSE_LABELS } from '@fleet/domain/repairs';
import { DeviceEntity, RepairTicketEntity } from '@fleet/server/persistence';
import { type EntityManager, In, IsNull, MoreThan } from 'typeorm';

/** A statement line as a close writes it: a usage line, or a repair charge pointing at its ticket. */
export type IssuedLine =
  | (StatementLineDraft & { repairTicketId?: null })
  | {
      simId: null;
      category: 'repair';
      used: 0;
      allowance: 0;
      excess: 0;
      amountFen: number;
      payer: 'officer' | 'bureau';
      basis: Record<string, string | number | null>;
      repairTicketId: number;
    };

/**
 * The repair charges of a month (issue 5, §3.2): every ticket closed in it (its charge period) with a
 * cost, on the liable officer's statement or the bureau's summary. A carrier-liable repair charges
 * nobody. Read from the tickets themselves, so a repair closed after the month was closed is on the
 * amended statement the next close issues. A charge awaiting a second admin's approval (or rejected)
 * is not billed; approved, it is on the statements of the month's next close.
 */
export async function repairCharges(
  manager: EntityManager,
  period: string,
): Promise<Map<number | null, IssuedLine[]>> {
  const charged = {
    status: 'closed' as const,
    chargePeriod: period,
    liability: In(['officer' as const, 'bureau' as const]),
    costFen: MoreThan(0),
  };
  // Four eyes on money (issue 12 item 9): a charge waiting for a second admin, or rejected, is left
  // off; once approved, the month's next close puts it on (repairChargeBillable).
  const tickets = await manager.find(RepairTicketEntity, {
    where: [
      { ...charged, approvalStatus: IsNull() },
      { ...charged, approvalStatus: 'approved' },
    ],
    order: { id: 'ASC' },
  });
  const devices = tickets.length
    ? await manager.findBy(DeviceEntity, { id: In([...new Set(tickets.map((t) => t.deviceId))]) })
    : [];
  const imeis = new Map(devices.map((d) => [d.id, d.imei1]));
  const charges = new Map<number | null, IssuedLine[]>();
  for (const t of tickets) {
    const holder = t.liability === 'officer' ? t.liableOfficerId : null;
    const line: IssuedLine = {
      simId: null,
      category: 'repair',
      used: 0,
      allowance: 0,
      excess: 0,
      amountFen: t.costFen!,
      payer: t.liability === 'officer' ? 'officer' : 'bureau',
      basis: {
        kind: 'repair',
        ticketNo: t.ticketNo,
        imei: imeis.get(t.deviceId) ?? null,
        cause: t.cause,
        causeLabel: t.cause ? REPAIR_CAUSE_LABELS[t.cause].zh : null,
        reason: t.liabilityReason,
      },
      repairTicketId: t.id,
    };
    charges.set(holder, [...(charges.get(holder) ?? []), line]);
  }
  return charges;
}

/** What two statements are compared on: the figures, the payer and (for repairs) the ticket. */
interface ComparedLine {
  simId: number | null;
  category: string;
  used: number;
  allowance: number;
  excess: number;
  amountFen: number;
  payer: string;
  repairTicketId?: number | null;
}

const lineKey = (l: ComparedLine) =>
  [
    l.simId ?? '',
    l.category,
    l.used,
    l.allowance,
    l.excess,
    l.amountFen,
    l.payer,
    l.repairTicketId ?? '',
  ].join('|');

/** Whether two sets of lines bill the same (order aside), repair lines by their ticket. */
export function sameIssuedLines(a: readonly ComparedLine[], b: readonly ComparedLine[]): boolean {
  if (a.length !== b.length) return false;
  const left = a.map(lineKey).sort();
  const right = b.map(lineKey).sort();
  return left.every((k, i) => k === right[i]);
}
