import { KB_PER_MB } from '@fleet/domain/billing';
import type { MyUsageHistoryDto } from '@fleet/shared/contracts';
import { Box, ToggleButton, ToggleButtonGroup, useTheme } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { formatUsage } from '../statements/usageFormat';

const CATEGORIES = ['voice', 'national', 'apn', 'sms'] as const;
type Category = (typeof CATEGORIES)[number];
const FIELD = { voice: 'voiceMin', sms: 'sms', national: 'nationalKb', apn: 'apnKb' } as const;
/** Data on the axis in MB: KB figures would be unreadable. */
const axisValue = (category: Category, amount: number) =>
  category === 'national' || category === 'apn' ? Math.round(amount / KB_PER_MB) : amount;

/**
 * The officer's last 12 months in one category at a time (chosen above the chart), with this month's
 * allowance as a dashed line, so a month over it stands out.
 */
export const UsageHistoryChart = ({
  history,
  allowances,
  selected,
  onSelect,
}: {
  history: MyUsageHistoryDto;
  /** This month's allowance per category, summed over the officer's SIMs. */
  allowances: Partial<Record<string, number>>;
  /** The month shown above the chart, highlighted; tapping a bar picks its month. */
  selected?: string;
  onSelect?: (period: string) => void;
}) => {
  const translate = useTranslate();
  const theme = useTheme();
  const [category, setCategory] = useState<Category>('voice');
  const data = history.months.map((m) => ({
    month: m.period.slice(2).replace('-', '/'),
    period: m.period,
    amount: m[FIELD[category]],
    value: axisValue(category, m[FIELD[category]]),
  }));
  const allowance = allowances[category];
  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={category}
        onChange={(_, value: Category | null) => value && setCategory(value)}
        aria-label={translate('fleet.my_usage.history')}
        sx={{ flexWrap: 'wrap', mb: 1 }}
      >
        {CATEGORIES.map((c) => (
          <ToggleButton key={c} value={c}>
            {translate(`fleet.category.${c}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Box
        role="img"
        aria-label={translate('fleet.my_usage.history_label', {
          category: translate(`fleet.category.${category}`),
        })}
        sx={{ width: '100%', height: 220 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={theme.palette.divider} />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 11 }} width={48} />
            <Tooltip
              formatter={(_value, _name, item) => [
                formatUsage(category, (item.payload as { amount: number }).amount, translate),
                translate(`fleet.category.${category}`),
              ]}
              labelFormatter={(_label, items) =>
                (items[0]?.payload as { period?: string } | undefined)?.period ?? ''
              }
            />
            {allowance !== undefined && allowance > 0 && (
              <ReferenceLine
                y={axisValue(category, allowance)}
                stroke={theme.palette.error.main}
                strokeDasharray="6 4"
                label={{
                  value: translate('fleet.my_usage.allowance_line'),
                  position: 'insideTopRight',
                  fontSize: 11,
                  fill: theme.palette.error.main,
                }}
              />
            )}
            <Bar
              dataKey="value"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
              cursor={onSelect ? 'pointer' : undefined}
              onClick={(entry: { payload?: { period?: string } }) => {
                if (entry.payload?.period) onSelect?.(entry.payload.period);
              }}
            >
              {data.map((d) => (
                <Cell
                  key={d.period}
                  fill={d.period === selected ? theme.palette.primary.dark : theme.palette.primary.light}
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
};
