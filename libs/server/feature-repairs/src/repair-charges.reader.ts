import { Injectable } from '@nestjs/common';
import type { RepairCause } from '@fleet/domain/repairs';
import { DeviceEntity, RepairTicketEntity } from '@fleet/server/persistence';
import { type EntityManager, In, IsNull, MoreThan } from 'typeorm';

/** A repair ticket that charges someone in its month, with what a statement line says of it. */
export interface RepairCharge {
  ticketId: number;
  ticketNo: string;
  /** Who pays: the liable officer, or the bureau. */
  liability: 'officer' | 'bureau';
  liableOfficerId: number | null;
  costFen: number;
  cause: RepairCause | null;
  liabilityReason: string | null;
  /** The repaired device's first IMEI. */
  imei: string | null;
}

/**
 * The repair charges of a month (issue 5, §3.2), read from repairs' own tables for billing's close
 * (ADR 0017): every ticket closed in it (its charge period) with a cost, liable to an officer or the
 * bureau (a carrier-liable repair charges nobody), by ticket. Four eyes on money (issue 12 item 9): a
 * charge waiting for a second admin's approval, or rejected, is left off; once approved, it is read by
 * the month's next close.
 */
@Injectable()
export class RepairChargesReader {
  async chargesOf(manager: EntityManager, period: string): Promise<RepairCharge[]> {
    const charged = {
      status: 'closed' as const,
      chargePeriod: period,
      liability: In(['officer' as const, 'bureau' as const]),
      costFen: MoreThan(0),
    };
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
    return tickets.map((t) => ({
      ticketId: t.id,
      ticketNo: t.ticketNo,
      liability: t.liability === 'officer' ? 'officer' : 'bureau',
      liableOfficerId: t.liableOfficerId,
      costFen: t.costFen!,
      cause: t.cause,
      liabilityReason: t.liabilityReason,
      imei: imeis.get(t.deviceId) ?? null,
    }));
  }
}
