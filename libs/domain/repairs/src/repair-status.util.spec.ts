import {
  allowedRepairTransitions,
  isOpenRepairStatus,
  nextRepairStatus,
  OPEN_REPAIR_STATUSES,
  repairTransitionAllowed,
  repairTransitionRefusal,
} from './repair-status.util';
import { REPAIR_STATUSES, type RepairStatus } from './repair-terms';

/** The flow as the issue states it, written out independently of the implementation's table. */
const ALLOWED = new Set<string>([
  'received→diagnosed',
  'received→cancelled',
  'diagnosed→sent_out',
  'diagnosed→returned',
  'diagnosed→replaced',
  'diagnosed→beyond_repair',
  'diagnosed→cancelled',
  'sent_out→returned',
  'sent_out→replaced',
  'sent_out→beyond_repair',
  'returned→closed',
  'replaced→closed',
  'beyond_repair→closed',
]);

const pairs = REPAIR_STATUSES.flatMap((from) =>
  REPAIR_STATUSES.map((to) => ({ from, to, allowed: ALLOWED.has(`${from}→${to}`) })),
);

describe('the repair ticket status flow', () => {
  it('covers every pair of the eight statuses (64), 13 of them allowed', () => {
    expect(pairs).toHaveLength(64);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(13);
  });

  it.each(pairs.filter((p) => p.allowed))('allows $from → $to', ({ from, to }) => {
    expect(repairTransitionAllowed(from, to)).toBe(true);
    expect(nextRepairStatus(from, to)).toBe(to);
    expect(allowedRepairTransitions(from)).toContain(to);
  });

  it.each(pairs.filter((p) => !p.allowed))('refuses $from → $to, naming both', ({ from, to }) => {
    expect(repairTransitionAllowed(from, to)).toBe(false);
    expect(nextRepairStatus(from, to)).toBeNull();
    expect(allowedRepairTransitions(from)).not.toContain(to);
    const refusal = repairTransitionRefusal(from, to);
    expect(refusal.en).toContain(`is ${from} and cannot become ${to}`);
    expect(refusal.zh).toMatch(/^维修单状态为「.+」，不能变为「.+」/);
  });

  it('never allows staying in the same status', () => {
    for (const status of REPAIR_STATUSES) expect(repairTransitionAllowed(status, status)).toBe(false);
  });

  it('makes closed and cancelled final, and every other status open', () => {
    const final: RepairStatus[] = ['closed', 'cancelled'];
    for (const status of REPAIR_STATUSES) {
      expect(isOpenRepairStatus(status)).toBe(!final.includes(status));
    }
    expect(OPEN_REPAIR_STATUSES).toEqual([
      'received',
      'diagnosed',
      'sent_out',
      'returned',
      'replaced',
      'beyond_repair',
    ]);
    expect(repairTransitionRefusal('closed', 'received').zh).toContain('已是最终状态');
    expect(repairTransitionRefusal('received', 'closed').zh).toContain('只能变为：已诊断、已取消');
  });
});
