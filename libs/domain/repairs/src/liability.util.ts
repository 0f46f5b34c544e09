import { isInWarranty, type IsoDate } from '@fleet/domain/inventory';
import { type LiableParty, REPAIR_CAUSE_LABELS, type RepairCause } from './repair-terms';

export interface LiabilityInput {
  cause: RepairCause;
  /** The day the fault was reported (China Standard Time). */
  reportedOn: IsoDate;
  /** The device's warranty end (received + 36 months). */
  warrantyEndOn: IsoDate;
  /** Who held the device when it was damaged (or when the fault was reported), from custody; null: nobody. */
  holderOfficerId: number | null;
}

export interface Liability {
  /** Reported before the warranty end (§3.2): a report on the end day is out of warranty. */
  inWarranty: boolean;
  party: LiableParty;
  /** The officer who pays, when the party is 'officer'. */
  officerId: number | null;
  reason: { zh: string; en: string };
}

/**
 * Who pays for a repair (domain.md §3.2, contract clause 4.6), from the cause found at diagnosis:
 * damage not caused by people is the carrier's in warranty and the bureau's after it; damage caused by
 * people is the officer's who held the device (the bureau's when nobody held it); force majeure is the
 * bureau's. An unknown cause is not proven to be caused by people, so it is treated as not caused by
 * people.
 */
export function repairLiability({
  cause,
  reportedOn,
  warrantyEndOn,
  holderOfficerId,
}: LiabilityInput): Liability {
  const inWarranty = isInWarranty(reportedOn, warrantyEndOn);
  const label = REPAIR_CAUSE_LABELS[cause];
  const warranty = inWarranty
    ? {
        zh: `报修日期 ${reportedOn} 早于保修截止日 ${warrantyEndOn}，在保修期内`,
        en: `reported on ${reportedOn}, before the warranty end ${warrantyEndOn}: in warranty`,
      }
    : {
        zh: `报修日期 ${reportedOn} 不早于保修截止日 ${warrantyEndOn}，已过保修期`,
        en: `reported on ${reportedOn}, not before the warranty end ${warrantyEndOn}: out of warranty`,
      };
  const result = (party: LiableParty, zh: string, en: string, officerId: number | null = null) => ({
    inWarranty,
    party,
    officerId,
    reason: { zh, en },
  });

  switch (cause) {
    case 'drop':
    case 'screen':
    case 'water':
    case 'crush':
    case 'loss':
      return holderOfficerId === null
        ? result(
            'bureau',
            `人为损坏（${label.zh}），但损坏时终端无人领用，没有可追责的持有人：由甲方承担`,
            `Caused by people (${label.en}), but nobody held the device when it was damaged: the bureau pays`,
          )
        : result(
            'officer',
            `人为损坏（${label.zh}）：由损坏时的持有人（警员）承担，与保修期无关`,
            `Caused by people (${label.en}): the officer who held the device when it was damaged pays, warranty or not`,
            holderOfficerId,
          );
    case 'force_majeure':
      return result('bureau', `不可抗力：由甲方承担`, `Force majeure: the bureau pays`);
    case 'quality':
    case 'unknown': {
      const why =
        cause === 'quality'
          ? { zh: `质量问题（非人为损坏）`, en: `Quality fault (not caused by people)` }
          : {
              zh: `原因不明，不能认定为人为损坏，按非人为损坏处理`,
              en: `Cause unknown: not proven to be caused by people, so treated as not caused by people`,
            };
      return inWarranty
        ? result(
            'carrier',
            `${why.zh}，${warranty.zh}：由运营商保修，甲方不承担费用`,
            `${why.en}, ${warranty.en}: the carrier repairs it at no cost to the bureau`,
          )
        : result(
            'bureau',
            `${why.zh}，${warranty.zh}：由甲方承担`,
            `${why.en}, ${warranty.en}: the bureau pays`,
          );
    }
  }
}
