import type { UsageDashboardDto } from '@fleet/shared/contracts';
import { Box, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { formatYuan } from '../statements/usageFormat';

/** Whole yuan for the axis and the bar labels; the tooltip shows fen exactly. */
const yuanShort = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('zh-CN')}`;

/**
 * Overage per month, a closed month's from its statements and an open month's as a close would compute
 * it now: two series, so the legend tells final figures from estimates. Colours come from the theme, so
 * the chart reads in light and dark mode alike.
 */
export const TrendChart = ({ trend }: { trend: UsageDashboardDto['trend'] }) => {
  const theme = useTheme();
  const translate = useTranslate();
  const closedLabel = translate('fleet.dashboard.trend_closed');
  const openLabel = translate('fleet.dashboard.trend_open');
  const data = trend.map((month) => ({
    period: month.period,
    closed: month.source === 'closed' ? month.overageFen : null,
    open: month.source === 'computed' ? month.overageFen : null,
  }));
  const ink = theme.palette.text.secondary;
  return (
    <Box role="img" aria-label={translate('fleet.usage_dashboard.trend')} sx={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 24, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} vertical={false} />
          <XAxis
            dataKey="period"
            tickFormatter={(period: string) => period.slice(2)}
            tick={{ fill: ink, fontSize: 12 }}
            stroke={theme.palette.divider}
          />
          <YAxis
            tickFormatter={yuanShort}
            tick={{ fill: ink, fontSize: 12 }}
            stroke={theme.palette.divider}
            width={64}
          />
          <Tooltip
            formatter={(value) => formatYuan(Number(value))}
            contentStyle={{
              background: theme.palette.background.paper,
              border: `1px solid ${theme.palette.divider}`,
              color: theme.palette.text.primary,
            }}
            cursor={{ fill: theme.palette.action.hover }}
          />
          <Legend wrapperStyle={{ color: theme.palette.text.primary, fontSize: 13 }} />
          <Bar dataKey="closed" name={closedLabel} stackId="fen" fill={theme.palette.primary.main}>
            <LabelList dataKey="closed" position="top" formatter={labelOf} fill={ink} fontSize={11} />
          </Bar>
          <Bar dataKey="open" name={openLabel} stackId="fen" fill={theme.palette.warning.main}>
            <LabelList dataKey="open" position="top" formatter={labelOf} fill={ink} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

const labelOf = (value: unknown) => (value === null || value === undefined ? '' : yuanShort(Number(value)));
