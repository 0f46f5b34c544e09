import type { StatementLineDraft } from '@fleet/domain/billing';
import { REPAIR_CAUSE_LABELS } from '@fleet/domain/repairs';
import type { RepairCharge } from '@fleet/server/feature-repairs';

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
 * The repair charges of a month as statement lines (issue 5, §3.2), by holder: each ticket's cost on the
 * liable officer's statement or the bureau's summary. The tickets are repairs' (RepairChargesReader:
 * closed in the month with a cost, approved where approval is needed), read at every close, so a repair
 * closed after the month was closed is on the amended statement the next close issues.
 */
export function repairLines(charges: readonly RepairCharge[]): Map<number | null, IssuedLine[]> {
  const lines = new Map<number | null, IssuedLine[]>();
  for (const t of charges) {
    const holder = t.liability === 'officer' ? t.liableOfficerId : null;
    const line: IssuedLine = {
      simId: null,
      category: 'repair',
      used: 0,
      allowance: 0,
      excess: 0,
      amountFen: t.costFen,
      payer: t.liability,
      basis: {
        kind: 'repair',
        ticketNo: t.ticketNo,
        imei: t.imei,
        cause: t.cause,
        causeLabel: t.cause ? REPAIR_CAUSE_LABELS[t.cause].zh : null,
        reason: t.liabilityReason,
      },
      repairTicketId: t.ticketId,
    };
    lines.set(holder, [...(lines.get(holder) ?? []), line]);
  }
  return lines;
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
