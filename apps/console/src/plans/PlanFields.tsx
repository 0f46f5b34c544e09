import type { PlanDto } from '@fleet/shared/contracts';
import { NumberInput, useRecordContext, useTranslate, type NumberInputProps } from 'react-admin';

import { KB_PER_GB } from '@fleet/shared/contracts';
import { formatUsage } from '../statements/usageFormat';

/** A plan's allowances and the unit a person reads each in (minutes, GB/MB, messages). */
export const PLAN_ALLOWANCES = [
  { source: 'voiceMin', category: 'voice' },
  { source: 'nationalKb', category: 'national' },
  { source: 'apnKb', category: 'apn' },
  { source: 'sms', category: 'sms' },
] as const;

/** One allowance of the plan in context, in its unit: "1500 分钟", "20.00 GB", "100 条". */
export const PlanAllowanceField = ({ source, category }: (typeof PLAN_ALLOWANCES)[number]) => {
  const plan = useRecordContext<PlanDto>();
  const translate = useTranslate();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {plan ? formatUsage(category, plan[source], translate) : null}
    </span>
  );
};

/** A volume typed in GB and sent in integer KB (the carrier's unit). */
export const GigabyteInput = (props: NumberInputProps) => (
  <NumberInput
    {...props}
    step={0.5}
    format={(kb: number | null | undefined) => (kb === null || kb === undefined ? '' : kb / KB_PER_GB)}
    parse={(gb: string) => (gb === '' ? null : Math.round(Number(gb) * KB_PER_GB))}
  />
);
